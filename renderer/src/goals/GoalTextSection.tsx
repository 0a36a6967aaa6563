import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { GoalStanding } from '../../../shared/goals/goal-standing';
import { proposeChange } from '../../../shared/workspace-doc/goals';
import { FormModal } from '../components/FormModal';
import { useStorageAction } from '../hooks/useStorageAction';
import { GoalStatementEditor } from './editor/GoalStatementEditor';

interface GoalTextSectionProps {
  readonly doc: Y.Doc;
  readonly goalId: string;
  readonly fragment: Y.XmlFragment | undefined;
  readonly awareness: Awareness | undefined;
  readonly userName: string;
  readonly memberId: string;
  /** Undefined while it is computed: the editor waits, so nobody types into an adopted text unasked. */
  readonly standing: GoalStanding | undefined;
  /** Save version, version history: the section's own buttons. */
  readonly actions: ReactNode;
}

/**
 * The goal's text. An adopted text is read-only until someone confirms that
 * they propose a change (goal-standing.ts); while a proposal is open, the
 * adopted text is shown above it, read-only, as the one that holds.
 */
export function GoalTextSection({ doc, goalId, fragment, awareness, userName, memberId, standing, actions }: GoalTextSectionProps) {
  const { t } = useTranslation();
  const { run, busy } = useStorageAction();
  const [confirming, setConfirming] = useState(false);
  // The confirmed text, unlocked here at once: the standing that says so comes with the next recount, a moment later.
  const [unlockedText, setUnlockedText] = useState<string>();
  const proposal = standing?.proposal === true;
  const locked = standing === undefined || (standing.locked && standing.inForce?.textHash !== unlockedText);

  const confirm = () =>
    void run(() => proposeChange(doc, goalId, { memberId, now: Date.now(), organisationIds: standing?.live.organisations.map((support) => support.organisationId) ?? [] })).then((ok) => {
      if (!ok) return;
      setUnlockedText(standing?.inForce?.textHash);
      setConfirming(false);
      notifications.show({ message: t('goals.proposeStarted') });
    });

  return (
    <>
      {proposal && standing?.inForce && (
        <Paper withBorder p="md" component="section" aria-labelledby="goal-adopted-text-heading">
          <Stack gap="xs">
            <Title order={3} id="goal-adopted-text-heading">
              {t('goals.adoptedText')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('goals.adoptedTextHint')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="goal-adopted-text">
              {standing.inForce.canonicalText}
            </Text>
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="goal-statement-heading">
        <Stack gap="sm">
          <Title order={3} id="goal-statement-heading">
            {proposal ? t('goals.proposalText') : t('goals.statement')}
          </Title>
          {standing !== undefined && locked && (
            <Alert color="teal" p="xs">
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm">{t('goals.lockedHint')}</Text>
                <Button size="xs" onClick={() => setConfirming(true)} style={{ flexShrink: 0 }}>
                  {t('goals.proposeChange')}
                </Button>
              </Group>
            </Alert>
          )}
          {fragment && <GoalStatementEditor fragment={fragment} awareness={awareness} userName={userName} editable={!locked} />}
          <Group gap="xs">{actions}</Group>
        </Stack>
      </Paper>
      {confirming && (
        <FormModal title={t('goals.proposeTitle')} onClose={() => setConfirming(false)} onSubmit={confirm} submitLabel={t('goals.proposeConfirm')} cancelLabel={t('goals.cancel')} busy={busy}>
          <Text>{t('goals.proposeBody')}</Text>
        </FormModal>
      )}
    </>
  );
}
