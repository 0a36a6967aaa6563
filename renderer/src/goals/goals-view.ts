/**
 * What the Doelen screens show, derived from validated workspace data and an
 * adoption result. Pure (no React, no i18n): the components translate the
 * status keys, and the unit tests pin the rules (who may sign, which rows
 * show which status, what a tampered stance looks like).
 */
import type { Organisation } from '../../../shared/domain/organisation';
import { SUPPORT_STATUSES, type AdoptionInput, type AdoptionResult, type SupportStatus } from '../../../shared/goals/adoption';
import type { StanceKind, StanceRecord } from '../../../shared/goals/stance';
import type { MandateStanding, MandateState } from '../../../shared/mandates/mandate-state';
import { organisationIdOf, type Member } from '../../../shared/workspace-doc/members';

/** The people and organisations the goal screens name (from the read model: useGoalsWorkspace). */
export interface GoalsWorkspace {
  readonly organisations: readonly Organisation[];
  /** Every readable member with the organisation the workspace resolves for them now. */
  readonly members: ReadonlyMap<string, { readonly member: Member; readonly organisationId: string | undefined }>;
}

/** `organisations` in the order the screens list them (by name). */
export function goalsWorkspaceOf(organisations: readonly Organisation[], members: Iterable<Member>): GoalsWorkspace {
  const resolved = new Map<string, { member: Member; organisationId: string | undefined }>();
  for (const member of members) resolved.set(member.memberId, { member, organisationId: organisationIdOf(member, organisations) });
  return { organisations, members: resolved };
}

export function organisationName(workspace: GoalsWorkspace, organisationId: string): string | undefined {
  return workspace.organisations.find((organisation) => organisation.id === organisationId)?.name;
}

export function memberName(workspace: GoalsWorkspace, memberId: string): string | undefined {
  return workspace.members.get(memberId)?.member.displayName;
}

/** The organisations whose mandates this member manages: the one the workspace resolves for them (none when unlinked). */
export function ownOrganisationIds(workspace: GoalsWorkspace, memberId: string): string[] {
  const own = workspace.members.get(memberId)?.organisationId;
  return own === undefined ? [] : [own];
}

/** Members of an organisation, by name, for the mandate checkboxes of a workspace from before proven membership. */
export function membersOf(workspace: GoalsWorkspace, organisationId: string): Member[] {
  return [...workspace.members.values()]
    .filter((entry) => entry.organisationId === organisationId)
    .map((entry) => entry.member)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
}

/** A mandate holder as the meter names them: who granted it and who confirmed it. */
export interface HolderLine {
  readonly name: string | undefined;
  readonly grantedByName: string | undefined;
  readonly confirmedByName?: string | undefined;
  readonly standing: MandateStanding;
  readonly counts: boolean;
}

/** The holders of an organisation's mandate, counted ones first; `nameOf` names a member id (by default their profile name). */
export function holderLines(mandates: MandateState, workspace: GoalsWorkspace, organisationId: string, nameOf: (memberId: string) => string | undefined = (id) => memberName(workspace, id)): HolderLine[] {
  const holders = mandates.organisations.get(organisationId)?.holders ?? [];
  return [...holders]
    .sort((a, b) => Number(b.counts) - Number(a.counts))
    .map((holding) => ({
      name: nameOf(holding.holderId),
      grantedByName: nameOf(holding.grantedBy),
      ...(holding.confirmedBy === undefined ? {} : { confirmedByName: nameOf(holding.confirmedBy) }),
      standing: holding.standing,
      counts: holding.counts,
    }));
}

/**
 * The participating organisations this member may sign for: those whose
 * counted mandate holders (as the adoption rule sees them) include this
 * member with this key. A mandate granted to an old key would not count, so
 * no button is offered for it.
 */
export function signableOrganisationIds(input: Pick<AdoptionInput, 'organisations'>, memberId: string, publicKey: string): string[] {
  return input.organisations.filter((org) => org.mandateHolders.some((holder) => holder.memberId === memberId && holder.publicKey === publicKey)).map((org) => org.id);
}

export interface MeterRow {
  readonly organisationId: string;
  readonly name: string | undefined;
  readonly status: SupportStatus;
  /** The counted stance: who signed, when, why; for `stale` the one on the earlier text. */
  readonly stance?: StanceRecord;
  readonly signerName?: string;
  /** Stances that did not verify (tampered or damaged); not counted. */
  readonly invalidStances: number;
  /** Valid stances by someone without this organisation's mandate; not counted. */
  readonly unmandatedStances: number;
  readonly noMandateHolder: boolean;
  /** This member may take a stance for the organisation. */
  readonly canSign: boolean;
  /** Its mandate holders, with who granted and confirmed each. */
  readonly holders: readonly HolderLine[];
}

export function meterRows(
  result: AdoptionResult,
  workspace: GoalsWorkspace,
  signable: readonly string[],
  mandates: MandateState,
  nameOf: (memberId: string) => string | undefined = (id) => memberName(workspace, id),
): MeterRow[] {
  return result.organisations.map((support) => {
    const signerName = support.stance ? memberName(workspace, support.stance.memberId) : undefined;
    return {
      organisationId: support.organisationId,
      name: organisationName(workspace, support.organisationId),
      status: support.status,
      ...(support.stance ? { stance: support.stance } : {}),
      ...(signerName === undefined ? {} : { signerName }),
      invalidStances: support.ignored.filter((ignored) => ignored.reason === 'invalid').length,
      unmandatedStances: support.ignored.filter((ignored) => ignored.reason === 'notMandateHolder').length,
      noMandateHolder: support.noMandateHolder,
      canSign: signable.includes(support.organisationId),
      holders: holderLines(mandates, workspace, support.organisationId, nameOf),
    };
  });
}

export interface MeterSegment {
  readonly status: SupportStatus;
  readonly count: number;
  /** Share of the bar; the segments of a non-empty goal add up to 100. */
  readonly percent: number;
}

/** The bar's segments in a fixed order (support first), empty statuses left out. */
export function meterSegments(result: Pick<AdoptionResult, 'counts'>): MeterSegment[] {
  const total = SUPPORT_STATUSES.reduce((sum, status) => sum + result.counts[status], 0);
  if (total === 0) return [];
  return SUPPORT_STATUSES.filter((status) => result.counts[status] > 0).map((status) => ({ status, count: result.counts[status], percent: (result.counts[status] * 100) / total }));
}

/** Dutch status words are part of the UI contract; these are the i18n keys under goals.status. */
export const STATUS_KEYS = {
  endorsed: 'endorsed',
  reservations: 'reservations',
  stoodAside: 'stoodAside',
  objected: 'objected',
  stale: 'stale',
  notResponded: 'notResponded',
  invalid: 'invalid',
} as const satisfies Record<SupportStatus, string>;

export const STANCE_KIND_KEYS = {
  endorse: 'endorse',
  endorseWithReservations: 'endorseWithReservations',
  standAside: 'standAside',
  object: 'object',
  stepOut: 'stepOut',
} as const satisfies Record<StanceKind, string>;

/** What the stance form starts with: the previous stance when re-confirming, else nothing chosen. */
export function initialStanceForm(previous: StanceRecord | undefined): { stance: StanceKind | ''; reason: string } {
  return previous ? { stance: previous.stance, reason: previous.reason } : { stance: '', reason: '' };
}
