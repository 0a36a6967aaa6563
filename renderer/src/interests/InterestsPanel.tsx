import { Text } from '@mantine/core';

/** Placeholder until interests lands. */
export function InterestsPanel() {
  return <Text c="dimmed">…</Text>;
}
