import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/domain/organisation';
import { canMove } from '../../../shared/workspace-doc/idea-status';
import { mayChangeIdea, moveIdeaAs, type IdeaActor } from '../../../shared/workspace-doc/idea-permissions';
import type { Idea } from '../../../shared/workspace-doc/ideas';
import type { Member } from '../../../shared/workspace-doc/members';
import type { WorkingGroup } from '../../../shared/workspace-doc/working-groups';
import { stamp, useGuardedWrite } from '../groups/useGuardedWrite';
import { WorkingGroupFormModal } from '../groups/WorkingGroupFormModal';
import { useWorkspace } from '../contexts/workspace-context';
import { DeclineModal } from './DeclineModal';
import { HandOverModal } from './HandOverModal';

interface IdeaStatusActionsProps {
  readonly idea: Idea;
  readonly actor: IdeaActor;
  readonly groups: readonly WorkingGroup[];
  readonly members: readonly Member[];
  readonly organisations: readonly Organisation[];
}

type Dialog = { kind: 'decline' } | { kind: 'handOver'; preselected?: string } | { kind: 'createGroup' } | null;

/** The moves this member may make on the idea now (mayChangeIdea), each a button; declining and handing over ask first. */
export function IdeaStatusActions({ idea, actor, groups, members, organisations }: IdeaStatusActionsProps) {
  const { t } = useTranslation();
  const { doc, identity } = useWorkspace();
  const { write, busy } = useGuardedWrite();
  const [dialog, setDialog] = useState<Dialog>(null);
  const by = () => stamp(identity.memberId);
  const may = (move: Parameters<typeof moveIdeaAs>[2]) => mayChangeIdea(idea, { kind: 'move', move }, actor);
  const ownGroups = groups.filter((group) => actor.groupIds.has(group.id));
  const state = idea.status.state;
  const move = (next: Parameters<typeof moveIdeaAs>[2]) => write(() => moveIdeaAs(doc, idea.id, next, by()));

  const buttons = [
    state === 'new' && may({ to: 'underDiscussion' }) && (
      <Button key="discuss" size="xs" variant="default" onClick={() => void move({ to: 'underDiscussion' })}>
        {t('ideas.moves.discuss')}
      </Button>
    ),
    // Offered to every member while under discussion: without a group of one's own, the dialog starts one.
    canMove(state, 'takenUp') && actor.isWorkspaceMember && (
      <Button key="toGroup" size="xs" variant="default" onClick={() => setDialog({ kind: 'handOver' })}>
        {t('ideas.moves.toGroup')}
      </Button>
    ),
    state === 'takenUp' && may({ to: 'realised' }) && (
      <Button key="realise" size="xs" variant="default" onClick={() => void move({ to: 'realised' })}>
        {t('ideas.moves.realise')}
      </Button>
    ),
    state === 'declined' && may({ to: 'underDiscussion' }) && (
      <Button key="reopen" size="xs" variant="default" onClick={() => void move({ to: 'underDiscussion' })}>
        {t('ideas.moves.reopen')}
      </Button>
    ),
    may({ to: 'declined', reason: '-' }) && (
      <Button key="decline" size="xs" variant="subtle" color="red" c="red.9" onClick={() => setDialog({ kind: 'decline' })}>
        {t('ideas.moves.decline')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <>
      {buttons.length > 0 && (
        <Group gap="xs" role="group" aria-label={t('ideas.statusActions', { title: idea.title })}>
          {buttons}
        </Group>
      )}
      {dialog?.kind === 'decline' && (
        <DeclineModal
          title={idea.title}
          busy={busy}
          onClose={() => setDialog(null)}
          onDecline={(reason) => void move({ to: 'declined', reason }).then((ok) => ok && setDialog(null))}
        />
      )}
      {dialog?.kind === 'handOver' && (
        <HandOverModal
          title={idea.title}
          groups={ownGroups}
          preselected={dialog.preselected}
          busy={busy}
          onClose={() => setDialog(null)}
          onCreateGroup={() => setDialog({ kind: 'createGroup' })}
          onHandOver={(groupId) => void move({ to: 'takenUp', workingGroupId: groupId }).then((ok) => ok && setDialog(null))}
        />
      )}
      {dialog?.kind === 'createGroup' && (
        <WorkingGroupFormModal
          members={members}
          organisations={organisations}
          onClose={() => setDialog((current) => (current?.kind === 'createGroup' ? { kind: 'handOver' } : current))}
          onCreated={(groupId) => setDialog({ kind: 'handOver', preselected: groupId })}
        />
      )}
    </>
  );
}
