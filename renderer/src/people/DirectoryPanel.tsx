import { Text } from '@mantine/core';

/** Placeholder until the directory lands. */
export function DirectoryPanel() {
  return <Text c="dimmed">…</Text>;
}
