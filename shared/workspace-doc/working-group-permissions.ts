/**
 * Who may change a working group, as one pure rule (mayChangeGroup) used by
 * the screens and by the writers below:
 *
 *   start a group                  every member of the workspace
 *   join (add oneself)             every member of the workspace: groups are open to whoever wants to work
 *   edit name, purpose, members,   the group's members and its founder
 *   links, actions
 *   tick an action done or open    the above, and the action's owner (who may be outside the group)
 *
 * As everywhere in the workspace document, a modified client could still
 * write; this is the rule for this app.
 */
import type * as Y from 'yjs';
import { readMembers } from './members';
import {
  addAction,
  addWorkingGroup,
  readWorkingGroup,
  removeAction,
  setActionDone,
  setLinks,
  link,
  UnknownActionError,
  UnknownWorkingGroupError,
  updateWorkingGroup,
  type ActionInput,
  type LinkKind,
  type WorkingGroup,
  type WorkingGroupInput,
} from './working-groups';
import { StroomkringError } from '../errors/stroomkring-error';

export type GroupChange = { readonly kind: 'edit' } | { readonly kind: 'join' } | { readonly kind: 'actionDone'; readonly ownerMemberId: string };

export class GroupChangeNotAllowedError extends StroomkringError {
  override readonly name = 'GroupChangeNotAllowedError';
  constructor(
    readonly groupId: string,
    readonly change: GroupChange['kind'],
  ) {
    super(`This member may not ${change} working group ${groupId}`);
  }
}

/** Whether `memberId` (a valid workspace member or not) may make `change` to `group`. */
export function mayChangeGroup(group: Pick<WorkingGroup, 'memberIds' | 'createdBy'>, change: GroupChange, actor: { memberId: string; isWorkspaceMember: boolean }): boolean {
  if (!actor.isWorkspaceMember) return false;
  const inGroup = group.memberIds.includes(actor.memberId) || group.createdBy === actor.memberId;
  switch (change.kind) {
    case 'join':
      return !group.memberIds.includes(actor.memberId);
    case 'edit':
      return inGroup;
    case 'actionDone':
      return inGroup || change.ownerMemberId === actor.memberId;
  }
}

function isWorkspaceMember(doc: Y.Doc, memberId: string): boolean {
  return readMembers(doc).some((result) => result.ok && result.value.memberId === memberId);
}

function checked(doc: Y.Doc, groupId: string, change: GroupChange, memberId: string): WorkingGroup {
  const read = readWorkingGroup(doc, groupId);
  if (!read?.ok) throw new UnknownWorkingGroupError(groupId);
  if (!mayChangeGroup(read.value, change, { memberId, isWorkspaceMember: isWorkspaceMember(doc, memberId) })) throw new GroupChangeNotAllowedError(groupId, change.kind);
  return read.value;
}

/** Starts a group with its founder and the chosen members, in one transaction. */
export function createWorkingGroupAs(doc: Y.Doc, input: WorkingGroupInput, memberIds: readonly string[], by: { memberId: string; now: number; id?: string }): string {
  if (!isWorkspaceMember(doc, by.memberId)) throw new GroupChangeNotAllowedError(by.id ?? '', 'edit');
  let groupId = '';
  doc.transact(() => {
    groupId = addWorkingGroup(doc, input, by);
    for (const memberId of memberIds) link(doc, groupId, 'members', memberId, by.now);
  });
  return groupId;
}

export function updateWorkingGroupAs(doc: Y.Doc, groupId: string, input: WorkingGroupInput, by: { memberId: string; now: number }): void {
  checked(doc, groupId, { kind: 'edit' }, by.memberId);
  updateWorkingGroup(doc, groupId, input, by.now);
}

export function setLinksAs(doc: Y.Doc, groupId: string, kind: Exclude<LinkKind, 'ideas'>, targetIds: readonly string[], by: { memberId: string; now: number }): void {
  checked(doc, groupId, { kind: 'edit' }, by.memberId);
  setLinks(doc, groupId, kind, targetIds, by.now);
}

export function joinGroupAs(doc: Y.Doc, groupId: string, by: { memberId: string; now: number }): void {
  checked(doc, groupId, { kind: 'join' }, by.memberId);
  link(doc, groupId, 'members', by.memberId, by.now);
}

export function addActionAs(doc: Y.Doc, groupId: string, input: ActionInput, by: { memberId: string; now: number; id?: string }): string {
  checked(doc, groupId, { kind: 'edit' }, by.memberId);
  return addAction(doc, groupId, input, by);
}

export function removeActionAs(doc: Y.Doc, groupId: string, actionId: string, memberId: string): void {
  checked(doc, groupId, { kind: 'edit' }, memberId);
  removeAction(doc, groupId, actionId);
}

export function setActionDoneAs(doc: Y.Doc, groupId: string, actionId: string, done: boolean, by: { memberId: string; now: number }): void {
  const read = readWorkingGroup(doc, groupId);
  if (!read?.ok) throw new UnknownWorkingGroupError(groupId);
  const action = read.value.actions.find((candidate) => candidate.id === actionId);
  if (!action) throw new UnknownActionError(actionId);
  checked(doc, groupId, { kind: 'actionDone', ownerMemberId: action.ownerMemberId }, by.memberId);
  setActionDone(doc, groupId, actionId, done, by.now);
}
