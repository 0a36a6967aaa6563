import { Text } from '@mantine/core';

/** Placeholder until rooms lands. */
export function RoomsPanel() {
  return <Text c="dimmed">…</Text>;
}
