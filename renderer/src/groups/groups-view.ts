import type { Organisation } from '../../../shared/domain/organisation';
import { daysOverdue, isOverdue, type DueAction } from '../../../shared/workspace-doc/actions-due';
import type { LibraryDocument } from '../../../shared/workspace-doc/documents';
import type { Goal } from '../../../shared/workspace-doc/goals';
import type { Idea } from '../../../shared/workspace-doc/ideas';
import { organisationIdOf, type Member } from '../../../shared/workspace-doc/members';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';
import { groupOrganisationIds, type GroupAction, type WorkingGroup } from '../../../shared/workspace-doc/working-groups';

/** Everything the Werkgroepen screens show (from the read model: useGroupsSnapshot). */
export interface GroupsSnapshot {
  readonly groups: readonly ReadResult<WorkingGroup>[];
  readonly members: readonly Member[];
  readonly organisations: readonly Organisation[];
  readonly goals: readonly Goal[];
  readonly documents: readonly LibraryDocument[];
  readonly ideas: readonly Idea[];
}

/** The organisation a member speaks for, by name: the linked workspace organisation, else what they typed. */
export function organisationNameOf(member: Member, organisations: readonly Pick<Organisation, 'id' | 'name'>[]): string {
  const id = organisationIdOf(member, organisations);
  return organisations.find((organisation) => organisation.id === id)?.name ?? member.organisationName;
}

/** "Anne de Vries — Gemeente Leiden": who someone is and for whom they speak, as members are picked. */
export function memberLabel(member: Member, organisations: readonly Pick<Organisation, 'id' | 'name'>[]): string {
  return `${member.displayName} — ${organisationNameOf(member, organisations)}`;
}

export interface GroupSummary {
  readonly id: string;
  readonly name: string;
  readonly memberCount: number;
  readonly organisationCount: number;
  readonly openActions: number;
  readonly overdueActions: number;
}

export function groupSummary(group: WorkingGroup, members: readonly Member[], organisations: readonly Organisation[], today: string): GroupSummary {
  const open = group.actions.filter((action) => !action.done);
  return {
    id: group.id,
    name: group.name,
    memberCount: group.memberIds.length,
    organisationCount: groupOrganisationIds(group, members, organisations).length,
    openActions: open.length,
    overdueActions: open.filter((action) => isOverdue(action, today)).length,
  };
}

export interface OwnerOptionGroup {
  readonly group: 'members' | 'others';
  readonly items: { value: string; label: string }[];
}

/** Who can own an action: the group's own members first (they do the work), then everyone else. */
export function ownerOptions(group: Pick<WorkingGroup, 'memberIds'>, members: readonly Member[], organisations: readonly Organisation[]): OwnerOptionGroup[] {
  const option = (member: Member) => ({ value: member.memberId, label: memberLabel(member, organisations) });
  const inGroup = members.filter((member) => group.memberIds.includes(member.memberId)).map(option);
  const others = members.filter((member) => !group.memberIds.includes(member.memberId)).map(option);
  return [
    { group: 'members' as const, items: inGroup },
    { group: 'others' as const, items: others },
  ].filter((entry) => entry.items.length > 0);
}

export interface ActionRow<A extends DueAction = GroupAction> {
  readonly action: A;
  readonly overdue: boolean;
  /** Whole days past the due day; 0 when not overdue. */
  readonly daysOverdue: number;
}

/** The actions in display order (as read: sortActions), each with whether and how long it is overdue on `today`. */
export function actionRows<A extends DueAction>(actions: readonly A[], today: string): ActionRow<A>[] {
  return actions.map((action) => ({ action, overdue: isOverdue(action, today), daysOverdue: daysOverdue(action, today) }));
}
