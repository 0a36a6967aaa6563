/**
 * The community dashboard's figures, per building block, computed from the
 * workspace data itself (DashboardInput): the current value of each figure,
 * its series over the timeline (timeline.ts), a phase (phases.ts), and who
 * is lagging (lagging.ts). Pure: the same input gives the same figures on
 * every partner's device.
 */
import { IDEA_STATES, type IdeaState } from '../workspace-doc/idea-status';
import type { Idea } from '../workspace-doc/ideas';
import { connectedness, resolveOrganisations } from './connectedness';
import { contributions } from './contributions';
import { startOf, type DashboardInput } from './input';
import { lagging, type Lagging } from './lagging';
import { bijdragenPhase, samenCreerenPhase, samenwerkenPhase, verbindenPhase, type Phase } from './phases';
import { cumulative, DAY_MS, sampled, timeline, type Timeline } from './timeline';

/** The founding parties join in the first week; an organisation added later was brought in: a new party. */
export const NEW_PARTY_AFTER_MS = 7 * DAY_MS;

export interface VerbindenFigures {
  readonly phase: Phase;
  readonly organisations: number;
  readonly members: number;
  /** Stored introductions plus invites. */
  readonly introductions: number;
  readonly invites: number;
  readonly largestComponentShare: number;
  readonly tiesPerMember: number;
  readonly unconnectedOrganisationIds: readonly string[];
  readonly series: { readonly organisations: number[]; readonly members: number[]; readonly introductions: number[]; readonly largestComponentShare: number[]; readonly tiesPerMember: number[] };
}

export interface OrganisationContribution {
  readonly organisationId: string;
  readonly hasInterests: boolean;
  readonly documents: number;
}

export interface BijdragenFigures {
  readonly phase: Phase;
  readonly organisationsWithInterests: number;
  readonly contributingOrganisations: number;
  /** Contributing / all organisations; 0 without organisations. */
  readonly contributingShare: number;
  readonly documents: number;
  readonly perOrganisation: readonly OrganisationContribution[];
  readonly series: { readonly organisationsWithInterests: number[]; readonly contributingOrganisations: number[]; readonly documents: number[] };
}

export interface GoalCoverage {
  readonly goalId: string;
  readonly participating: number;
  readonly responded: number;
  readonly adopted: boolean;
}

export interface SamenwerkenFigures {
  readonly phase: Phase;
  readonly goals: number;
  readonly adopted: number;
  /** Stances in / stances asked, over all goals; null while no organisation is asked. */
  readonly coverage: number | null;
  readonly perGoal: readonly GoalCoverage[];
  readonly series: { readonly goals: number[]; readonly adopted: number[] };
}

export interface SamenCreerenFigures {
  readonly phase: Phase;
  readonly ideas: number;
  readonly ideasByState: Readonly<Record<IdeaState, number>>;
  readonly workingGroups: number;
  readonly actions: number;
  readonly actionsDone: number;
  readonly newPartyIds: readonly string[];
  readonly series: { readonly ideas: number[]; readonly workingGroups: number[]; readonly actionsDone: number[]; readonly newParties: number[] };
}

export interface DashboardFigures {
  readonly timeline: Timeline;
  readonly verbinden: VerbindenFigures;
  readonly bijdragen: BijdragenFigures;
  readonly samenwerken: SamenwerkenFigures;
  readonly samenCreeren: SamenCreerenFigures;
  readonly lagging: Lagging;
}

function verbinden(input: DashboardInput, axis: Timeline): VerbindenFigures {
  const { organisations, members, introductions } = input;
  const resolved = resolveOrganisations(members, organisations);
  const now = connectedness(organisations, members, introductions, resolved);
  const before = sampled(axis, (end) =>
    connectedness(
      organisations.filter((o) => o.createdAt < end),
      members.filter((m) => m.joinedAt < end),
      introductions.filter((i) => i.createdAt < end),
      resolved,
    ),
  );
  const facts = { organisations: organisations.length, members: members.length, largestComponentShare: now.largestComponentShare, tiesPerMember: now.tiesPerMember };
  return {
    ...facts,
    phase: verbindenPhase(facts),
    introductions: introductions.length,
    invites: introductions.filter((i) => i.kind === 'invite').length,
    unconnectedOrganisationIds: now.unconnectedOrganisationIds,
    series: {
      organisations: cumulative(organisations.map((o) => o.createdAt), axis),
      members: cumulative(members.map((m) => m.joinedAt), axis),
      introductions: cumulative(introductions.map((i) => i.createdAt), axis),
      largestComponentShare: before.map((c) => c.largestComponentShare),
      tiesPerMember: before.map((c) => c.tiesPerMember),
    },
  };
}

function bijdragen(input: DashboardInput, axis: Timeline, contributed: ReturnType<typeof contributions>): BijdragenFigures {
  const facts = { organisations: input.organisations.length, contributingOrganisations: contributed.firstAt.size };
  return {
    phase: bijdragenPhase(facts),
    organisationsWithInterests: contributed.interestsAt.size,
    contributingOrganisations: facts.contributingOrganisations,
    contributingShare: facts.organisations === 0 ? 0 : facts.contributingOrganisations / facts.organisations,
    documents: input.documents.length,
    perOrganisation: input.organisations.map((o) => ({ organisationId: o.id, hasInterests: contributed.interestsAt.has(o.id), documents: contributed.documentCount.get(o.id) ?? 0 })),
    series: {
      organisationsWithInterests: cumulative([...contributed.interestsAt.values()], axis),
      contributingOrganisations: cumulative([...contributed.firstAt.values()], axis),
      documents: cumulative(input.documents.map((d) => d.createdAt), axis),
    },
  };
}

function samenwerken(input: DashboardInput, axis: Timeline): SamenwerkenFigures {
  const perGoal = input.goals.map((goal) => ({
    goalId: goal.id,
    participating: goal.participatingOrganisationIds.length,
    responded: goal.participatingOrganisationIds.filter((id) => goal.respondedOrganisationIds.includes(id)).length,
    adopted: goal.adopted,
  }));
  const asked = perGoal.reduce((sum, goal) => sum + goal.participating, 0);
  const answered = perGoal.reduce((sum, goal) => sum + goal.responded, 0);
  const adopted = input.goals.filter((goal) => goal.adopted);
  const facts = { goals: input.goals.length, adopted: adopted.length, coverage: asked === 0 ? null : answered / asked };
  return {
    ...facts,
    phase: samenwerkenPhase(facts),
    perGoal,
    series: {
      goals: cumulative(input.goals.map((goal) => goal.createdAt), axis),
      adopted: cumulative(adopted.map((goal) => goal.adoptedAt ?? goal.createdAt), axis),
    },
  };
}

/** Taken up by a group at some point: still taken up, realised, or declined by the group. */
function wasTakenUp(idea: Idea): boolean {
  return idea.status.state === 'takenUp' || idea.status.state === 'realised' || (idea.status.state === 'declined' && idea.status.workingGroupId !== undefined);
}

function samenCreeren(input: DashboardInput, axis: Timeline, start: number): SamenCreerenFigures {
  const ideasByState = Object.fromEntries(IDEA_STATES.map((state) => [state, input.ideas.filter((idea) => idea.status.state === state).length])) as Record<IdeaState, number>;
  const actions = input.workingGroups.flatMap((group) => group.actions);
  const done = actions.flatMap((action) => (action.done && action.doneAt !== undefined ? [action.doneAt] : []));
  const newParties = input.organisations.filter((o) => o.createdAt >= start + NEW_PARTY_AFTER_MS);
  const facts = { ideas: input.ideas.length, workingGroups: input.workingGroups.length, ideasTakenUp: input.ideas.filter(wasTakenUp).length, ideasRealised: ideasByState.realised };
  return {
    phase: samenCreerenPhase(facts),
    ideas: facts.ideas,
    ideasByState,
    workingGroups: facts.workingGroups,
    actions: actions.length,
    actionsDone: done.length,
    newPartyIds: newParties.map((o) => o.id),
    series: {
      ideas: cumulative(input.ideas.map((idea) => idea.createdAt), axis),
      workingGroups: cumulative(input.workingGroups.map((group) => group.createdAt), axis),
      actionsDone: cumulative(done, axis),
      newParties: cumulative(newParties.map((o) => o.createdAt), axis),
    },
  };
}

export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const start = startOf(input);
  const axis = timeline(start, input.now);
  const contributed = contributions(input);
  return {
    timeline: axis,
    verbinden: verbinden(input, axis),
    bijdragen: bijdragen(input, axis, contributed),
    samenwerken: samenwerken(input, axis),
    samenCreeren: samenCreeren(input, axis, start),
    lagging: lagging(input, contributed),
  };
}
