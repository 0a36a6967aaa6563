/**
 * Everything the dashboard screen and the onboarding card show, gathered
 * from the workspace's records in one pass: the figures, every
 * organisation's checklist, the arrivals, and the names to show ids by.
 * Async only because goal summaries verify stance signatures (WebCrypto).
 * The records come from `source`: a screen passes the read model's.
 */
import type * as Y from 'yjs';
import { localDay } from '../workspace-doc/actions-due';
import type { MandateAuthority } from '../mandates/mandate-state';
import { documentRecords, validRecords, type RecordSource } from '../read-model/record-source';
import { goalRecords, goalSummaries } from '../workspace-doc/goals';
import { organisationIdOf } from '../workspace-doc/members';
import { arrivals, type Arrival } from './arrivals';
import { dashboardFigures, type DashboardFigures } from './figures';
import { dashboardInputFromDoc } from './from-doc';
import type { DashboardInput } from './input';
import { onboardingChecklist, onboardingChecklists, type OnboardingChecklist } from './onboarding';

export interface DashboardNames {
  readonly organisations: ReadonlyMap<string, string>;
  readonly members: ReadonlyMap<string, string>;
  readonly goals: ReadonlyMap<string, string>;
  readonly workingGroups: ReadonlyMap<string, string>;
}

export interface DashboardView {
  readonly input: DashboardInput;
  readonly figures: DashboardFigures;
  readonly checklists: readonly OnboardingChecklist[];
  readonly arrivals: readonly Arrival[];
  readonly names: DashboardNames;
}

async function inputOf(doc: Y.Doc, now: Date, authority: MandateAuthority, source: RecordSource): Promise<DashboardInput> {
  return dashboardInputFromDoc(doc, { goals: await goalSummaries(doc, authority), now: now.getTime(), today: localDay(now) }, source);
}

export async function dashboardView(doc: Y.Doc, now: Date, authority: MandateAuthority, source: RecordSource = documentRecords(doc)): Promise<DashboardView> {
  const input = await inputOf(doc, now, authority, source);
  const goalTitles = validRecords(source, goalRecords).map((goal) => [goal.id, goal.title] as const);
  return {
    input,
    figures: dashboardFigures(input),
    checklists: onboardingChecklists(input),
    arrivals: arrivals(input),
    names: {
      organisations: new Map(input.organisations.map((o) => [o.id, o.name])),
      members: new Map(input.members.map((m) => [m.memberId, m.displayName])),
      goals: new Map(goalTitles),
      workingGroups: new Map(input.workingGroups.map((g) => [g.id, g.name])),
    },
  };
}

/** The viewer's own organisation and its checklist; `missing` when their organisation is not in the workspace yet. */
export type OwnOnboarding =
  | { readonly kind: 'checklist'; readonly organisationName: string; readonly checklist: OnboardingChecklist }
  | { readonly kind: 'missing'; readonly organisationName: string }
  | { readonly kind: 'unknownMember' };

export async function ownOnboarding(doc: Y.Doc, now: Date, memberId: string, authority: MandateAuthority, source: RecordSource = documentRecords(doc)): Promise<OwnOnboarding> {
  const input = await inputOf(doc, now, authority, source);
  const me = input.members.find((member) => member.memberId === memberId);
  if (me === undefined) return { kind: 'unknownMember' };
  const organisationId = organisationIdOf(me, input.organisations);
  const organisation = input.organisations.find((o) => o.id === organisationId);
  if (organisation === undefined) return { kind: 'missing', organisationName: me.organisationName };
  return { kind: 'checklist', organisationName: organisation.name, checklist: onboardingChecklist(organisation.id, input) };
}
