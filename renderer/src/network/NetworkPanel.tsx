import { Text } from '@mantine/core';

/** Placeholder until the network picture lands. */
export function NetworkPanel() {
  return <Text c="dimmed">…</Text>;
}
