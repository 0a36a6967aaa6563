import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DecisionLogEntry } from '../../../shared/goals/decision-log';
import { formatMoment } from './format';
import { STANCE_KIND_KEYS } from './goals-view';

interface DecisionLogProps {
  readonly entries: readonly DecisionLogEntry[];
  readonly currentTextHash: string;
  /** While a change is proposed: the text in force, so the log says which stances are on which text. */
  readonly inForceTextHash?: string | undefined;
  readonly organisationName: (organisationId: string) => string;
  readonly memberName: (memberId: string) => string;
}

/** Every counted stance and the adoption, newest first; derived from the signed stances, so every peer shows the same. */
export function DecisionLog({ entries, currentTextHash, inForceTextHash, organisationName, memberName }: DecisionLogProps) {
  const { t, i18n } = useTranslation();
  const proposal = inForceTextHash !== undefined && inForceTextHash !== currentTextHash;
  const textNote = (textHash: string): string | undefined =>
    proposal && textHash === inForceTextHash ? t('goals.logAdoptedText') : proposal && textHash === currentTextHash ? t('goals.logProposalText') : textHash !== currentTextHash ? t('goals.logEarlierText') : undefined;
  const date = (at: number) => formatMoment(at, i18n.resolvedLanguage);
  const newestFirst = [...entries].reverse();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decision-log-heading">
      <Stack gap="sm">
        <Title order={3} id="decision-log-heading">
          {t('goals.log')}
        </Title>
        {newestFirst.length === 0 && <Text size="sm">{t('goals.logEmpty')}</Text>}
        <Stack component="ol" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {newestFirst.map((entry, index) => (
            <li key={`${entry.kind}-${entry.kind === 'adopted' ? entry.at : entry.record.signature}-${index}`}>
              {entry.kind === 'adopted' && (
                <>
                  <Text size="sm" fw={600}>
                    {t('goals.logAdopted')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {date(entry.at)}
                  </Text>
                </>
              )}
              {entry.kind === 'stance' && (
                <>
                  <Text size="sm" fw={600}>
                    {t('goals.logStance', { organisation: organisationName(entry.record.organisationId), stance: t(`goals.stances.${STANCE_KIND_KEYS[entry.record.stance]}`) })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('goals.logBy', { name: memberName(entry.record.memberId), date: date(entry.at) })}
                    {textNote(entry.record.textHash) && ` · ${textNote(entry.record.textHash)}`}
                  </Text>
                  {entry.record.reason !== '' && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {t('goals.reason', { reason: entry.record.reason })}
                    </Text>
                  )}
                </>
              )}
              {entry.kind === 'superseded' && (
                <Text size="xs" c="dimmed">
                  {t('goals.logSuperseded', { organisation: organisationName(entry.record.organisationId), stance: t(`goals.stances.${STANCE_KIND_KEYS[entry.record.stance]}`) })}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
