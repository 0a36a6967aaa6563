import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { joinGroupAs, mayChangeGroup, setLinksAs } from '../../../shared/workspace-doc/working-group-permissions';
import type { WorkingGroup } from '../../../shared/workspace-doc/working-groups';
import { useWorkspace } from '../contexts/workspace-context';
import { GroupActions } from './GroupActions';
import { memberLabel, organisationNameOf, type GroupsSnapshot } from './groups-view';
import { LinksModal } from './LinksModal';
import { stamp, useGuardedWrite } from './useGuardedWrite';
import { WorkingGroupFormModal } from './WorkingGroupFormModal';
import { useGroupsSnapshot } from './useGroupsSnapshot';

type Editing = 'group' | 'members' | 'goals' | 'documents' | null;

function Part({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4" id={id}>
            {title}
          </Title>
          {action}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function List({ empty, items }: { empty: string; items: { key: string; node: ReactNode }[] }) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap={4} component="ul" style={{ margin: 0, paddingLeft: '1.2rem' }}>
      {items.map((item) => (
        <li key={item.key}>{item.node}</li>
      ))}
    </Stack>
  );
}

function GroupDetails({ group, snapshot }: { group: WorkingGroup; snapshot: GroupsSnapshot }) {
  const { t } = useTranslation();
  const { doc, identity } = useWorkspace();
  const { write, busy } = useGuardedWrite();
  const [editing, setEditing] = useState<Editing>(null);
  const isWorkspaceMember = snapshot.members.some((member) => member.memberId === identity.memberId);
  const actor = { memberId: identity.memberId, isWorkspaceMember };
  const canEdit = mayChangeGroup(group, { kind: 'edit' }, actor);
  const canJoin = mayChangeGroup(group, { kind: 'join' }, actor);
  const unknown = (id: string) => t('groups.unknownItem', { id });
  const by = () => stamp(identity.memberId);
  const editButton = (kind: Exclude<Editing, null>, label: string) =>
    canEdit && (
      <Button size="xs" variant="default" onClick={() => setEditing(kind)}>
        {label}
      </Button>
    );
  const saveLinks = (kind: 'members' | 'goals' | 'documents') => (ids: string[]) => {
    void write(() => setLinksAs(doc, group.id, kind, ids, by())).then((ok) => ok && setEditing(null));
  };

  const memberItems = group.memberIds.map((memberId) => {
    const member = snapshot.members.find((candidate) => candidate.memberId === memberId);
    return {
      key: memberId,
      node: member ? (
        <>
          <Anchor component={Link} href={`/mensen/${encodeURIComponent(memberId)}`}>
            {member.displayName}
          </Anchor>{' '}
          — {organisationNameOf(member, snapshot.organisations)}
        </>
      ) : (
        t('groups.unknownMember')
      ),
    };
  });
  const goalItems = group.goalIds.map((goalId) => {
    const goal = snapshot.goals.find((candidate) => candidate.id === goalId);
    return { key: goalId, node: goal ? <Anchor component={Link} href={`/doelen/${encodeURIComponent(goalId)}`}>{goal.title}</Anchor> : unknown(goalId) };
  });
  const documentItems = group.documentIds.map((documentId) => {
    const document = snapshot.documents.find((candidate) => candidate.id === documentId);
    return { key: documentId, node: document ? <Anchor component={Link} href="/documenten">{document.title}</Anchor> : unknown(documentId) };
  });
  const ideaItems = group.ideaIds.map((ideaId) => {
    const idea = snapshot.ideas.find((candidate) => candidate.id === ideaId);
    return {
      key: ideaId,
      node: idea ? (
        <Group gap="xs" component="span">
          <Anchor component={Link} href="/ideeen">
            {idea.title}
          </Anchor>
          <Badge variant="outline" color="gray.8" size="sm" tt="none">
            {t(`ideas.status.${idea.status.state}`)}
          </Badge>
        </Group>
      ) : (
        unknown(ideaId)
      ),
    };
  });

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{group.name}</Title>
        <Group gap="xs">
          {canJoin && (
            <Button variant="default" onClick={() => void write(() => joinGroupAs(doc, group.id, by()))}>
              {t('groups.join')}
            </Button>
          )}
          {canEdit && (
            <Button variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing('group')}>
              {t('groups.edit')}
            </Button>
          )}
        </Group>
      </Group>
      {!canEdit && <Alert color="blue">{t('groups.onlyMembers')}</Alert>}
      {group.damagedParts.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
          {t('groups.damagedParts', { parts: group.damagedParts.join(', ') })}
        </Alert>
      )}
      <Part id="group-purpose" title={t('groups.purposeHeading')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={group.purpose ? undefined : 'dimmed'}>
          {group.purpose || t('groups.noPurpose')}
        </Text>
      </Part>
      <Part id="group-members" title={t('groups.membersHeading')} action={editButton('members', t('groups.editMembers'))}>
        <List empty="" items={memberItems} />
      </Part>
      <GroupActions group={group} members={snapshot.members} organisations={snapshot.organisations} isWorkspaceMember={isWorkspaceMember} />
      <Part id="group-ideas" title={t('groups.ideasHeading')}>
        <List empty={t('groups.noIdeas')} items={ideaItems} />
      </Part>
      <Part id="group-goals" title={t('groups.goalsHeading')} action={editButton('goals', t('groups.linkGoals'))}>
        <List empty={t('groups.noGoals')} items={goalItems} />
      </Part>
      <Part id="group-documents" title={t('groups.documentsHeading')} action={editButton('documents', t('groups.linkDocuments'))}>
        <List empty={t('groups.noDocuments')} items={documentItems} />
      </Part>
      {editing === 'group' && <WorkingGroupFormModal group={group} members={snapshot.members} organisations={snapshot.organisations} onClose={() => setEditing(null)} />}
      {editing === 'members' && (
        <LinksModal
          title={t('groups.editMembers')}
          label={t('groups.fields.members')}
          options={snapshot.members.map((member) => ({ value: member.memberId, label: memberLabel(member, snapshot.organisations) }))}
          initial={group.memberIds}
          busy={busy}
          onSave={saveLinks('members')}
          onClose={() => setEditing(null)}
        />
      )}
      {editing === 'goals' && (
        <LinksModal title={t('groups.linkGoals')} label={t('groups.fields.goals')} options={snapshot.goals.map((goal) => ({ value: goal.id, label: goal.title }))} initial={group.goalIds} busy={busy} onSave={saveLinks('goals')} onClose={() => setEditing(null)} />
      )}
      {editing === 'documents' && (
        <LinksModal
          title={t('groups.linkDocuments')}
          label={t('groups.fields.documents')}
          options={snapshot.documents.map((document) => ({ value: document.id, label: document.title }))}
          initial={group.documentIds}
          busy={busy}
          onSave={saveLinks('documents')}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

/** One working group: purpose, members and their organisations, actions, and what it has linked and taken up. */
export function WorkingGroupView({ groupId }: { readonly groupId: string }) {
  const { t } = useTranslation();
  const snapshot = useGroupsSnapshot();
  const result = snapshot.groups.find((candidate) => candidate.id === groupId);
  return (
    <Stack>
      <Anchor component={Link} href="/werkgroepen" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('groups.all')}
        </Group>
      </Anchor>
      {!result && <Alert color="gray">{t('groups.notFound')}</Alert>}
      {result && !result.ok && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
          {t('groups.damaged', { problem: result.problem })}
        </Alert>
      )}
      {result?.ok && <GroupDetails group={result.value} snapshot={snapshot} />}
    </Stack>
  );
}
