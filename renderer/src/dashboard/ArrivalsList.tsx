import { Anchor, Badge, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Arrival } from '../../../shared/dashboard/arrivals';
import type { DashboardNames } from '../../../shared/dashboard/view';
import { useNames } from './names';
import { dateFormatter } from '../i18n/format-date';

/** Samen creëren's growth as community events: who came in, and through whom. */
export function ArrivalsList({ arrivals, names }: { arrivals: readonly Arrival[]; names: DashboardNames }) {
  const { t, i18n } = useTranslation();
  const name = useNames(names);
  const dateFormat = dateFormatter('day', i18n.resolvedLanguage);
  return (
    <Stack gap={4} component="section" aria-labelledby="dashboard-arrivals" data-testid="dashboard-arrivals">
      <Title order={4} id="dashboard-arrivals">
        {t('dashboard.arrivals.title')}
      </Title>
      {arrivals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.arrivals.none')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {arrivals.map((arrival) =>
            arrival.kind === 'organisation' ? (
              <List.Item key={`o:${arrival.organisationId}`}>
                <Anchor component={Link} href={`/organisaties/${encodeURIComponent(arrival.organisationId)}`}>
                  {t('dashboard.arrivals.organisation', { organisation: name.organisation(arrival.organisationId), name: name.member(arrival.by) })}
                </Anchor>{' '}
                {arrival.newParty && (
                  <Badge size="xs" variant="outline">
                    {t('dashboard.arrivals.newParty')}
                  </Badge>
                )}{' '}
                <Text span size="xs" c="dimmed">
                  {dateFormat.format(arrival.at)}
                </Text>
              </List.Item>
            ) : (
              <List.Item key={`m:${arrival.memberId}`}>
                <Anchor component={Link} href={`/mensen/${encodeURIComponent(arrival.memberId)}`}>
                  {t('dashboard.arrivals.member', { name: name.member(arrival.memberId), by: name.member(arrival.invitedBy) })}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  {dateFormat.format(arrival.at)}
                </Text>
              </List.Item>
            ),
          )}
        </List>
      )}
    </Stack>
  );
}
