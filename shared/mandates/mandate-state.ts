/**
 * Who holds a mandate, granted by whom, confirmed by whom: a pure function of
 * the set of mandate records (mandate-record.ts), the member list proven by
 * signed admissions (shared/membership/member-list.ts) and the workspace's
 * organisations. Peers holding the same records get the same answer whatever
 * order they arrived in, duplicates included (mandate-state.test.ts checks
 * that with fast-check), because every choice below is the earliest by
 * (`at`, record text), never the first seen.
 *
 * Rules (proven membership):
 *   - A member belongs to an organisation by the organisation name in their
 *     signed admission: the single organisation of that name (two of one
 *     name: nobody belongs to either by name, as in write-rules.ts). Never by
 *     the profile a member fills in.
 *   - The organisation's administrator is its member admitted first (`at` of
 *     their admission, then key). Why not a separate role: every
 *     organisation has one from the moment its first member joins, without
 *     anybody granting anything, and it is the person who brought the
 *     organisation in.
 *   - A record counts only when its signer is a member of the organisation
 *     now; a grant only when its holder (`subject`) is too. Someone removed,
 *     or who joined under another organisation, grants nothing.
 *   - A revocation by any member of the organisation ends every grant to that
 *     holder made at the same moment or before it (taking away is the
 *     cautious side of a tie). A later grant gives the mandate again.
 *   - A grant that is not revoked (live) counts when its signer is the
 *     organisation's administrator, or when another member of the
 *     organisation than the grantor confirmed it (a `confirmed` record naming
 *     the grant). So a member ticking themself alone holds nothing until a
 *     second member signs. A live grant that does not count yet is pending.
 *   - Entries from before signed mandates count nowhere here; they are shown
 *     as not confirmed.
 *
 * In an open workspace (from before proven membership: no member list to
 * check a signer against) today's behaviour stays: the old entries count,
 * shown as not confirmed, and signed records are ignored until the workspace
 * is upgraded.
 */
import type { MandateHolder } from '../goals/adoption';
import { memberIdOfKey, type VerifiedMandateRecord } from './mandate-record';

export interface OrganisationRef {
  readonly id: string;
  readonly name: string;
}

/** What the member list says of a member that matters here: the organisation of their admission and when they were admitted. */
export interface AdmittedMember {
  readonly displayName: string;
  readonly organisationName: string;
  readonly at: number;
}

export type MandateAuthority = { readonly kind: 'open' } | { readonly kind: 'proven'; readonly members: ReadonlyMap<string, AdmittedMember> };
/** A workspace from before proven membership. */
export const OPEN_AUTHORITY: MandateAuthority = { kind: 'open' };

/** An entry from before signed mandates, as shared/workspace-doc/mandates.ts reads it (already checked against the profiles). */
export interface LegacyMandate {
  readonly organisationId: string;
  readonly memberId: string;
  readonly publicKey: string;
  readonly grantedBy: string;
  readonly at: number;
}

export interface MandateInput {
  readonly workspaceId: string;
  readonly authority: MandateAuthority;
  readonly organisations: readonly OrganisationRef[];
  readonly records: readonly VerifiedMandateRecord[];
  readonly legacy: readonly LegacyMandate[];
}

/** administrator: granted by the organisation's administrator; confirmed: granted and confirmed by two members; notConfirmed: an old unsigned entry. */
export type MandateStanding = 'administrator' | 'confirmed' | 'notConfirmed';

export interface MandateHolding {
  readonly organisationId: string;
  readonly holderKey: string;
  readonly holderId: string;
  /** Member id of who granted it. */
  readonly grantedBy: string;
  /** Member id of the second member who confirmed it. */
  readonly confirmedBy?: string;
  readonly standing: MandateStanding;
  /** Whether a stance signed by the holder counts (adoption.ts). */
  readonly counts: boolean;
  readonly at: number;
  /** The signed grant and confirmation that prove it, for the export. */
  readonly records: readonly string[];
}

export interface PendingGrant {
  readonly organisationId: string;
  readonly holderKey: string;
  readonly holderId: string;
  readonly grantedBy: string;
  readonly grantedByKey: string;
  /** Record id of the grant, which a confirmation names. */
  readonly grantId: string;
  readonly at: number;
}

export type IgnoredReason = 'otherWorkspace' | 'unknownOrganisation' | 'signerNotInOrganisation' | 'holderNotInOrganisation' | 'ownGrant' | 'unknownGrant' | 'openWorkspace';

export interface IgnoredMandateRecord {
  readonly id: string;
  readonly kind: VerifiedMandateRecord['kind'];
  readonly signer: string;
  readonly reason: IgnoredReason;
}

export interface OrganisationMandates {
  readonly organisationId: string;
  /** Public keys of its members by their admission (empty in an open workspace). */
  readonly memberKeys: readonly string[];
  readonly administratorKey?: string;
  readonly holders: readonly MandateHolding[];
  readonly pending: readonly PendingGrant[];
}

export interface MandateState {
  readonly open: boolean;
  readonly organisations: ReadonlyMap<string, OrganisationMandates>;
  readonly ignored: readonly IgnoredMandateRecord[];
}

export const normalOrganisationName = (name: string): string => name.trim().toLocaleLowerCase('nl');

/** The organisation an admission's organisation name makes one a member of: the single one of that name, else none. */
export function organisationOfName(organisations: readonly OrganisationRef[], organisationName: string): string | undefined {
  const wanted = normalOrganisationName(organisationName);
  const matches = organisations.filter((organisation) => normalOrganisationName(organisation.name) === wanted);
  return matches.length === 1 ? matches[0]?.id : undefined;
}

type Timed = { readonly at: number; readonly text: string };
const earlier = (a: Timed, b: Timed): boolean => a.at < b.at || (a.at === b.at && a.text < b.text);
function earliest<T extends Timed>(items: Iterable<T>): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || earlier(item, best)) best = item;
  return best;
}

/** Members by organisation, from the admissions; the administrator is the one admitted first. */
function organisationMembers(organisations: readonly OrganisationRef[], members: ReadonlyMap<string, AdmittedMember>): Map<string, { keys: string[]; administrator?: string }> {
  const result = new Map(organisations.map((organisation) => [organisation.id, { keys: [] as string[], administrator: undefined as string | undefined }]));
  for (const [key, member] of members) {
    const organisationId = organisationOfName(organisations, member.organisationName);
    if (organisationId !== undefined) result.get(organisationId)?.keys.push(key);
  }
  for (const entry of result.values()) {
    entry.keys.sort();
    entry.administrator = earliest(entry.keys.map((key) => ({ at: members.get(key)?.at ?? 0, text: key })))?.text;
  }
  return result;
}

type Grant = Extract<VerifiedMandateRecord, { kind: 'granted' }>;
type Confirmation = Extract<VerifiedMandateRecord, { kind: 'confirmed' }>;

export function resolveMandates(input: MandateInput): MandateState {
  const organisationIds = new Set(input.organisations.map((organisation) => organisation.id));
  if (input.authority.kind === 'open') return resolveOpen(input, organisationIds);
  const members = organisationMembers(input.organisations, input.authority.members);
  const ignored = new Map<string, IgnoredMandateRecord>();
  const ignore = (record: VerifiedMandateRecord, reason: IgnoredReason) => ignored.set(record.id, { id: record.id, kind: record.kind, signer: record.signer, reason });

  const grants: Grant[] = [];
  const confirmations: Confirmation[] = [];
  const revokedAt = new Map<string, number>();
  const pairKey = (organisationId: string, subject: string) => JSON.stringify([organisationId, subject]);
  // The same record twice (two peers added it) is one record.
  const records = [...new Map(input.records.map((record) => [record.id, record])).values()];
  for (const record of records) {
    if (record.workspaceId !== input.workspaceId) ignore(record, 'otherWorkspace');
    else if (!organisationIds.has(record.organisationId)) ignore(record, 'unknownOrganisation');
    else if (!members.get(record.organisationId)?.keys.includes(record.signer)) ignore(record, 'signerNotInOrganisation');
    else if (record.kind === 'granted') {
      if (members.get(record.organisationId)?.keys.includes(record.subject)) grants.push(record);
      else ignore(record, 'holderNotInOrganisation');
    } else if (record.kind === 'confirmed') confirmations.push(record);
    else {
      const key = pairKey(record.organisationId, record.subject);
      revokedAt.set(key, Math.max(revokedAt.get(key) ?? -1, record.at));
    }
  }

  const grantsById = new Map(grants.map((grant) => [grant.id, grant]));
  const confirmationsOf = new Map<string, Confirmation[]>();
  for (const confirmation of confirmations) {
    const grant = grantsById.get(confirmation.grant);
    if (grant === undefined || grant.organisationId !== confirmation.organisationId || grant.subject !== confirmation.subject) ignore(confirmation, 'unknownGrant');
    else if (grant.signer === confirmation.signer) ignore(confirmation, 'ownGrant');
    else confirmationsOf.set(grant.id, [...(confirmationsOf.get(grant.id) ?? []), confirmation]);
  }

  const live = grants.filter((grant) => grant.at > (revokedAt.get(pairKey(grant.organisationId, grant.subject)) ?? -1));
  const byPair = new Map<string, Grant[]>();
  for (const grant of live) byPair.set(pairKey(grant.organisationId, grant.subject), [...(byPair.get(pairKey(grant.organisationId, grant.subject)) ?? []), grant]);

  const holders = new Map<string, MandateHolding[]>();
  const pending = new Map<string, PendingGrant[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const pairGrants of byPair.values()) {
    const first = pairGrants[0] as Grant;
    const administrator = members.get(first.organisationId)?.administrator;
    const counted = earliest(pairGrants.filter((grant) => grant.signer === administrator || confirmationsOf.has(grant.id)));
    if (counted) {
      const confirmation = counted.signer === administrator ? undefined : earliest(confirmationsOf.get(counted.id) ?? []);
      push(holders, counted.organisationId, {
        organisationId: counted.organisationId,
        holderKey: counted.subject,
        holderId: memberIdOfKey(counted.subject),
        grantedBy: memberIdOfKey(counted.signer),
        ...(confirmation ? { confirmedBy: memberIdOfKey(confirmation.signer) } : {}),
        standing: confirmation ? 'confirmed' : 'administrator',
        counts: true,
        at: counted.at,
        records: confirmation ? [counted.text, confirmation.text] : [counted.text],
      });
      continue;
    }
    for (const grant of pairGrants.sort((a, b) => (earlier(a, b) ? -1 : 1)))
      push(pending, grant.organisationId, { organisationId: grant.organisationId, holderKey: grant.subject, holderId: memberIdOfKey(grant.subject), grantedBy: memberIdOfKey(grant.signer), grantedByKey: grant.signer, grantId: grant.id, at: grant.at });
  }

  // Old unsigned entries: shown as not confirmed, unless the holder has a signed mandate too.
  for (const legacy of input.legacy) {
    if (!organisationIds.has(legacy.organisationId)) continue;
    if (holders.get(legacy.organisationId)?.some((holding) => holding.holderId === legacy.memberId)) continue;
    push(holders, legacy.organisationId, legacyHolding(legacy, false));
  }

  const organisations = new Map<string, OrganisationMandates>();
  for (const id of [...organisationIds].sort()) {
    const entry = members.get(id);
    organisations.set(id, {
      organisationId: id,
      memberKeys: entry?.keys ?? [],
      ...(entry?.administrator === undefined ? {} : { administratorKey: entry.administrator }),
      holders: (holders.get(id) ?? []).sort((a, b) => a.holderId.localeCompare(b.holderId)),
      pending: (pending.get(id) ?? []).sort((a, b) => a.at - b.at || a.grantId.localeCompare(b.grantId)),
    });
  }
  return { open: false, organisations, ignored: [...ignored.values()].sort((a, b) => a.id.localeCompare(b.id)) };
}

function legacyHolding(legacy: LegacyMandate, counts: boolean): MandateHolding {
  return { organisationId: legacy.organisationId, holderKey: legacy.publicKey, holderId: legacy.memberId, grantedBy: legacy.grantedBy, standing: 'notConfirmed', counts, at: legacy.at, records: [] };
}

function resolveOpen(input: MandateInput, organisationIds: ReadonlySet<string>): MandateState {
  const organisations = new Map<string, OrganisationMandates>();
  for (const id of [...organisationIds].sort()) {
    const holders = input.legacy.filter((legacy) => legacy.organisationId === id).map((legacy) => legacyHolding(legacy, true));
    organisations.set(id, { organisationId: id, memberKeys: [], holders: holders.sort((a, b) => a.holderId.localeCompare(b.holderId)), pending: [] });
  }
  const records = [...new Map(input.records.map((record) => [record.id, record])).values()];
  const ignored = records.map((record): IgnoredMandateRecord => ({ id: record.id, kind: record.kind, signer: record.signer, reason: 'openWorkspace' }));
  return { open: true, organisations, ignored: ignored.sort((a, b) => a.id.localeCompare(b.id)) };
}

/** The mandate holders that count, per organisation: the shape evaluateAdoption takes. */
export function countedHolders(state: MandateState): Map<string, MandateHolder[]> {
  const result = new Map<string, MandateHolder[]>();
  for (const [id, organisation] of state.organisations)
    result.set(
      id,
      organisation.holders.filter((holding) => holding.counts).map((holding) => ({ memberId: holding.holderId, publicKey: holding.holderKey })),
    );
  return result;
}
