/**
 * Who may do what with an idea, as one pure rule (mayChangeIdea) that both
 * the screens (to offer a button or not) and the writers below (to refuse)
 * use, so the two can never disagree:
 *
 *   post, vote, comment            every member of the workspace
 *   edit the text                  the idea's author
 *   remove                         the author, while the idea is still new
 *   new → under discussion         every member: putting an idea on the agenda is open to all
 *   decline / reopen               every member, with a reason for declining
 *   hand to a working group        a member of that group: a group takes work up, nobody dumps it there
 *   realise / decline once taken   a member of the group that took it up, or the author
 *
 * A CRDT cannot stop a modified client from writing anyway (as with every
 * field of the workspace document); this is the rule for this app.
 */
import type * as Y from 'yjs';
import { canMove, type IdeaMove } from './idea-status';
import { addIdea, moveIdea, readIdea, removeIdea, updateIdea, vote, withdrawVote, type Idea, type IdeaInput, UnknownIdeaError } from './ideas';
import { readMembers } from './members';
import { readWorkingGroups, takeUpIdea, type WorkingGroup } from './working-groups';
import { StroomkringError } from '../errors/stroomkring-error';

export type IdeaChange = { readonly kind: 'edit' } | { readonly kind: 'remove' } | { readonly kind: 'vote' } | { readonly kind: 'move'; readonly move: IdeaMove };

/** The member asking, as far as the rule needs to know them. */
export interface IdeaActor {
  readonly memberId: string;
  /** A valid member of the workspace; someone unknown may do nothing. */
  readonly isWorkspaceMember: boolean;
  /** Working groups this member belongs to (as member or founder). */
  readonly groupIds: ReadonlySet<string>;
}

export class IdeaChangeNotAllowedError extends StroomkringError {
  override readonly name = 'IdeaChangeNotAllowedError';
  constructor(
    readonly ideaId: string,
    readonly change: IdeaChange['kind'] | 'post',
  ) {
    super(`This member may not ${change} idea ${ideaId}`);
  }
}

/** Whether `actor` may make `change` to `idea` now; a move the life cycle refuses is never allowed. */
export function mayChangeIdea(idea: Pick<Idea, 'createdBy' | 'status'>, change: IdeaChange, actor: IdeaActor): boolean {
  if (!actor.isWorkspaceMember) return false;
  const isAuthor = idea.createdBy === actor.memberId;
  switch (change.kind) {
    case 'vote':
      return true;
    case 'edit':
      return isAuthor;
    case 'remove':
      return isAuthor && idea.status.state === 'new';
    case 'move': {
      const { move } = change;
      if (!canMove(idea.status.state, move.to)) return false;
      if (move.to === 'takenUp') return actor.groupIds.has(move.workingGroupId);
      if (idea.status.state === 'takenUp') return isAuthor || actor.groupIds.has(idea.status.workingGroupId);
      return true;
    }
  }
}

/** The groups a member belongs to: listed as member, or founded it. */
export function groupIdsOf(groups: readonly Pick<WorkingGroup, 'id' | 'memberIds' | 'createdBy'>[], memberId: string): Set<string> {
  return new Set(groups.filter((group) => group.memberIds.includes(memberId) || group.createdBy === memberId).map((group) => group.id));
}

/** The actor as the workspace document knows them now. */
export function ideaActor(doc: Y.Doc, memberId: string): IdeaActor {
  const isWorkspaceMember = readMembers(doc).some((result) => result.ok && result.value.memberId === memberId);
  const groups = readWorkingGroups(doc).flatMap((result) => (result.ok ? [result.value] : []));
  return { memberId, isWorkspaceMember, groupIds: groupIdsOf(groups, memberId) };
}

function checked(doc: Y.Doc, ideaId: string, change: IdeaChange, memberId: string): Idea {
  const read = readIdea(doc, ideaId);
  if (!read?.ok) throw new UnknownIdeaError(ideaId);
  if (!mayChangeIdea(read.value, change, ideaActor(doc, memberId))) throw new IdeaChangeNotAllowedError(ideaId, change.kind);
  return read.value;
}

/** Posts an idea as a member of the workspace. */
export function addIdeaAs(doc: Y.Doc, input: IdeaInput, by: { memberId: string; now: number; id?: string }): string {
  if (!ideaActor(doc, by.memberId).isWorkspaceMember) throw new IdeaChangeNotAllowedError(by.id ?? '', 'post');
  return addIdea(doc, input, by);
}

/** Moves an idea, if this member may; handing it to a group links it there too (takeUpIdea). */
export function moveIdeaAs(doc: Y.Doc, ideaId: string, move: IdeaMove, by: { memberId: string; now: number }): void {
  checked(doc, ideaId, { kind: 'move', move }, by.memberId);
  if (move.to === 'takenUp') takeUpIdea(doc, move.workingGroupId, ideaId, by);
  else moveIdea(doc, ideaId, move, by);
}

export function updateIdeaAs(doc: Y.Doc, ideaId: string, input: IdeaInput, by: { memberId: string; now: number }): void {
  checked(doc, ideaId, { kind: 'edit' }, by.memberId);
  updateIdea(doc, ideaId, input, by.now);
}

export function removeIdeaAs(doc: Y.Doc, ideaId: string, memberId: string): void {
  checked(doc, ideaId, { kind: 'remove' }, memberId);
  removeIdea(doc, ideaId);
}

/** Votes or withdraws this member's own vote. */
export function setVoteAs(doc: Y.Doc, ideaId: string, voted: boolean, by: { memberId: string; now: number }): void {
  checked(doc, ideaId, { kind: 'vote' }, by.memberId);
  if (voted) vote(doc, ideaId, by.memberId, by.now);
  else withdrawVote(doc, ideaId, by.memberId);
}
