import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/domain/organisation';
import type { Member } from '../../../shared/workspace-doc/members';
import { useInterestView, useOrganisationsAndMembers } from '../read-model/records';
import { useWorkspace } from '../contexts/workspace-context';
import { InterestCard } from './InterestCard';
import { InterestFormModal } from './InterestFormModal';
import { editableOrganisationId } from './interests-view';

/**
 * Interests on the table: one card per organisation, editable by its own
 * members, open to comments from all. The panel reads organisations and
 * members; each card reads its own interest from the read model, so a
 * partner's edit to one interest re-renders that card only.
 */
export function InterestsPanel() {
  const { t } = useTranslation();
  const { doc, identity } = useWorkspace();
  const { organisations, members } = useOrganisationsAndMembers();
  const [editing, setEditing] = useState<Organisation | null>(null);
  const ownOrganisationId = editableOrganisationId({ organisations, members }, identity.memberId);
  const headingId = 'interests-heading';
  // The own organisation first: that is the card this member came to fill in.
  const ordered = [...organisations].sort((a, b) => Number(b.id === ownOrganisationId) - Number(a.id === ownOrganisationId));
  const onEdit = useCallback((organisation: Organisation) => setEditing(organisation), []);

  return (
    <Stack component="section" aria-labelledby={headingId}>
      <div>
        <Title order={2} id={headingId}>
          {t('interests.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={720}>
          {t('interests.intro')}
        </Text>
      </div>
      {organisations.length === 0 && (
        <Paper withBorder p="lg">
          <Text>{t('interests.empty')}</Text>
        </Paper>
      )}
      {organisations.length > 0 && ownOrganisationId === undefined && <Alert color="blue">{t('interests.notLinked')}</Alert>}
      {ordered.map((organisation) => (
        <InterestCard key={organisation.id} doc={doc} organisation={organisation} organisations={organisations} members={members} own={organisation.id === ownOrganisationId} onEdit={onEdit} />
      ))}
      {editing && <EditInterest organisation={editing} organisations={organisations} members={members} memberId={identity.memberId} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function EditInterest({ organisation, organisations, members, memberId, onClose }: { organisation: Organisation; organisations: readonly Organisation[]; members: ReadonlyMap<string, Member>; memberId: string; onClose: () => void }) {
  const { doc } = useWorkspace();
  const current = useInterestView(organisation.id, organisations, members);
  return <InterestFormModal doc={doc} organisation={organisation} current={current} memberId={memberId} onClose={onClose} />;
}
