import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AdoptionBlocker, AdoptionResult, Quorum } from '../../../shared/goals/adoption';
import { formatMoment, joinNames } from './format';

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

function BlockerText({ blocker, nameOf }: { blocker: AdoptionBlocker; nameOf: (organisationId: string) => string }) {
  const { t, i18n } = useTranslation();
  const names = (ids: readonly string[]) => joinNames(ids.map(nameOf), i18n.resolvedLanguage);
  switch (blocker.kind) {
    case 'noOrganisations':
      return t('goals.blockers.noOrganisations');
    case 'objection':
      return t('goals.blockers.objection', { names: names(blocker.organisationIds) });
    case 'awaiting':
      return t('goals.blockers.awaiting', { names: names(blocker.organisationIds) });
    case 'quorum':
      return t('goals.blockers.quorum', { supporting: blocker.supporting, required: blocker.required });
  }
}

/** The adoption of a goal in words: the badge, what still stands in the way, and the rule that applies. */
export function AdoptionStatus({ result, quorum, nameOf }: { result: AdoptionResult; quorum: Quorum; nameOf: (organisationId: string) => string }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <AdoptionBadge adopted={result.adopted} />
        {result.adoptedAt !== undefined && <Text size="sm">{t('goals.adoptedAt', { date: formatMoment(result.adoptedAt, i18n.resolvedLanguage) })}</Text>}
      </Group>
      {result.blockers.length > 0 && (
        <List size="sm" spacing={2}>
          {result.blockers.map((blocker) => (
            <List.Item key={blocker.kind}>
              <BlockerText blocker={blocker} nameOf={nameOf} />
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed">
        {t('goals.quorumRule', { min: quorum.minSupportingOrganisations, percent: quorum.minSupportingPercent })}{' '}
        {result.organisations.length > 0 && t('goals.quorumRuleHere', { required: result.requiredSupporting, total: result.organisations.length })}
      </Text>
    </Stack>
  );
}
