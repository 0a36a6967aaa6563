import { Modal, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffText, hasChanges } from '../../../shared/goals/text-diff';

const ADDED_STYLE = { background: 'var(--mantine-color-green-1)', color: 'var(--mantine-color-black)', textDecoration: 'underline' } as const;
const REMOVED_STYLE = { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-black)', textDecoration: 'line-through' } as const;

/**
 * Word-level difference from `before` to `after`. Changes are <ins>/<del>
 * with underline and strike-through, and a screen reader hears "added:" /
 * "removed:" before each, so nothing depends on colour alone.
 */
export function TextDiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const { t } = useTranslation();
  const parts = useMemo(() => diffText(before, after), [before, after]);
  if (!hasChanges(parts)) return <Text size="sm">{t('goals.sameAsCurrent')}</Text>;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {t('goals.diffLegend')}
      </Text>
      <Paper withBorder p="sm" role="group" aria-label={label} style={{ whiteSpace: 'pre-wrap', maxHeight: 360, overflowY: 'auto' }}>
        {parts.map((part, index) =>
          part.kind === 'same' ? (
            <span key={index}>{part.text}</span>
          ) : part.kind === 'added' ? (
            <ins key={index} style={ADDED_STYLE}>
              <VisuallyHidden>{t('goals.diffAdded')} </VisuallyHidden>
              {part.text}
              <VisuallyHidden> ({t('goals.diffEnd')})</VisuallyHidden>
            </ins>
          ) : (
            <del key={index} style={REMOVED_STYLE}>
              <VisuallyHidden>{t('goals.diffRemoved')} </VisuallyHidden>
              {part.text}
              <VisuallyHidden> ({t('goals.diffEnd')})</VisuallyHidden>
            </del>
          ),
        )}
      </Paper>
    </Stack>
  );
}

/** The difference between the text a stance was given on and the current text. */
export function StaleDiffModal({ organisationName, before, after, onClose }: { organisationName: string; before: string; after: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('goals.diffTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('goals.diffIntro', { name: organisationName })}</Text>
        <TextDiffView before={before} after={after} label={t('goals.diffTitle')} />
      </Stack>
    </Modal>
  );
}
