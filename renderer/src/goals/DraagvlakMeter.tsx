import { Alert, Box, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportStatus } from '../../../shared/goals/adoption';
import type { StanceRecord } from '../../../shared/goals/stance';
import { formatMoment } from './format';
import { meterSegments, STANCE_KIND_KEYS, STATUS_KEYS, type MeterRow } from './goals-view';
import { MandateHolderText } from './MandateHolderText';
import { StaleDiffModal } from './TextDiffView';

/** Colour is a second cue only: every segment and row also says its status in words. */
export const STATUS_COLOURS: Record<SupportStatus, string> = {
  endorsed: 'green.7',
  reservations: 'teal.4',
  stoodAside: 'gray.5',
  objected: 'red.7',
  stale: 'orange.5',
  notResponded: 'gray.2',
  invalid: 'grape.7',
};

/** The segmented bar: one section per status, each named in words with its count. */
export function SupportBar({ counts, size }: { counts: Readonly<Record<SupportStatus, number>>; size: 'sm' | 'xl' }) {
  const { t } = useTranslation();
  const segments = meterSegments({ counts });
  const total = segments.reduce((sum, segment) => sum + segment.count, 0);
  if (segments.length === 0) return null;
  return (
    <Progress.Root size={size} aria-label={t('goals.barLabel')} role="group">
      {segments.map((segment) => (
        <Progress.Section
          key={segment.status}
          value={segment.percent}
          color={STATUS_COLOURS[segment.status]}
          aria-label={t('goals.segment', { status: t(`goals.status.${STATUS_KEYS[segment.status]}`), count: segment.count, total })}
        />
      ))}
    </Progress.Root>
  );
}

export interface StanceRequest {
  readonly organisationId: string;
  readonly previous?: StanceRecord;
}

interface DraagvlakMeterProps {
  readonly rows: readonly MeterRow[];
  readonly counts: Readonly<Record<SupportStatus, number>>;
  readonly unattributed: number;
  readonly currentText: string;
  readonly onTakeStance: (request: StanceRequest) => void;
}

/** The support for one goal: a segmented bar and a row per participating organisation. */
export function DraagvlakMeter({ rows, counts, unattributed, currentText, onTakeStance }: DraagvlakMeterProps) {
  const { t } = useTranslation();
  const [diffFor, setDiffFor] = useState<MeterRow>();
  const signable = rows.filter((row) => row.canSign);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="draagvlak-heading">
      <Stack>
        <Group justify="space-between">
          <Title order={3} id="draagvlak-heading">
            {t('goals.draagvlak')}
          </Title>
          <Group gap="xs">
            {signable.map((row) => (
              <Button key={row.organisationId} onClick={() => onTakeStance({ organisationId: row.organisationId })}>
                {signable.length === 1 ? t('goals.takeStance') : t('goals.takeStanceFor', { name: row.name ?? t('goals.unknownOrganisation') })}
              </Button>
            ))}
          </Group>
        </Group>
        <SupportBar counts={counts} size="xl" />
        <Stack component="ul" gap="xs" aria-label={t('goals.organisationsLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((row) => (
            <MeterRowItem key={row.organisationId} row={row} onDiff={() => setDiffFor(row)} onReconfirm={() => onTakeStance({ organisationId: row.organisationId, ...(row.stance ? { previous: row.stance } : {}) })} />
          ))}
        </Stack>
        {unattributed > 0 && (
          <Text size="xs" c="dimmed">
            {t('goals.unattributed', { count: unattributed })}
          </Text>
        )}
      </Stack>
      {diffFor?.stance && <StaleDiffModal organisationName={diffFor.name ?? t('goals.unknownOrganisation')} before={diffFor.stance.canonicalText} after={currentText} onClose={() => setDiffFor(undefined)} />}
    </Paper>
  );
}

function MeterRowItem({ row, onDiff, onReconfirm }: { row: MeterRow; onDiff: () => void; onReconfirm: () => void }) {
  const { t, i18n } = useTranslation();
  const name = row.name ?? t('goals.unknownOrganisation');
  const stance = row.stance;
  return (
    <Paper component="li" withBorder p="sm" aria-label={name}>
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <Box w={12} h={12} bg={STATUS_COLOURS[row.status]} style={{ borderRadius: 6, flexShrink: 0 }} aria-hidden />
          <Text fw={600}>{name}</Text>
          <Text data-testid="stance-status">{t(`goals.status.${STATUS_KEYS[row.status]}`)}</Text>
        </Group>
        {stance && (
          <>
            {row.status === 'stale' && <Text size="sm">{t('goals.previousStance', { stance: t(`goals.stances.${STANCE_KIND_KEYS[stance.stance]}`) })}</Text>}
            <Text size="sm" c="dimmed">
              {t('goals.signedBy', { name: row.signerName ?? t('goals.unknownMember'), date: formatMoment(stance.at, i18n.resolvedLanguage) })}
            </Text>
            {stance.reason !== '' && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('goals.reason', { reason: stance.reason })}
              </Text>
            )}
          </>
        )}
        {row.holders.map((holder, index) => (
          <MandateHolderText key={index} {...holder} />
        ))}
        {row.noMandateHolder && (
          <Text size="sm" c="dimmed">
            {t('goals.noMandateHolder')}
          </Text>
        )}
        {row.invalidStances > 0 && (
          <Alert color="grape" p="xs">
            {t('goals.invalidIgnored', { count: row.invalidStances })}
          </Alert>
        )}
        {row.unmandatedStances > 0 && (
          <Text size="sm" c="dimmed">
            {t('goals.unmandatedIgnored', { count: row.unmandatedStances })}
          </Text>
        )}
        {row.status === 'stale' && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onDiff}>
              {t('goals.viewDiff')}
            </Button>
            {row.canSign && (
              <Button size="xs" onClick={onReconfirm}>
                {t('goals.reconfirm')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
