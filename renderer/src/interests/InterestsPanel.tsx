import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/domain/organisation';
import { useDocValue } from '../hooks/useDocValue';
import { useWorkspace } from '../workspace/workspace-context';
import { InterestCard } from './InterestCard';
import { InterestFormModal } from './InterestFormModal';
import { editableOrganisationId, readInterestsSnapshot } from './interests-view';

/** Interests on the table: one card per organisation, editable by its own members, open to comments from all. */
export function InterestsPanel() {
  const { t } = useTranslation();
  const { doc, identity } = useWorkspace();
  const snapshot = useDocValue(doc, readInterestsSnapshot);
  const [editing, setEditing] = useState<Organisation | null>(null);
  const ownOrganisationId = editableOrganisationId(snapshot, identity.memberId);
  const headingId = 'interests-heading';
  // The own organisation first: that is the card this member came to fill in.
  const ordered = [...snapshot.organisations].sort((a, b) => Number(b.id === ownOrganisationId) - Number(a.id === ownOrganisationId));

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
      {snapshot.organisations.length === 0 && (
        <Paper withBorder p="lg">
          <Text>{t('interests.empty')}</Text>
        </Paper>
      )}
      {snapshot.organisations.length > 0 && ownOrganisationId === undefined && <Alert color="blue">{t('interests.notLinked')}</Alert>}
      {ordered.map((organisation) => (
        <InterestCard
          key={organisation.id}
          doc={doc}
          organisation={organisation}
          result={snapshot.interests.get(organisation.id)}
          members={snapshot.members}
          own={organisation.id === ownOrganisationId}
          onEdit={() => setEditing(organisation)}
        />
      ))}
      {editing && <InterestFormModal doc={doc} organisation={editing} current={snapshot.interests.get(editing.id)} memberId={identity.memberId} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
