/**
 * The adoption rule for a goal, and the support view behind the draagvlak
 * meter. Pure: stances arrive already verified (checkStances), so the rule
 * runs synchronously on every document update.
 *
 * Which stance counts for an organisation: of the stances for this goal that
 * verify and are signed by one of the organisation's mandate holders (member
 * id and public key both match the mandate), the latest by its signed time
 * (ties broken by the larger signature, so every peer picks the same one).
 * An organisation's latest word wins even when it was given on another text
 * version: after a text change it is asked again, never silently counted on
 * an older stance.
 *
 * Who takes part. The goal's drafters invite organisations (`organisations`,
 * an unsigned list anyone may change); an organisation's own signed word
 * overrides that list:
 *   - its counted stance is `stepOut`: it does not take part, whatever the
 *     list says, until it gives another stance;
 *   - it gave any other counted stance: it takes part, also when it was
 *     never invited (it joined) or was taken off the list later. So nobody
 *     can get a goal adopted by taking an objecting organisation off the
 *     list; only the organisation itself can step out.
 * Organisations outside the list are in `otherOrganisations`, with their
 * mandate holders, so their stances can be checked.
 *
 * A goal is adopted when
 *   1. at least one organisation takes part,
 *   2. every participating organisation's counted stance is on the current
 *      text (same textHash),
 *   3. none of them objects, and
 *   4. the quorum is met: the supporting organisations (endorse, or endorse
 *      with reservations) number at least `minSupportingOrganisations` and
 *      make up at least `minSupportingPercent` of all participating
 *      organisations. Standing aside does not block, but does not support.
 */
import { z } from 'zod';
import type { CheckedStance, StanceKind, StanceProblem, StanceRecord } from './stance';
import { stanceHolderKey, stanceLabel } from './stance';

/** The quorum a workspace sets for its goals. */
export const QuorumSchema = z.object({
  minSupportingOrganisations: z.number().int().min(1).max(1000),
  /** Whole percent, compared in integers so "exactly met" never depends on floating point. */
  minSupportingPercent: z.number().int().min(0).max(100),
});
export type Quorum = z.infer<typeof QuorumSchema>;

export const DEFAULT_QUORUM: Quorum = {
  /** A common goal is carried by at least two parties; one organisation alone has its own strategy, not a shared one. */
  minSupportingOrganisations: 2,
  /** When more than half of the partners stand aside, the goal is not carried by the region. */
  minSupportingPercent: 50,
};

export interface MandateHolder {
  readonly memberId: string;
  readonly publicKey: string;
}
export interface ParticipatingOrganisation {
  readonly id: string;
  readonly mandateHolders: readonly MandateHolder[];
}

export type SupportStatus = 'endorsed' | 'reservations' | 'stoodAside' | 'objected' | 'stale' | 'notResponded' | 'invalid';
export const SUPPORT_STATUSES: readonly SupportStatus[] = ['endorsed', 'reservations', 'stoodAside', 'objected', 'stale', 'notResponded', 'invalid'];

/** A stance that was left out of the count, and why: the UI shows it as a warning on the organisation. */
export type IgnoredStance =
  | { readonly reason: 'invalid'; readonly problem: StanceProblem; readonly candidate: unknown }
  | { readonly reason: 'notMandateHolder'; readonly record: StanceRecord };

export interface OrganisationSupport {
  readonly organisationId: string;
  /** `invited`: on the drafters' list; `joined`: not on it, but took part by a signed stance. */
  readonly participation: 'invited' | 'joined';
  /** `invalid`: nothing counts, and at least one stance for it failed verification. */
  readonly status: SupportStatus;
  /** The counted stance; for `stale`, the one given on the earlier version (its canonicalText feeds the diff). */
  readonly stance?: StanceRecord;
  readonly ignored: readonly IgnoredStance[];
  /** Nobody may speak for this organisation yet, so it cannot respond. */
  readonly noMandateHolder: boolean;
}

export type AdoptionBlocker =
  | { readonly kind: 'noOrganisations' }
  | { readonly kind: 'objection'; readonly organisationIds: readonly string[] }
  | { readonly kind: 'awaiting'; readonly organisationIds: readonly string[] }
  | { readonly kind: 'quorum'; readonly supporting: number; readonly required: number };

export interface AdoptionResult {
  readonly adopted: boolean;
  readonly blockers: readonly AdoptionBlocker[];
  /** Participating organisations: the invited in the order given, then those that joined by a stance, in the order given. */
  readonly organisations: readonly OrganisationSupport[];
  /** Organisations whose counted stance is `stepOut`, with that stance. */
  readonly steppedOut: readonly { readonly organisationId: string; readonly stance: StanceRecord }[];
  readonly counts: Readonly<Record<SupportStatus, number>>;
  readonly supporting: number;
  /** Supporting organisations the quorum asks for, given how many participate. */
  readonly requiredSupporting: number;
  /** When adopted: the signed time of the last counted stance, the moment the goal became carried by all. */
  readonly adoptedAt?: number;
  /** Stances for this goal naming an organisation that does not take part and did not step out by a counted stance. */
  readonly unattributed: readonly unknown[];
}

export interface AdoptionInput {
  readonly goalId: string;
  readonly currentTextHash: string;
  /** The organisations the drafters invited. */
  readonly organisations: readonly ParticipatingOrganisation[];
  /** Every other organisation of the workspace, which may join by a signed stance. */
  readonly otherOrganisations?: readonly ParticipatingOrganisation[];
  readonly stances: readonly CheckedStance[];
  readonly quorum: Quorum;
}

const STATUS_OF: Record<Exclude<StanceKind, 'stepOut'>, SupportStatus> = {
  endorse: 'endorsed',
  endorseWithReservations: 'reservations',
  standAside: 'stoodAside',
  object: 'objected',
};

/** The invited organisations, then the others, each once (the first mention wins). */
export function knownOrganisations(input: Pick<AdoptionInput, 'organisations' | 'otherOrganisations'>): { organisation: ParticipatingOrganisation; invited: boolean }[] {
  const known = new Map<string, { organisation: ParticipatingOrganisation; invited: boolean }>();
  for (const organisation of input.organisations) if (!known.has(organisation.id)) known.set(organisation.id, { organisation, invited: true });
  for (const organisation of input.otherOrganisations ?? []) if (!known.has(organisation.id)) known.set(organisation.id, { organisation, invited: false });
  return [...known.values()];
}

/** Whether a verified stance is signed by one of its organisation's mandate holders, among the organisations the input knows. */
export function isMandatedStance(input: Pick<AdoptionInput, 'organisations' | 'otherOrganisations'>, record: StanceRecord): boolean {
  const named = (organisation: ParticipatingOrganisation) => organisation.id === record.organisationId;
  const organisation = input.organisations.find(named) ?? input.otherOrganisations?.find(named);
  return organisation?.mandateHolders.some((holder) => holder.memberId === record.memberId && holder.publicKey === stanceHolderKey(record)) ?? false;
}

function isLater(a: StanceRecord, b: StanceRecord): boolean {
  return a.at !== b.at ? a.at > b.at : a.signature > b.signature;
}

interface Bucket {
  latest?: StanceRecord;
  ignored: IgnoredStance[];
}

/** Smallest whole number of supporters that meets the quorum for `participating` organisations. */
export function requiredSupporting(quorum: Quorum, participating: number): number {
  return Math.max(quorum.minSupportingOrganisations, Math.ceil((quorum.minSupportingPercent * participating) / 100));
}

export function evaluateAdoption(input: AdoptionInput): AdoptionResult {
  const known = knownOrganisations(input);
  const buckets = new Map(known.map(({ organisation }) => [organisation.id, { ignored: [] } as Bucket]));
  const unattributed: unknown[] = [];

  for (const { candidate, verification } of input.stances) {
    const label = verification.valid ? verification.record : stanceLabel(candidate);
    if (label.goalId !== undefined && label.goalId !== input.goalId) continue;
    const bucket = label.organisationId === undefined ? undefined : buckets.get(label.organisationId);
    if (bucket === undefined) {
      unattributed.push(candidate);
      continue;
    }
    if (!verification.valid) {
      bucket.ignored.push({ reason: 'invalid', problem: verification.problem, candidate });
      continue;
    }
    const record = verification.record;
    if (!isMandatedStance(input, record)) bucket.ignored.push({ reason: 'notMandateHolder', record });
    else if (bucket.latest === undefined || isLater(record, bucket.latest)) bucket.latest = record;
  }

  const steppedOut: { organisationId: string; stance: StanceRecord }[] = [];
  const invited: OrganisationSupport[] = [];
  const joined: OrganisationSupport[] = [];
  for (const { organisation, invited: onList } of known) {
    const bucket = buckets.get(organisation.id) ?? { ignored: [] };
    const latest = bucket.latest;
    if (latest?.stance === 'stepOut') {
      steppedOut.push({ organisationId: organisation.id, stance: latest });
      continue;
    }
    if (!onList && latest === undefined) {
      // Not taking part: what was sent for it is named, as for an unknown organisation.
      for (const ignored of bucket.ignored) unattributed.push(ignored.reason === 'invalid' ? ignored.candidate : ignored.record);
      continue;
    }
    const status: SupportStatus =
      latest !== undefined
        ? latest.textHash === input.currentTextHash
          ? STATUS_OF[latest.stance]
          : 'stale'
        : bucket.ignored.some((ignored) => ignored.reason === 'invalid')
          ? 'invalid'
          : 'notResponded';
    const support: OrganisationSupport = {
      organisationId: organisation.id,
      participation: onList ? 'invited' : 'joined',
      status,
      ...(latest ? { stance: latest } : {}),
      ignored: bucket.ignored,
      noMandateHolder: organisation.mandateHolders.length === 0,
    };
    (onList ? invited : joined).push(support);
  }
  const supports = [...invited, ...joined];

  const counts = Object.fromEntries(SUPPORT_STATUSES.map((status) => [status, 0])) as Record<SupportStatus, number>;
  for (const support of supports) counts[support.status] += 1;
  const supporting = counts.endorsed + counts.reservations;
  const required = requiredSupporting(input.quorum, supports.length);
  const idsWith = (...statuses: SupportStatus[]) => supports.filter((s) => statuses.includes(s.status)).map((s) => s.organisationId);

  const blockers: AdoptionBlocker[] = [];
  if (supports.length === 0) blockers.push({ kind: 'noOrganisations' });
  const objecting = idsWith('objected');
  if (objecting.length > 0) blockers.push({ kind: 'objection', organisationIds: objecting });
  const awaiting = idsWith('stale', 'notResponded', 'invalid');
  if (awaiting.length > 0) blockers.push({ kind: 'awaiting', organisationIds: awaiting });
  if (supporting < required) blockers.push({ kind: 'quorum', supporting, required });

  const adopted = blockers.length === 0;
  const adoptedAt = adopted ? Math.max(...supports.map((s) => s.stance?.at ?? 0)) : undefined;
  return {
    adopted,
    blockers,
    organisations: supports,
    steppedOut,
    counts,
    supporting,
    requiredSupporting: required,
    ...(adoptedAt === undefined ? {} : { adoptedAt }),
    unattributed,
  };
}
