/**
 * A phase per building block, from the current figures: where the region
 * stands, in words a community manager recognises. Thresholds are named here
 * with the reason for each, so a discussion about them changes one line.
 */
export const PHASES = ['notStarted', 'starting', 'growing', 'carried'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_THRESHOLDS = {
  /** A network needs at least two parties; one organisation alone is not a region yet. */
  verbindenMinOrganisations: 2,
  /** Half the parties in one cluster: the network has a core others can join. */
  verbindenGrowingComponentShare: 0.5,
  /** Everyone has, on average, met one other person through the workspace. */
  verbindenGrowingTiesPerMember: 1,
  /** Every party reachable from every other: nobody stands outside. */
  verbindenCarriedComponentShare: 1,
  /** People know a few others, not just their introducer. */
  verbindenCarriedTiesPerMember: 2,
  /** Half the parties have opened up: contributing has become normal. */
  bijdragenGrowingShare: 0.5,
  /** Every party has contributed: one silent party is exactly whom to call. */
  bijdragenCarriedShare: 1,
  /** Half of all asked-for stances are in: the conversation about the goals is under way. */
  samenwerkenGrowingCoverage: 0.5,
} as const;

export interface VerbindenFacts {
  readonly organisations: number;
  readonly members: number;
  readonly largestComponentShare: number;
  readonly tiesPerMember: number;
}

export function verbindenPhase(facts: VerbindenFacts): Phase {
  const t = PHASE_THRESHOLDS;
  if (facts.organisations < t.verbindenMinOrganisations || facts.members < 2) return 'notStarted';
  if (facts.largestComponentShare >= t.verbindenCarriedComponentShare && facts.tiesPerMember >= t.verbindenCarriedTiesPerMember) return 'carried';
  if (facts.largestComponentShare >= t.verbindenGrowingComponentShare && facts.tiesPerMember >= t.verbindenGrowingTiesPerMember) return 'growing';
  return 'starting';
}

export interface BijdragenFacts {
  readonly organisations: number;
  /** Organisations with interests on the table or at least one document. */
  readonly contributingOrganisations: number;
}

export function bijdragenPhase(facts: BijdragenFacts): Phase {
  if (facts.organisations === 0 || facts.contributingOrganisations === 0) return 'notStarted';
  const share = facts.contributingOrganisations / facts.organisations;
  if (share >= PHASE_THRESHOLDS.bijdragenCarriedShare) return 'carried';
  if (share >= PHASE_THRESHOLDS.bijdragenGrowingShare) return 'growing';
  return 'starting';
}

export interface SamenwerkenFacts {
  readonly goals: number;
  readonly adopted: number;
  /** Responded / asked over all goals; null when no organisation is asked yet. */
  readonly coverage: number | null;
}

/** Carried once a goal is adopted: that is the block's aim, a goal every party carries. */
export function samenwerkenPhase(facts: SamenwerkenFacts): Phase {
  if (facts.goals === 0) return 'notStarted';
  if (facts.adopted > 0) return 'carried';
  if ((facts.coverage ?? 0) >= PHASE_THRESHOLDS.samenwerkenGrowingCoverage) return 'growing';
  return 'starting';
}

export interface SamenCreerenFacts {
  readonly ideas: number;
  readonly workingGroups: number;
  /** Ideas a working group took up, including those since realised or declined by it. */
  readonly ideasTakenUp: number;
  readonly ideasRealised: number;
}

/** Growing when ideas turn into work (taken up by a group); carried when one became real. */
export function samenCreerenPhase(facts: SamenCreerenFacts): Phase {
  if (facts.ideas === 0 && facts.workingGroups === 0) return 'notStarted';
  if (facts.ideasRealised > 0) return 'carried';
  if (facts.ideasTakenUp > 0) return 'growing';
  return 'starting';
}
