import { Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addParticipant, removeParticipant } from '../../../shared/workspace-doc/goals';
import { useStorageAction } from '../hooks/useStorageAction';
import type { GoalsWorkspace } from './goals-view';

interface ParticipantsSectionProps {
  readonly doc: Y.Doc;
  readonly goalId: string;
  readonly participantIds: readonly string[];
  readonly workspace: GoalsWorkspace;
  readonly memberId: string;
}

/** Which organisations must carry this goal. Any member may change it; the meter and the log show the effect to all. */
export function ParticipantsSection({ doc, goalId, participantIds, workspace, memberId }: ParticipantsSectionProps) {
  const { t } = useTranslation();
  const { run } = useStorageAction();
  const known = new Set(workspace.organisations.map((organisation) => organisation.id));
  // A participant whose organisation was removed from the workspace stays listed, so someone can take it off.
  const orphaned = participantIds.filter((id) => !known.has(id));

  const toggle = (organisationId: string, participate: boolean) =>
    void run(() => {
      if (participate) addParticipant(doc, goalId, organisationId, { memberId, now: Date.now() });
      else removeParticipant(doc, goalId, organisationId);
      return Promise.resolve();
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="participants-heading">
      <Stack gap="xs">
        <Title order={3} id="participants-heading">
          {t('goals.participants')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('goals.participantsHint')}
        </Text>
        {workspace.organisations.length === 0 && <Text size="sm">{t('goals.noOrganisations')}</Text>}
        {workspace.organisations.map((organisation) => (
          <Checkbox key={organisation.id} label={organisation.name} checked={participantIds.includes(organisation.id)} onChange={(event) => toggle(organisation.id, event.currentTarget.checked)} />
        ))}
        {orphaned.map((id) => (
          <Checkbox key={id} label={t('goals.unknownParticipant', { id })} checked onChange={() => toggle(id, false)} />
        ))}
      </Stack>
    </Paper>
  );
}
