/**
 * "Who is lagging": where the community manager's next phone call goes.
 * Each list is ordered most urgent first.
 */
import { daysOverdue } from '../workspace-doc/actions-due';
import type { Contributions } from './contributions';
import type { DashboardInput } from './input';

export interface WaitingGoal {
  readonly goalId: string;
  /** Participating organisations without a current stance, in the goal's own order. */
  readonly waitingFor: readonly string[];
}

export interface OverdueAction {
  readonly groupId: string;
  readonly actionId: string;
  readonly title: string;
  readonly ownerMemberId: string;
  readonly due: string;
  readonly daysOverdue: number;
}

export interface Lagging {
  /** Organisations with neither interests on the table nor a document, longest-present first. */
  readonly silentOrganisationIds: readonly string[];
  /** Goals not adopted that still wait for organisations, most waited-for first. */
  readonly waitingGoals: readonly WaitingGoal[];
  /** Open actions past their due day, longest overdue first. */
  readonly overdueActions: readonly OverdueAction[];
}

export function lagging(input: DashboardInput, contributed: Contributions): Lagging {
  const silentOrganisationIds = input.organisations
    .filter((o) => !contributed.firstAt.has(o.id))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .map((o) => o.id);

  const waitingGoals = input.goals
    .filter((goal) => !goal.adopted)
    .map((goal) => ({ goalId: goal.id, createdAt: goal.createdAt, waitingFor: goal.participatingOrganisationIds.filter((id) => !goal.respondedOrganisationIds.includes(id)) }))
    .filter((goal) => goal.waitingFor.length > 0)
    .sort((a, b) => b.waitingFor.length - a.waitingFor.length || a.createdAt - b.createdAt || a.goalId.localeCompare(b.goalId))
    .map(({ goalId, waitingFor }) => ({ goalId, waitingFor }));

  const overdueActions = input.workingGroups
    .flatMap((group) =>
      group.actions.map((action) => ({ groupId: group.id, actionId: action.id, title: action.title, ownerMemberId: action.ownerMemberId, due: action.due, daysOverdue: daysOverdue(action, input.today) })),
    )
    .filter((action) => action.daysOverdue > 0)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.groupId.localeCompare(b.groupId) || a.actionId.localeCompare(b.actionId));

  return { silentOrganisationIds, waitingGoals, overdueActions };
}
