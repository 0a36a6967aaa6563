import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { AdoptionResult } from '../../../shared/goals/adoption';
import { addParticipant, removeParticipant } from '../../../shared/workspace-doc/goals';
import { useStorageAction } from '../hooks/useStorageAction';
import { OrganisationChoice } from '../organisations/OrganisationChoice';
import { formatMoment } from './format';
import { organisationName, type GoalsWorkspace } from './goals-view';

interface ParticipantsSectionProps {
  readonly doc: Y.Doc;
  readonly goalId: string;
  /** The invited organisations (the drafters' list). */
  readonly participantIds: readonly string[];
  readonly workspace: GoalsWorkspace;
  readonly memberId: string;
  /** Who takes part in the end, by the organisations' own signed stances too; undefined while it is computed. */
  readonly result: AdoptionResult | undefined;
  /** Organisations that do not take part and this member may speak for: they can join by a stance. */
  readonly joinable: readonly string[];
  readonly onJoin: (organisationId: string) => void;
}

/**
 * Which organisations carry this goal: the invitation list anyone may change,
 * and what the organisations decided themselves (joined or stepped out by a
 * signed stance). An invited organisation that signed a stance cannot be
 * taken off the list here; the rule ignores that anyway (adoption.ts), and a
 * box that unticks without effect would mislead.
 */
export function ParticipantsSection({ doc, goalId, participantIds, workspace, memberId, result, joinable, onJoin }: ParticipantsSectionProps) {
  const { t, i18n } = useTranslation();
  const { run } = useStorageAction();
  const nameOf = (id: string) => organisationName(workspace, id) ?? t('goals.unknownParticipant', { id });
  const known = new Set(workspace.organisations.map((organisation) => organisation.id));
  // A participant whose organisation was removed from the workspace stays listed, so someone can take it off.
  const orphaned = participantIds.filter((id) => !known.has(id));
  const signed = new Set((result?.organisations ?? []).filter((support) => support.stance !== undefined).map((support) => support.organisationId));
  const joined = (result?.organisations ?? []).filter((support) => support.participation === 'joined');

  const change = (chosen: readonly string[]) =>
    void run(() => {
      doc.transact(() => {
        for (const id of chosen) if (!participantIds.includes(id)) addParticipant(doc, goalId, id, { memberId, now: Date.now() });
        for (const id of participantIds) if (!chosen.includes(id) && known.has(id)) removeParticipant(doc, goalId, id);
      });
      return Promise.resolve();
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="participants-heading">
      <Stack gap="sm">
        <Title order={3} id="participants-heading">
          {t('goals.participants')}
        </Title>
        {workspace.organisations.length === 0 ? (
          <Text size="sm">{t('goals.noOrganisations')}</Text>
        ) : (
          <OrganisationChoice
            label={t('goals.invitedOrganisations')}
            description={t('goals.participantsHint')}
            organisations={workspace.organisations}
            value={participantIds.filter((id) => known.has(id))}
            onChange={change}
            lockedReason={(id) => (signed.has(id) && participantIds.includes(id) ? t('goals.participantLocked') : undefined)}
          />
        )}
        {orphaned.map((id) => (
          <Group key={id} gap="xs">
            <Text size="sm">{t('goals.unknownParticipant', { id })}</Text>
            <Button size="xs" variant="default" onClick={() => void run(() => Promise.resolve(removeParticipant(doc, goalId, id)))}>
              {t('goals.removeParticipant')}
            </Button>
          </Group>
        ))}
        {(joined.length > 0 || (result?.steppedOut.length ?? 0) > 0) && (
          <List size="sm" spacing={2}>
            {joined.map((support) => (
              <List.Item key={support.organisationId}>{t('goals.joinedLine', { name: nameOf(support.organisationId) })}</List.Item>
            ))}
            {result?.steppedOut.map(({ organisationId, stance }) => (
              <List.Item key={organisationId}>{t('goals.steppedOutLine', { name: nameOf(organisationId), date: formatMoment(stance.at, i18n.resolvedLanguage), reason: stance.reason })}</List.Item>
            ))}
          </List>
        )}
        {joinable.map((id) => (
          <Group key={id} gap="sm" justify="space-between">
            <Text size="sm">{t('goals.joinHint', { name: nameOf(id) })}</Text>
            <Button size="xs" onClick={() => onJoin(id)}>
              {t('goals.join', { name: nameOf(id) })}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
