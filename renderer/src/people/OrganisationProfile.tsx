import { Text } from '@mantine/core';

/** Placeholder until organisation profiles lands. */
export function OrganisationProfile(_props: { organisationId: string }) {
  return <Text c="dimmed">…</Text>;
}
