/**
 * The onboarding checklist of an organisation (Samen creëren, growth): the
 * four things a new party does to become part of the region, each derived
 * from the workspace data, so ticking happens by doing, not by clicking.
 */
import { connectedness } from './connectedness';
import { contributions } from './contributions';
import type { DashboardInput } from './input';

export const ONBOARDING_STEPS = ['profile', 'introduced', 'interests', 'goals'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export interface OnboardingChecklist {
  readonly organisationId: string;
  readonly steps: readonly { readonly step: OnboardingStep; readonly done: boolean }[];
  readonly doneCount: number;
  /** Goals not yet adopted that wait for this organisation's stance: what "respond to the open goals" links to. */
  readonly openGoalIds: readonly string[];
}

type ChecklistInput = Pick<DashboardInput, 'organisations' | 'members' | 'introductions' | 'interests' | 'documents' | 'goals'>;

/**
 * - profile: the organisation's description says who it is;
 * - introduced: an introduction or invite ties it to another organisation;
 * - interests: its own people put its interests on the table (contributions.ts);
 * - goals: every open goal it participates in has its stance.
 */
export function onboardingChecklist(organisationId: string, input: ChecklistInput): OnboardingChecklist {
  return checklistFrom(organisationId, input, sharedFacts(input));
}

/**
 * Every organisation's checklist at once, in the organisations' order: the
 * network and contributions are computed once, not once per organisation,
 * so the dashboard stays fast on a region with a hundred parties.
 */
export function onboardingChecklists(input: ChecklistInput): OnboardingChecklist[] {
  const facts = sharedFacts(input);
  return input.organisations.map((organisation) => checklistFrom(organisation.id, input, facts));
}

interface SharedFacts {
  readonly unconnected: ReadonlySet<string>;
  readonly interestsAt: ReadonlyMap<string, number>;
}

function sharedFacts(input: ChecklistInput): SharedFacts {
  return {
    unconnected: new Set(connectedness(input.organisations, input.members, input.introductions).unconnectedOrganisationIds),
    interestsAt: contributions(input).interestsAt,
  };
}

function checklistFrom(organisationId: string, input: ChecklistInput, facts: SharedFacts): OnboardingChecklist {
  const organisation = input.organisations.find((candidate) => candidate.id === organisationId);
  const openGoalIds = input.goals
    .filter((goal) => !goal.adopted && goal.participatingOrganisationIds.includes(organisationId) && !goal.respondedOrganisationIds.includes(organisationId))
    .map((goal) => goal.id);
  const done: Record<OnboardingStep, boolean> = {
    profile: (organisation?.description.trim() ?? '') !== '',
    introduced: organisation !== undefined && input.organisations.length >= 2 && !facts.unconnected.has(organisationId),
    interests: facts.interestsAt.has(organisationId),
    goals: openGoalIds.length === 0,
  };
  const steps = ONBOARDING_STEPS.map((step) => ({ step, done: done[step] }));
  return { organisationId, steps, doneCount: steps.filter((step) => step.done).length, openGoalIds };
}
