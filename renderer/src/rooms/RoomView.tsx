import { Text } from '@mantine/core';

/** Placeholder until rooms lands. */
export function RoomView(_props: { roomId: string }) {
  return <Text c="dimmed">…</Text>;
}
