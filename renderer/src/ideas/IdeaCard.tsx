import { Anchor, Badge, Button, Collapse, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconPencil, IconThumbUp, IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { IdeaState } from '../../../shared/workspace-doc/idea-status';
import { mayChangeIdea, removeIdeaAs, setVoteAs, type IdeaActor } from '../../../shared/workspace-doc/idea-permissions';
import { CommentThread } from '../comments/CommentThread';
import { stamp, useGuardedWrite } from '../groups/useGuardedWrite';
import { useWorkspace } from '../contexts/workspace-context';
import type { IdeaRow, IdeasSnapshot } from './ideas-view';
import { IdeaStatusActions } from './IdeaStatusActions';
import { formatDate } from '../i18n/format-date';

/** Dark shades, so white badge text keeps its contrast. */
const STATUS_COLOURS: Record<IdeaState, string> = { new: 'blue.8', underDiscussion: 'grape.8', takenUp: 'cyan.9', realised: 'teal.9', declined: 'gray.8' };

interface IdeaCardProps {
  readonly row: IdeaRow;
  readonly snapshot: IdeasSnapshot;
  readonly actor: IdeaActor;
  readonly onEdit: () => void;
}

/** One idea: what it is, where it stands, its votes, the moves this member may make, and the conversation about it. */
export function IdeaCard({ row, snapshot, actor, onEdit }: IdeaCardProps) {
  const { t, i18n } = useTranslation();
  const { doc, identity } = useWorkspace();
  const { write } = useGuardedWrite();
  const [commentsOpen, setCommentsOpen] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const commentsId = useId();
  const { idea, voteCount, voted } = row;
  const author = snapshot.members.find((member) => member.memberId === idea.createdBy)?.displayName ?? t('ideas.unknownMember');
  const goal = idea.goalId === undefined ? undefined : (snapshot.goals.find((candidate) => candidate.id === idea.goalId) ?? null);
  const groupId = idea.status.state === 'new' || idea.status.state === 'underDiscussion' ? undefined : idea.status.workingGroupId;
  const group = groupId ? snapshot.groups.find((candidate) => candidate.id === groupId) : undefined;
  const date = formatDate(idea.createdAt, 'day', i18n.resolvedLanguage);
  const comments = snapshot.commentCounts.get(idea.id) ?? 0;
  const canVote = mayChangeIdea(idea, { kind: 'vote' }, actor);
  const by = () => stamp(identity.memberId);

  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={idea.title} data-testid="idea-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {idea.title}
          </Title>
          <Badge color={STATUS_COLOURS[idea.status.state]} variant="filled" style={{ flexShrink: 0 }}>
            {t(`ideas.status.${idea.status.state}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('ideas.byAt', { name: author, date })}
        </Text>
        {idea.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {idea.description}
          </Text>
        )}
        {idea.tags.length > 0 && (
          <Group gap={4}>
            {idea.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray.8" size="sm" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
        {goal !== undefined && (
          <Text size="sm">
            {t('ideas.goal')}{' '}
            {goal ? (
              <Anchor component={Link} href={`/doelen/${encodeURIComponent(goal.id)}`}>
                {goal.title}
              </Anchor>
            ) : (
              t('ideas.unknownGoal')
            )}
          </Text>
        )}
        {groupId && (
          <Text size="sm">
            {t('ideas.group')}{' '}
            {group ? (
              <Anchor component={Link} href={`/werkgroepen/${encodeURIComponent(group.id)}`}>
                {group.name}
              </Anchor>
            ) : (
              t('ideas.unknownGroup')
            )}
          </Text>
        )}
        {(idea.status.state === 'declined' || idea.status.state === 'realised') && idea.status.reason && (
          <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
            {t('ideas.reasonShown', { reason: idea.status.reason })}
          </Text>
        )}
        {idea.damagedVotes.length > 0 && (
          <Text size="xs" c="orange.9">
            {t('ideas.damagedVotes', { count: idea.damagedVotes.length })}
          </Text>
        )}
        <Group gap="sm">
          <Text size="sm" fw={600}>
            {t('ideas.votes', { count: voteCount })}
          </Text>
          {canVote && (
            <Button size="xs" variant={voted ? 'filled' : 'default'} aria-pressed={voted} leftSection={<IconThumbUp size={14} aria-hidden />} onClick={() => void write(() => setVoteAs(doc, idea.id, !voted, by()))}>
              {voted ? t('ideas.unvote') : t('ideas.vote')}
            </Button>
          )}
          {mayChangeIdea(idea, { kind: 'edit' }, actor) && (
            <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} aria-label={t('ideas.editNamed', { title: idea.title })} onClick={onEdit}>
              {t('ideas.edit')}
            </Button>
          )}
          {mayChangeIdea(idea, { kind: 'remove' }, actor) && !confirmRemove && (
            <Button size="xs" variant="subtle" color="red" c="red.9" leftSection={<IconTrash size={14} aria-hidden />} aria-label={t('ideas.removeNamed', { title: idea.title })} onClick={() => setConfirmRemove(true)}>
              {t('ideas.remove')}
            </Button>
          )}
        </Group>
        {confirmRemove && (
          <Group gap="xs" role="group" aria-label={t('ideas.removeConfirm')}>
            <Text size="sm">{t('ideas.removeConfirm')}</Text>
            <Button size="compact-xs" variant="default" onClick={() => setConfirmRemove(false)}>
              {t('ideas.cancel')}
            </Button>
            <Button size="compact-xs" color="red" onClick={() => void write(() => removeIdeaAs(doc, idea.id, identity.memberId))}>
              {t('ideas.removeYes')}
            </Button>
          </Group>
        )}
        <IdeaStatusActions idea={idea} actor={actor} groups={snapshot.groups} members={snapshot.members} organisations={snapshot.organisations} />
        <div>
          <Button
            size="compact-sm"
            variant="subtle"
            aria-expanded={commentsOpen}
            aria-controls={commentsId}
            leftSection={commentsOpen ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
            onClick={() => setCommentsOpen((open) => !open)}
          >
            {t('ideas.comments', { count: comments })}
          </Button>
          <Collapse expanded={commentsOpen} id={commentsId}>
            {commentsOpen && (
              <Paper p="xs" mt="xs" bg="var(--mantine-color-gray-0)">
                <CommentThread doc={doc} target={{ kind: 'idea', id: idea.id }} />
              </Paper>
            )}
          </Collapse>
        </div>
      </Stack>
    </Paper>
  );
}
