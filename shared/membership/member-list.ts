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
 *     before stays a member (removing someone is its own record, to come).
 */
import type { MemberRecord, MemberRef, VerifiedRecord } from './membership-record';

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
}

type Admission = Extract<VerifiedRecord, { kind: 'admitted' }>;

const earlier = (a: VerifiedRecord, b: VerifiedRecord): boolean => a.at < b.at || (a.at === b.at && a.text < b.text);

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

export function resolveMemberList(records: Iterable<VerifiedRecord>, workspaceId: string, founderKey: string): MemberList {
  let founded: MemberRecord | undefined;
  const admissions: Admission[] = [];
  const inviteRecords: Extract<VerifiedRecord, { kind: 'issued' | 'revoked' }>[] = [];
  for (const record of records) {
    if (record.workspaceId !== workspaceId) continue;
    if (record.kind === 'founded') {
      if (record.signer === founderKey && record.member.publicKey === founderKey && (!founded || earlier(record, founded))) founded = record;
    } else if (record.kind === 'admitted') admissions.push(record);
    else inviteRecords.push(record);
  }
  if (!founded) return { founderKey, members: new Map(), usedInvites: new Map(), revokedInvites: new Set(), issuedInvites: new Map() };

  const eligible = reachable(founderKey, admissions);
  const winners = new Map<string, Admission>();
  for (const a of admissions) {
    if (!eligible.has(a.signer) || !eligible.has(a.invitedBy)) continue;
    const current = winners.get(a.inviteId);
    if (!current || earlier(a, current)) winners.set(a.inviteId, a);
  }
  const counted = admissions.filter((a) => winners.get(a.inviteId)?.member.publicKey === a.member.publicKey);
  const keys = reachable(founderKey, counted);

  const members = new Map<string, ListedMember>();
  members.set(founderKey, { ...founded.member, admittedBy: null, inviteId: null, at: founded.at });
  const firstAdmission = new Map<string, Admission>();
  for (const a of counted) {
    if (!keys.has(a.signer) || !keys.has(a.invitedBy) || a.member.publicKey === founderKey) continue;
    const current = firstAdmission.get(a.member.publicKey);
    if (!current || earlier(a, current)) firstAdmission.set(a.member.publicKey, a);
  }
  for (const [key, a] of firstAdmission) members.set(key, { ...a.member, admittedBy: a.signer, inviteId: a.inviteId, at: a.at });
  const usedInvites = new Map<string, string>();
  for (const [inviteId, a] of winners) if (keys.has(a.signer) && keys.has(a.invitedBy)) usedInvites.set(inviteId, a.member.publicKey);

  const issued = new Map<string, Extract<VerifiedRecord, { kind: 'issued' }>>();
  for (const r of inviteRecords) if (r.kind === 'issued' && keys.has(r.signer) && !issued.has(r.inviteId)) issued.set(r.inviteId, r);
  const revokedInvites = new Set<string>();
  for (const r of inviteRecords) {
    if (r.kind !== 'revoked') continue;
    const issuer = issued.get(r.inviteId)?.signer;
    if (r.signer === founderKey || (issuer !== undefined && r.signer === issuer)) revokedInvites.add(r.inviteId);
  }
  const issuedInvites = new Map<string, IssuedInvite>();
  for (const [inviteId, r] of issued)
    issuedInvites.set(inviteId, { inviteId, issuedBy: r.signer, at: r.at, expiresAt: r.expiresAt, revoked: revokedInvites.has(inviteId), usedBy: usedInvites.get(inviteId) });
  return { founderKey, members, usedInvites, revokedInvites, issuedInvites };
}

/**
 * The records that prove `publicKey` is a member, from the founder down: what
 * a member shows a peer that does not hold the workspace yet (a newcomer).
 */
export function chainOf(list: MemberList, records: Iterable<VerifiedRecord>, publicKey: string): MemberRecord[] | null {
  const byMember = new Map<string, MemberRecord>();
  for (const r of records) {
    if (r.kind !== 'founded' && r.kind !== 'admitted') continue;
    const listed = list.members.get(r.member.publicKey);
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
