import { Text } from '@mantine/core';

/** Placeholder until the activity view lands. */
export function ActivityPanel() {
  return <Text c="dimmed">…</Text>;
}
