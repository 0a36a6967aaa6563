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
 * A goal is adopted when
 *   1. at least one organisation participates,
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
  /** Participating organisations in the order given. */
  readonly organisations: readonly OrganisationSupport[];
  readonly counts: Readonly<Record<SupportStatus, number>>;
  readonly supporting: number;
  /** Supporting organisations the quorum asks for, given how many participate. */
  readonly requiredSupporting: number;
  /** When adopted: the signed time of the last counted stance, the moment the goal became carried by all. */
  readonly adoptedAt?: number;
  /** Valid or invalid stances for this goal naming an organisation that does not participate. */
  readonly unattributed: readonly unknown[];
}

export interface AdoptionInput {
  readonly goalId: string;
  readonly currentTextHash: string;
  readonly organisations: readonly ParticipatingOrganisation[];
  readonly stances: readonly CheckedStance[];
  readonly quorum: Quorum;
}

const STATUS_OF: Record<StanceKind, SupportStatus> = {
  endorse: 'endorsed',
  endorseWithReservations: 'reservations',
  standAside: 'stoodAside',
  object: 'objected',
};

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
  const organisations = [...new Map(input.organisations.map((org) => [org.id, org])).values()];
  const buckets = new Map(organisations.map((org) => [org.id, { ignored: [] } as Bucket]));
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
    const organisation = organisations.find((org) => org.id === record.organisationId);
    const mandated = organisation?.mandateHolders.some((holder) => holder.memberId === record.memberId && holder.publicKey === stanceHolderKey(record)) ?? false;
    if (!mandated) bucket.ignored.push({ reason: 'notMandateHolder', record });
    else if (bucket.latest === undefined || isLater(record, bucket.latest)) bucket.latest = record;
  }

  const supports: OrganisationSupport[] = organisations.map((org) => {
    const bucket = buckets.get(org.id) ?? { ignored: [] };
    const latest = bucket.latest;
    const status: SupportStatus =
      latest !== undefined
        ? latest.textHash === input.currentTextHash
          ? STATUS_OF[latest.stance]
          : 'stale'
        : bucket.ignored.some((ignored) => ignored.reason === 'invalid')
          ? 'invalid'
          : 'notResponded';
    return { organisationId: org.id, status, ...(latest ? { stance: latest } : {}), ignored: bucket.ignored, noMandateHolder: org.mandateHolders.length === 0 };
  });

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
    counts,
    supporting,
    requiredSupporting: required,
    ...(adoptedAt === undefined ? {} : { adoptedAt }),
    unattributed,
  };
}
