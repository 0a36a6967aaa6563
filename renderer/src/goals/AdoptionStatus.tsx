import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Quorum } from '../../../shared/goals/adoption';
import type { GoalStanding } from '../../../shared/goals/goal-standing';
import { stepsToAdoption, type StepToAdoption } from '../../../shared/goals/still-to-act';
import { formatMoment } from './format';

/** "Aangenomen" or "Nog niet aangenomen"; the words carry the meaning, the colour and icon repeat it. */
export function AdoptionBadge({ adopted }: { adopted: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="lg"
      tt="none"
      variant={adopted ? 'filled' : 'outline'}
      color={adopted ? 'teal.9' : 'gray.7'}
      leftSection={adopted ? <IconCircleCheck size={16} aria-hidden /> : <IconHourglass size={16} aria-hidden />}
    >
      {adopted ? t('goals.adopted') : t('goals.notAdopted')}
    </Badge>
  );
}

function StepText({ step, nameOf }: { step: StepToAdoption; nameOf: (organisationId: string) => string }) {
  const { t } = useTranslation();
  switch (step.kind) {
    case 'noOrganisations':
      return t('goals.toAct.noOrganisations');
    case 'quorum':
      return t('goals.toAct.quorum', { count: step.missing, supporting: step.supporting, required: step.required });
    default:
      return t(`goals.toAct.${step.kind}`, { name: nameOf(step.organisationId) });
  }
}

/**
 * The adoption of a goal in words: the badge (for the version in force),
 * a proposal to change it, who still has to do what, and the rule that applies.
 */
export function AdoptionStatus({ standing, quorum, nameOf }: { standing: GoalStanding; quorum: Quorum; nameOf: (organisationId: string) => string }) {
  const { t, i18n } = useTranslation();
  const result = standing.live;
  const steps = stepsToAdoption(result);
  const adoptedAt = standing.inForce?.result.adoptedAt;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <AdoptionBadge adopted={standing.inForce !== undefined} />
        {adoptedAt !== undefined && <Text size="sm">{t('goals.adoptedAt', { date: formatMoment(adoptedAt, i18n.resolvedLanguage) })}</Text>}
      </Group>
      {standing.proposal && (
        <Alert color="blue" p="xs">
          {t('goals.proposalOpen')}
        </Alert>
      )}
      {steps.length > 0 && (
        <section aria-labelledby="goal-to-act-heading">
          <Text size="sm" fw={600} id="goal-to-act-heading">
            {standing.proposal ? t('goals.toActProposalTitle') : t('goals.toActTitle')}
          </Text>
          <List size="sm" spacing={2}>
            {steps.map((step) => (
              <List.Item key={'organisationId' in step ? `${step.kind}:${step.organisationId}` : step.kind}>
                <StepText step={step} nameOf={nameOf} />
              </List.Item>
            ))}
          </List>
        </section>
      )}
      <Text size="xs" c="dimmed">
        {t('goals.quorumRule', { min: quorum.minSupportingOrganisations, percent: quorum.minSupportingPercent })}{' '}
        {result.organisations.length > 0 && t('goals.quorumRuleHere', { required: result.requiredSupporting, total: result.organisations.length })}
      </Text>
    </Stack>
  );
}
