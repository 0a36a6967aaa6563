import { Anchor, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import type { Goal } from '../../../shared/workspace-doc/goals';
import { AdoptionBadge } from './AdoptionStatus';
import { SupportBar } from './DraagvlakMeter';
import { useGoalAdoption } from './useGoalAdoption';

export const goalPath = (goalId: string) => `/doelen/${encodeURIComponent(goalId)}`;

/** One goal in the list: its title as a link, whether it is adopted, and how far support has come. */
export function GoalCard({ doc, goal }: { doc: Y.Doc; goal: Goal }) {
  const { t } = useTranslation();
  const adoption = useGoalAdoption(doc, goal.id);
  const headingId = `goal-card-${goal.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>
          <Anchor component={Link} href={goalPath(goal.id)}>
            {goal.title}
          </Anchor>
        </Title>
        {adoption.status === 'ready' ? (
          <Stack gap={6}>
            <SupportBar counts={adoption.result.counts} size="sm" />
            <Group gap="sm">
              <AdoptionBadge adopted={adoption.standing.inForce !== undefined} />
              {adoption.standing.proposal && (
                <Badge variant="outline" color="blue.9" tt="none">
                  {t('goals.proposalOpenShort')}
                </Badge>
              )}
              <Text size="sm">
                {adoption.result.organisations.length === 0
                  ? t('goals.summaryNone')
                  : t('goals.summary', { supporting: adoption.result.supporting, total: adoption.result.organisations.length })}
              </Text>
            </Group>
          </Stack>
        ) : adoption.status === 'loading' ? (
          <Loader size="xs" role="status" aria-label={t('goals.computing')} />
        ) : null}
      </Stack>
    </Paper>
  );
}
