/**
 * The member list of a workspace, computed from its membership records
 * (membership-record.ts) and the founder's key the device trusts. Pure and a
 * function of the set of records only: peers that hold the same records get
 * the same list whatever order they received them in, and two members
 * admitting people at once need no coordination.
 *
 * Rules:
 *   - The founder is a member: the `founded` record signed by the trusted
 *     founder key for itself (others are ignored).
 *   - An admission counts when its signer and the invite's issuer are
 *     members; members are found by following admissions from the founder.
 *   - One invite admits one person. Of the admissions under one invite id
 *     (counting only those whose signer and issuer are members), the first by
 *     `at`, then by record text, wins; an admission of another key under that
 *     id does not count. So a copied invite used a second time admits nobody,
 *     and when two people used one invite at the same moment with different
 *     members, every peer ends up keeping the same one. Someone admitted only
 *     by a person who thus lost their place loses it too.
 *   - An invite is revoked by a `revoked` record from whoever issued it, or
 *     from the founder. Revoking stops new admissions; whom it admitted
 *     before stays a member. A removed member's open invites are revoked.
 *   - Administrators: the founder, and members an administrator granted the
 *     role (`adminGranted`). A grant stays when its grantor is removed later.
 *   - Removals are taken in order (`at`, then text). One counts when its
 *     signer is an administrator not removed before it and its subject is a
 *     member not removed yet, unless it would leave no administrator: so when
 *     two administrators remove each other at once, the earlier removal
 *     stands and the later one, by someone already removed, does not. Whom the
 *     removed member admitted stays when the removal's `keep` lists that
 *     admission; any other admission the removed member signed does not count.
 */
import { recordId, type MemberRecord, type MemberRef, type VerifiedRecord } from './membership-record';

export interface ListedMember extends MemberRef {
  /** Who admitted them (null for the founder). */
  readonly admittedBy: string | null;
  readonly inviteId: string | null;
  readonly at: number;
}

/** An invite a member issued, as the records tell it. */
export interface IssuedInvite {
  readonly inviteId: string;
  readonly issuedBy: string;
  readonly at: number;
  readonly expiresAt: number;
  /** Taken back by its issuer or the founder. */
  readonly revoked: boolean;
  /** Whom it admitted, if anyone. */
  readonly usedBy: string | undefined;
}

export interface MemberList {
  readonly founderKey: string;
  /** By public key (base64url). */
  readonly members: ReadonlyMap<string, ListedMember>;
  /** Invite id → the public key it admitted. */
  readonly usedInvites: ReadonlyMap<string, string>;
  /** Invites revoked by their issuer or the founder (a revocation by anyone else does not count). */
  readonly revokedInvites: ReadonlySet<string>;
  /** Invites issued by members, by id. */
  readonly issuedInvites: ReadonlyMap<string, IssuedInvite>;
  /** Members who may grant the role and remove members: the founder and whom an administrator granted it. */
  readonly admins: ReadonlySet<string>;
  /** Removed members: by whom, when. */
  readonly removed: ReadonlyMap<string, { readonly by: string; readonly at: number }>;
  /** Removed members as they were listed before: whom they admitted and kept still shows them in a chain. */
  readonly formerMembers: ReadonlyMap<string, ListedMember>;
}

type Admission = Extract<VerifiedRecord, { kind: 'admitted' }>;
type InviteRecord = Extract<VerifiedRecord, { kind: 'issued' | 'revoked' }>;
type Grant = Extract<VerifiedRecord, { kind: 'adminGranted' }>;
type Removal = Extract<VerifiedRecord, { kind: 'removed' }>;

/** Removals can undo admissions, which can undo removals: a few rounds settle any real history. */
const MAX_ROUNDS = 8;

/** Record order where order matters: by `at`, then by text, so every peer orders alike. */
export const earlier = (a: VerifiedRecord, b: VerifiedRecord): boolean => a.at < b.at || (a.at === b.at && a.text < b.text);
const inOrder = <T extends VerifiedRecord>(records: T[]): T[] => records.sort((a, b) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0));

/** Keys reachable from the founder through the given admissions. */
function reachable(founderKey: string, admissions: readonly Admission[]): Set<string> {
  const members = new Set([founderKey]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of admissions) {
      if (members.has(a.member.publicKey) || !members.has(a.signer) || !members.has(a.invitedBy)) continue;
      members.add(a.member.publicKey);
      grew = true;
    }
  }
  return members;
}

interface Admitted {
  readonly keys: Set<string>;
  readonly first: Map<string, Admission>;
  readonly winners: Map<string, Admission>;
}

/** Who the admissions make a member, one person per invite (the rules above), removals not yet applied. */
function resolveAdmissions(founderKey: string, admissions: readonly Admission[]): Admitted {
  const eligible = reachable(founderKey, admissions);
  const winners = new Map<string, Admission>();
  for (const a of admissions) {
    if (!eligible.has(a.signer) || !eligible.has(a.invitedBy)) continue;
    const current = winners.get(a.inviteId);
    if (!current || earlier(a, current)) winners.set(a.inviteId, a);
  }
  const counted = admissions.filter((a) => winners.get(a.inviteId)?.member.publicKey === a.member.publicKey);
  const keys = reachable(founderKey, counted);
  const first = new Map<string, Admission>();
  for (const a of counted) {
    if (!keys.has(a.signer) || !keys.has(a.invitedBy) || a.member.publicKey === founderKey) continue;
    const current = first.get(a.member.publicKey);
    if (!current || earlier(a, current)) first.set(a.member.publicKey, a);
  }
  for (const [inviteId, a] of winners) if (!keys.has(a.signer) || !keys.has(a.invitedBy)) winners.delete(inviteId);
  return { keys, first, winners };
}

function resolveAdmins(founderKey: string, grants: readonly Grant[], members: ReadonlySet<string>): Set<string> {
  const admins = new Set([founderKey]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const g of grants) {
      if (admins.has(g.subject) || !admins.has(g.signer) || !members.has(g.subject)) continue;
      admins.add(g.subject);
      grew = true;
    }
  }
  return admins;
}

/** Removals in order; one by someone already removed, of someone not a member, or of the last administrator does not count. */
function resolveRemovals(removals: readonly Removal[], admins: ReadonlySet<string>, members: ReadonlySet<string>): Map<string, Removal> {
  const removed = new Map<string, Removal>();
  for (const r of removals) {
    if (!admins.has(r.signer) || removed.has(r.signer) || removed.has(r.subject) || !members.has(r.subject)) continue;
    if (![...admins].some((key) => key !== r.subject && !removed.has(key))) continue;
    removed.set(r.subject, r);
  }
  return removed;
}

export function resolveMemberList(records: Iterable<VerifiedRecord>, workspaceId: string, founderKey: string): MemberList {
  let founded: MemberRecord | undefined;
  const admissions: Admission[] = [];
  const inviteRecords: InviteRecord[] = [];
  const grants: Grant[] = [];
  const removals: Removal[] = [];
  for (const record of records) {
    if (record.workspaceId !== workspaceId) continue;
    if (record.kind === 'founded') {
      if (record.signer === founderKey && record.member.publicKey === founderKey && (!founded || earlier(record, founded))) founded = record;
    } else if (record.kind === 'admitted') admissions.push(record);
    else if (record.kind === 'adminGranted') grants.push(record);
    else if (record.kind === 'removed') removals.push(record);
    else if (record.kind === 'issued' || record.kind === 'revoked') inviteRecords.push(record);
  }
  if (!founded) return { founderKey, members: new Map(), admins: new Set(), removed: new Map(), formerMembers: new Map(), usedInvites: new Map(), revokedInvites: new Set(), issuedInvites: new Map() };
  inOrder(removals);
  const ids = new Map(admissions.map((a) => [a, recordId(a.text)]));

  // Admissions a removed member signed count only when the removal keeps them; that can change who is removed.
  let excluded = new Set<Admission>();
  let admitted = resolveAdmissions(founderKey, admissions);
  let admins = resolveAdmins(founderKey, grants, admitted.keys);
  let removed = resolveRemovals(removals, admins, admitted.keys);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = new Set(admissions.filter((a) => removed.has(a.signer) && !removed.get(a.signer)?.keep.includes(ids.get(a) as string)));
    if (next.size === excluded.size && [...next].every((a) => excluded.has(a))) break;
    excluded = next;
    admitted = resolveAdmissions(founderKey, admissions.filter((a) => !excluded.has(a)));
    admins = resolveAdmins(founderKey, grants, admitted.keys);
    removed = resolveRemovals(removals, admins, admitted.keys);
  }

  const members = new Map<string, ListedMember>();
  const formerMembers = new Map<string, ListedMember>();
  const list = (key: string, member: ListedMember): void => void (removed.has(key) ? formerMembers : members).set(key, member);
  list(founderKey, { ...founded.member, admittedBy: null, inviteId: null, at: founded.at });
  for (const [key, a] of admitted.first) list(key, { ...a.member, admittedBy: a.signer, inviteId: a.inviteId, at: a.at });
  const usedInvites = new Map<string, string>();
  for (const [inviteId, a] of admitted.winners) usedInvites.set(inviteId, a.member.publicKey);

  const issued = new Map<string, Extract<VerifiedRecord, { kind: 'issued' }>>();
  for (const r of inviteRecords) if (r.kind === 'issued' && members.has(r.signer) && !issued.has(r.inviteId)) issued.set(r.inviteId, r);
  const revokedInvites = new Set<string>();
  for (const r of inviteRecords) {
    if (r.kind !== 'revoked') continue;
    const issuer = issued.get(r.inviteId)?.signer;
    if (r.signer === founderKey || (issuer !== undefined && r.signer === issuer)) revokedInvites.add(r.inviteId);
  }
  // An open invite of a removed member admits nobody any more.
  for (const r of inviteRecords) if (r.kind === 'issued' && removed.has(r.signer)) revokedInvites.add(r.inviteId);
  const issuedInvites = new Map<string, IssuedInvite>();
  for (const [inviteId, r] of issued)
    issuedInvites.set(inviteId, { inviteId, issuedBy: r.signer, at: r.at, expiresAt: r.expiresAt, revoked: revokedInvites.has(inviteId), usedBy: usedInvites.get(inviteId) });
  const removedBy = new Map([...removed].map(([key, r]) => [key, { by: r.signer, at: r.at }]));
  return { founderKey, members, admins: new Set([...admins].filter((key) => !removed.has(key))), removed: removedBy, formerMembers, usedInvites, revokedInvites, issuedInvites };
}

/**
 * The records that prove `publicKey` is a member, from the founder down: what
 * a member shows a peer that does not hold the workspace yet (a newcomer).
 * A member admitted by someone removed since (the removal kept the
 * admission) is shown with the admission of the one who admitted them, as
 * they were: without it the chain would break there.
 */
export function chainOf(list: MemberList, records: Iterable<VerifiedRecord>, publicKey: string): MemberRecord[] | null {
  if (!list.members.has(publicKey)) return null;
  const byMember = new Map<string, MemberRecord>();
  for (const r of records) {
    if (r.kind !== 'founded' && r.kind !== 'admitted') continue;
    const listed = list.members.get(r.member.publicKey) ?? list.formerMembers.get(r.member.publicKey);
    if (!listed) continue;
    const matches = r.kind === 'founded' ? listed.admittedBy === null && r.signer === list.founderKey : r.signer === listed.admittedBy && r.inviteId === listed.inviteId && r.at === listed.at;
    if (matches) byMember.set(r.member.publicKey, r);
  }
  const chain: MemberRecord[] = [];
  const seen = new Set<string>();
  const add = (key: string): boolean => {
    if (seen.has(key)) return true;
    seen.add(key);
    const r = byMember.get(key);
    if (!r) return false;
    if (r.kind === 'admitted' && (!add(r.signer) || !add(r.invitedBy))) return false;
    chain.push(r);
    return true;
  };
  return add(publicKey) ? chain : null;
}
