import { SectionHeading } from '../components/SectionHeading';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { groupSummary, type GroupSummary } from './groups-view';
import { useLocalDay } from './useLocalDay';
import { WorkingGroupFormModal } from './WorkingGroupFormModal';
import { useGroupsSnapshot } from './useGroupsSnapshot';

function GroupCard({ summary }: { summary: GroupSummary }) {
  const { t } = useTranslation();
  const headingId = `group-${summary.id}`;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>
          <Anchor component={Link} href={`/werkgroepen/${encodeURIComponent(summary.id)}`}>
            {summary.name}
          </Anchor>
        </Title>
        <Text size="sm">
          {t('groups.memberCount', { count: summary.memberCount })} · {t('groups.organisationCount', { count: summary.organisationCount })}
        </Text>
        <Group gap="xs">
          <Text size="sm">{t('groups.openActions', { count: summary.openActions })}</Text>
          {summary.overdueActions > 0 && (
            <Badge color="red.8" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
              {t('groups.overdueActions', { count: summary.overdueActions })}
            </Badge>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** Werkgroepen: every group as a card with its spread over organisations and how its actions stand. */
export function WorkingGroupsPanel() {
  const { t } = useTranslation();
  const snapshot = useGroupsSnapshot();
  const today = useLocalDay();
  const [creating, setCreating] = useState(false);
  const headingId = 'groups-heading';

  return (
    <Stack component="section" aria-labelledby={headingId}>
      <SectionHeading id={headingId} title={t('groups.title')} intro={t('groups.intro')}>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          {t('groups.new')}
        </Button>
      </SectionHeading>
      {snapshot.groups.length === 0 && (
        <Paper withBorder p="lg">
          <Text>{t('groups.empty')}</Text>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {snapshot.groups.map((result) =>
          result.ok ? (
            <GroupCard key={result.id} summary={groupSummary(result.value, snapshot.members, snapshot.organisations, today)} />
          ) : (
            <Alert key={result.id} color="orange" icon={<IconAlertTriangle aria-hidden />}>
              {t('groups.damaged', { problem: result.problem })}
            </Alert>
          ),
        )}
      </SimpleGrid>
      {creating && <WorkingGroupFormModal members={snapshot.members} organisations={snapshot.organisations} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
