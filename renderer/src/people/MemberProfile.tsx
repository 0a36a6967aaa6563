import { Text } from '@mantine/core';

/** Placeholder until member profiles lands. */
export function MemberProfile(_props: { memberId: string }) {
  return <Text c="dimmed">…</Text>;
}
