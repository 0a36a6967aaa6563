import { Alert, Button, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalVersion } from '../../../shared/workspace-doc/goals';
import { formatMoment } from './format';
import { TextDiffView } from './TextDiffView';

interface VersionHistoryModalProps {
  readonly versions: readonly GoalVersion[];
  readonly damagedVersions: number;
  readonly currentText: string;
  readonly memberName: (memberId: string) => string;
  readonly onClose: () => void;
}

/** Saved versions of a goal text, newest first, each with its difference to the text as it is now. */
export function VersionHistoryModal({ versions, damagedVersions, currentText, memberName, onClose }: VersionHistoryModalProps) {
  const { t } = useTranslation();
  const numbered = versions.map((version, index) => ({ version, number: index + 1 })).reverse();
  return (
    <Modal opened onClose={onClose} title={t('goals.history')} size="lg">
      <Stack>
        {damagedVersions > 0 && <Alert color="orange">{t('goals.damagedVersions', { count: damagedVersions })}</Alert>}
        {numbered.length === 0 && <Text size="sm">{t('goals.noVersions')}</Text>}
        <Stack component="ol" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {numbered.map(({ version, number }) => (
            <VersionItem key={`${number}-${version.textHash}`} version={version} number={number} currentText={currentText} memberName={memberName} />
          ))}
        </Stack>
      </Stack>
    </Modal>
  );
}

function VersionItem({ version, number, currentText, memberName }: { version: GoalVersion; number: number; currentText: string; memberName: (memberId: string) => string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const label = t('goals.versionLine', { number });
  const diffId = `goal-version-diff-${number}`;
  return (
    <Paper component="li" withBorder p="xs" aria-label={label}>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {label}
          {version.inForce && ` · ${t('goals.versionInForce')}`}
        </Text>
        <Text size="xs" c="dimmed">
          {t('goals.versionMeta', { date: formatMoment(version.at, i18n.resolvedLanguage), name: memberName(version.by) })}
        </Text>
        <Button size="xs" variant="default" onClick={() => setOpen((before) => !before)} aria-expanded={open} aria-controls={open ? diffId : undefined} style={{ alignSelf: 'flex-start' }}>
          {t('goals.showDiff')}
        </Button>
        {open && (
          <div id={diffId}>
            <TextDiffView before={version.canonicalText} after={currentText} label={t('goals.showDiffNamed', { number })} />
          </div>
        )}
      </Stack>
    </Paper>
  );
}
