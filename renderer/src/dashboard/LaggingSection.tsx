import { Anchor, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Lagging } from '../../../shared/dashboard/lagging';
import type { DashboardNames } from '../../../shared/dashboard/view';
import { useNames } from './names';

function LaggingList({ id, title, empty, children }: { id: string; title: string; empty: string; children: ReactNode[] }) {
  return (
    <Stack gap={4} component="section" aria-labelledby={id} data-testid={id}>
      <Title order={4} id={id}>
        {title}
      </Title>
      {children.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {children}
        </List>
      )}
    </Stack>
  );
}

/** Where the community manager's next call goes: silent organisations, goals waiting for stances, overdue actions. */
export function LaggingSection({ lagging, names }: { lagging: Lagging; names: DashboardNames }) {
  const { t } = useTranslation();
  const name = useNames(names);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dashboard-lagging">
      <Title order={3} id="dashboard-lagging" mb="sm">
        {t('dashboard.lagging.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <LaggingList id="lagging-silent" title={t('dashboard.lagging.silent')} empty={t('dashboard.lagging.silentNone')}>
          {lagging.silentOrganisationIds.map((id) => (
            <List.Item key={id}>
              <Anchor component={Link} href={`/organisaties/${encodeURIComponent(id)}`}>
                {name.organisation(id)}
              </Anchor>
            </List.Item>
          ))}
        </LaggingList>
        <LaggingList id="lagging-goals" title={t('dashboard.lagging.waiting')} empty={t('dashboard.lagging.waitingNone')}>
          {lagging.waitingGoals.map((goal) => (
            <List.Item key={goal.goalId}>
              <Anchor component={Link} href={`/doelen/${encodeURIComponent(goal.goalId)}`}>
                {name.goal(goal.goalId)}
              </Anchor>{' '}
              — {t('dashboard.lagging.waitingFor', { count: goal.waitingFor.length })}
              <Text size="xs" c="dimmed">
                {goal.waitingFor.map(name.organisation).join(', ')}
              </Text>
            </List.Item>
          ))}
        </LaggingList>
        <LaggingList id="lagging-overdue" title={t('dashboard.lagging.overdue')} empty={t('dashboard.lagging.overdueNone')}>
          {lagging.overdueActions.map((action) => (
            <List.Item key={`${action.groupId}/${action.actionId}`}>
              <Anchor component={Link} href={`/werkgroepen/${encodeURIComponent(action.groupId)}`}>
                {t('dashboard.lagging.overdueItem', { count: action.daysOverdue, title: action.title, group: name.workingGroup(action.groupId), owner: name.member(action.ownerMemberId) })}
              </Anchor>
            </List.Item>
          ))}
        </LaggingList>
      </SimpleGrid>
    </Paper>
  );
}
