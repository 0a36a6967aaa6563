import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ONBOARDING_STEPS, type OnboardingChecklist } from '../../../shared/dashboard/onboarding';
import type { DashboardNames } from '../../../shared/dashboard/view';
import { useNames } from './names';

/** Every organisation's onboarding progress, least done first: the parties still finding their way in. */
export function OnboardingOverview({ checklists, names }: { checklists: readonly OnboardingChecklist[]; names: DashboardNames }) {
  const { t } = useTranslation();
  const name = useNames(names);
  const ordered = [...checklists].sort((a, b) => a.doneCount - b.doneCount);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dashboard-onboarding">
      <Title order={3} id="dashboard-onboarding" mb="sm">
        {t('dashboard.onboarding.title')}
      </Title>
      <Table.ScrollContainer minWidth={400}>
        <Table data-testid="onboarding-overview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.onboarding.organisation')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.onboarding.stepsDone')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.onboarding.open')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.map((checklist) => (
              <Table.Tr key={checklist.organisationId}>
                <Table.Th scope="row" fw="normal">
                  <Anchor component={Link} href={`/organisaties/${encodeURIComponent(checklist.organisationId)}`}>
                    {name.organisation(checklist.organisationId)}
                  </Anchor>
                </Table.Th>
                <Table.Td>{t('dashboard.onboarding.progress', { done: checklist.doneCount, total: ONBOARDING_STEPS.length })}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {checklist.steps
                      .filter((s) => !s.done)
                      .map((s) => t(`dashboard.onboarding.stepsShort.${s.step}`))
                      .join(', ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
