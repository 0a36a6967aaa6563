/**
 * What the dashboard is computed from: plain arrays of entries the workspace
 * readers already validated (a peer's damaged entry never gets this far), so
 * every figure is a pure function of this input and testable on a fixture.
 */
import type { Organisation } from '../domain/organisation';
import type { LibraryDocument } from '../workspace-doc/documents';
import type { Idea } from '../workspace-doc/ideas';
import type { InterestView } from '../workspace-doc/interests';
import type { Introduction } from '../workspace-doc/introductions';
import type { Member } from '../workspace-doc/members';
import type { WorkingGroup } from '../workspace-doc/working-groups';

/**
 * A goal as the dashboard needs it. Plain input, so this module does not
 * depend on how goals and stances are stored: the goals feature maps its own
 * entries to this shape (responded = has a current, valid stance).
 */
export interface GoalSummary {
  readonly id: string;
  readonly createdAt: number;
  readonly participatingOrganisationIds: readonly string[];
  readonly respondedOrganisationIds: readonly string[];
  readonly adopted: boolean;
  /** When it was adopted; an adopted goal without it counts as adopted from its creation. */
  readonly adoptedAt?: number;
}

export interface DashboardInput {
  /** Epoch ms of "now": the last point of every series. */
  readonly now: number;
  /** The viewer's calendar day (localDay), for overdue actions. */
  readonly today: string;
  /** The workspace's createdAt from its meta, when readable: where the timeline starts. */
  readonly startedAt?: number;
  readonly organisations: readonly Organisation[];
  readonly members: readonly Member[];
  /** Stored introductions with the invite-derived ones (withInvites). */
  readonly introductions: readonly Introduction[];
  readonly interests: readonly InterestView[];
  /** The workspace library's documents (confidential rooms are not counted: not every viewer has them). */
  readonly documents: readonly LibraryDocument[];
  readonly goals: readonly GoalSummary[];
  readonly ideas: readonly Idea[];
  readonly workingGroups: readonly WorkingGroup[];
}

/** The earliest moment anything in the workspace carries, or startedAt if earlier; `now` for an empty workspace. */
export function startOf(input: DashboardInput): number {
  const times = [
    ...(input.startedAt === undefined ? [] : [input.startedAt]),
    ...input.organisations.map((o) => o.createdAt),
    ...input.members.map((m) => m.joinedAt),
    ...input.introductions.map((i) => i.createdAt),
    ...input.interests.map((i) => i.entry.updatedAt),
    ...input.documents.map((d) => d.createdAt),
    ...input.goals.map((g) => g.createdAt),
    ...input.ideas.map((i) => i.createdAt),
    ...input.workingGroups.map((g) => g.createdAt),
  ];
  return times.length === 0 ? input.now : Math.min(input.now, ...times);
}
