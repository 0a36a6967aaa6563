/**
 * This device's side of proven membership for one workspace: it reads the
 * signed membership records from the workspace document (root `membership`,
 * record id → record text, add-only), checks each signature once, and
 * answers the connection protocol (auth-session.ts): it proves this member,
 * checks the other end, and admits a newcomer whose invite is good.
 *
 * Trust starts at the founder's key, which the device knows from how it got
 * the workspace: it made it (then it is the founder), or the invite it joined
 * with names it. A workspace from before proven membership has no founder on
 * this device: until it is upgraded (legacy-upgrade.ts) it stays open, as it
 * was (every holder of the key is let in and shown as not proven).
 *
 * A newcomer is admitted by whichever member it first connects to, if:
 * the invite's signature holds, its issuer is a member, it is for this
 * workspace, it has not expired, and no one else was admitted with it. The
 * admission is signed by that member and added to the document, and the
 * newcomer gets it to show from then on (member-list.ts says which admission
 * counts when one invite was used twice at once).
 */
import type * as Y from 'yjs';
import { fromBase64Url, toBase64Url } from '../crypto/base64url';
import { memberIdFromPublicKey, sign, verifyWithPublicKeyText } from '../crypto/identity-keys';
import { decodeInvite } from '../invite/invite-code';
import { membershipMap } from '../workspace-doc/schema';
import type { AuthorStanding } from '../sync/signed-changes/signed-change-log';
import type { Authenticator, CheckResult, VerifiedPeer } from './auth-session';
import { chainOf, type MemberList } from './member-list';
import { grantChain, personOf } from './devices';
import { chainWithGrants, resolveRoster, type Roster } from './roster';
import { recordId, signMembershipRecord, verifyMembershipRecord, type MemberRef, type VerifiedRecord } from './membership-record';
import type { Proof } from './peer-auth';
import { inviteRoot, isLegacyFounder, legacyMembers } from './legacy-upgrade';
import type { BoxKeys } from '../crypto/sealed-box';
import { WorkspaceKeys, type RemovalOutcome } from './workspace-keys';
import { currentRotation } from './key-rotation';
import { StroomkringError } from '../errors/stroomkring-error';

/** The member list and devices some records give from one trusted founder (roster.ts). */
interface Resolution extends Roster {
  readonly records: readonly VerifiedRecord[];
  readonly founderKey: string | null;
}

/** What is wrong with a membership action the user asked for, for the UI to word. */
export class MembershipActionError extends StroomkringError {
  override readonly name = 'MembershipActionError';
  constructor(
    readonly problem: 'notAdmin' | 'lastAdmin' | 'notMember',
    detail: string,
  ) {
    super(`Membership action refused (${problem}): ${detail}`);
  }
}

export interface MembershipSelf {
  readonly memberId: string;
  readonly publicKeyB64: string;
  readonly privateKey: CryptoKey;
  readonly displayName: string;
  readonly organisationName: string;
  /** The member's encryption key pair, to publish and to open rotated keys with (key-rotation.ts). */
  readonly boxKeys?: BoxKeys;
}

export interface MembershipOptions {
  readonly workspaceId: string;
  /** Null: a workspace from before proven membership (open). */
  readonly founderKey: string | null;
  readonly self: MembershipSelf;
  /** The invite this device joined with, shown until a member admitted it. */
  readonly inviteCode?: string;
  readonly now?: () => number;
  /** This device now trusts this founder (an upgraded workspace from before proven membership): store it. */
  readonly onFounderAdopted?: (founderKey: string) => void;
}

export class WorkspaceMembership implements Authenticator {
  private readonly map: Y.Map<unknown>;
  /** Record text → checked record; texts that failed the check are remembered too, so they are checked once. */
  private readonly checked = new Map<string, VerifiedRecord | null>();
  private pending: Promise<void> = Promise.resolve();
  /** Invites being admitted right now, so two connections of one newcomer do not both sign. */
  private readonly admitting = new Set<string>();
  private readonly now: () => number;
  private readonly onMapChange = () => this.checkNew();
  private readonly listeners = new Set<() => void>();
  private founderKey: string | null;
  private readonly memberIds = new Map<string, string>();
  /** The member's encryption key and the workspace key's rotations (workspace-keys.ts). */
  readonly keys: WorkspaceKeys;

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: MembershipOptions,
  ) {
    this.founderKey = options.founderKey;
    this.map = membershipMap(doc);
    this.keys = new WorkspaceKeys(
      { roster: () => this.roster(), add: (record) => this.add(record), isOpen: () => this.open, requireAdmin: (roster) => this.requireAdmin(roster), now: () => this.now() },
      options.workspaceId,
      options.self,
    );
    this.now = options.now ?? Date.now;
    this.map.observe(this.onMapChange);
    this.checkNew();
  }

  get open(): boolean {
    return this.founderKey === null;
  }

  destroy(): void {
    this.map.unobserve(this.onMapChange);
    this.listeners.clear();
  }

  /** Calls `listener` when the member list may have changed. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private checkNew(): void {
    const texts = [...this.map.values()].filter((v): v is string => typeof v === 'string' && !this.checked.has(v));
    if (texts.length === 0) return;
    for (const text of texts) this.checked.set(text, null);
    this.pending = this.pending.then(async () => {
      for (const text of texts) this.checked.set(text, await verifyMembershipRecord(text).catch(() => null));
      for (const listener of this.listeners) listener();
    });
  }

  /** The last resolution of the records: see roster(). */
  private resolution: Resolution | undefined;

  private async records(): Promise<VerifiedRecord[]> {
    await this.pending;
    return [...this.checked.values()].filter((r): r is VerifiedRecord => r !== null);
  }

  /**
   * The records, the member list and every person's devices they give
   * (roster.ts), resolved again only when they or the trusted founder
   * changed: every received change asks for its signer's standing, and
   * resolving takes a few hundred microseconds at 30 members.
   */
  async roster(): Promise<Resolution> {
    const records = await this.records();
    const last = this.resolution;
    if (last && last.founderKey === this.founderKey && last.records.length === records.length && last.records.every((r, i) => r === records[i])) return last;
    this.resolution = { records, founderKey: this.founderKey, ...this.resolve(records) };
    return this.resolution;
  }

  async list(): Promise<MemberList> {
    return (await this.roster()).list;
  }

  /** The member list and devices these records give, from the founder this device trusts. */
  private resolve(records: readonly VerifiedRecord[]): Roster {
    return resolveRoster(records, this.options.workspaceId, this.founderKey ?? '');
  }

  /** Adds a checked record to the document (idempotent: keyed by its hash). */
  async add(record: VerifiedRecord): Promise<void> {
    const id = recordId(record.text);
    if (this.map.get(id) !== record.text) this.map.set(id, record.text);
  }

  /**
   * A workspace from before proven membership, on the device that made it:
   * become its founder and sign in the members already there
   * (legacy-upgrade.ts). False when this device did not make it.
   */
  async upgradeAsFounder(): Promise<boolean> {
    const { self, workspaceId } = this.options;
    if (!this.open || !isLegacyFounder(this.doc, self.memberId)) return false;
    this.founderKey = self.publicKeyB64;
    await this.found();
    for (const member of await legacyMembers(this.doc, self.memberId)) {
      const { publicKey, displayName, organisationName } = member;
      const payload = { v: 1, kind: 'admitted', workspaceId, member: { publicKey, displayName, organisationName }, signer: self.publicKeyB64, inviteId: `legacy:${member.memberId}`, invitedBy: self.publicKeyB64, at: this.now() } as const;
      await this.add(await signMembershipRecord(payload, self.privateKey));
    }
    this.options.onFounderAdopted?.(self.publicKeyB64);
    return true;
  }

  /** Writes the founder's own record; called once when this device makes the workspace. */
  async found(): Promise<void> {
    const { self, workspaceId } = this.options;
    await this.add(await signMembershipRecord({ v: 1, kind: 'founded', workspaceId, member: this.selfRef(), signer: self.publicKeyB64, at: this.now() }, self.privateKey));
  }

  /** Records an invite this member made (its id and expiry only: the code holds the key). */
  async issue(inviteId: string, expiresAt: number): Promise<void> {
    const { self, workspaceId } = this.options;
    await this.add(await signMembershipRecord({ v: 1, kind: 'issued', workspaceId, signer: self.publicKeyB64, inviteId, expiresAt, at: this.now() }, self.privateKey));
  }

  /** Takes an invite back: no member admits anyone with it any more (member-list.ts says whose revocation counts). */
  async revoke(inviteId: string): Promise<void> {
    const { self, workspaceId } = this.options;
    await this.add(await signMembershipRecord({ v: 1, kind: 'revoked', workspaceId, signer: self.publicKeyB64, inviteId, at: this.now() }, self.privateKey));
  }

  /** The grants that make this device its person's (empty on their first key), for what it signs outside the workspace's records: stances. */
  async ownGrantChain(): Promise<string[]> {
    const { devices, records } = await this.roster();
    return (grantChain(devices, records, this.options.self.publicKeyB64) ?? []).map((r) => r.text);
  }

  get selfKey(): string {
    return this.options.self.publicKeyB64;
  }

  private selfRef(): MemberRef {
    const { publicKeyB64, displayName, organisationName } = this.options.self;
    return { publicKey: publicKeyB64, displayName, organisationName };
  }

  private async signatureHolds(publicKey: string, signature: string, message: Uint8Array): Promise<boolean> {
    let bytes: Uint8Array;
    try {
      bytes = fromBase64Url(signature);
    } catch {
      return false;
    }
    return verifyWithPublicKeyText(publicKey, bytes, message);
  }

  private async signTranscript(message: Uint8Array): Promise<string> {
    return toBase64Url(await sign(this.options.self.privateKey, message));
  }


  async prove(transcriptFor: (member: MemberRef) => Uint8Array): Promise<Proof> {
    const member = this.selfRef();
    if (this.open) return { as: 'open', member };
    const signature = await this.signTranscript(transcriptFor(member));
    const roster = await this.roster();
    const { records, list } = roster;
    const chain = chainWithGrants(roster, records, member.publicKey);
    if (chain) return { as: 'member', member, signature, chain: chain.map((r) => r.text) };
    // The invite only while not listed yet: a member's own invite is used up (and made before a rotation, invalid), so it would be refused.
    if (this.options.inviteCode && !list.members.has(member.publicKey)) return { as: 'newcomer', member, signature, invite: this.options.inviteCode };
    // A restored or linked device that holds no chain yet shows its own grants: a member who holds the rest sees whose device it is.
    return { as: 'member', member, signature, chain: records.filter((r) => r.kind === 'deviceGranted' && r.device === member.publicKey).map((r) => r.text) };
  }

  async check(proof: Proof, transcriptFor: (member: MemberRef) => Uint8Array): Promise<CheckResult> {
    // A peer still open (from before proven membership) adopts the founder from this device's proof on this very connection: its next one will prove it.
    if (proof.as === 'open') return this.open ? { ok: true, peer: { member: proof.member, as: 'open' } } : { ok: false, reason: 'notMember', soon: true };
    if (this.open && proof.as !== 'member') return { ok: false, reason: 'notMember' };
    if (!(await this.signatureHolds(proof.member.publicKey, proof.signature, transcriptFor(proof.member)))) return { ok: false, reason: 'badProof' };
    if (proof.as === 'member') {
      const own = (await this.roster()).records;
      const shown: VerifiedRecord[] = [];
      for (const text of proof.chain) {
        const record = await verifyMembershipRecord(text).catch(() => null);
        if (!record) return { ok: false, reason: 'badProof' };
        shown.push(record);
      }
      if (this.open && !(await this.adoptFounderFrom(shown))) return { ok: false, reason: 'notMember' };
      const { list: resolved, devices } = this.resolve([...own, ...shown]);
      const key = proof.member.publicKey;
      const person = personOf(devices, key) ?? key;
      const listed = resolved.members.get(person);
      if (!listed) return { ok: false, reason: resolved.removed.has(key) || devices.removed.has(key) ? 'removed' : 'notMember' };
      // Records a newcomer learns this way are the workspace's too; the sync would bring them anyway.
      for (const record of shown) await this.add(record);
      const member = { publicKey: listed.publicKey, displayName: listed.displayName, organisationName: listed.organisationName };
      return { ok: true, peer: { member, as: 'member', ...(person !== key ? { device: key } : {}) } };
    }
    return this.admit(proof);
  }

  /** See legacy-upgrade.ts: adopt the chain's founder when it is the root of this device's own invite line. */
  private async adoptFounderFrom(chain: readonly VerifiedRecord[]): Promise<boolean> {
    const founded = chain.find((r) => r.kind === 'founded' && r.signer === r.member.publicKey && r.workspaceId === this.options.workspaceId);
    if (!founded) return false;
    const root = inviteRoot(this.doc, this.options.self.memberId);
    if (root === null || (await memberIdFromPublicKey(fromBase64Url(founded.signer))) !== root) return false;
    this.founderKey = founded.signer;
    this.options.onFounderAdopted?.(founded.signer);
    return true;
  }

  private async admit(proof: Extract<Proof, { as: 'newcomer' }>): Promise<CheckResult> {
    const { workspaceId, self } = this.options;
    const roster = await this.roster();
    const { list, devices, records: own } = roster;
    const actsAsMember = (key: string) => list.members.has(personOf(devices, key) ?? key);
    if (!actsAsMember(self.publicKeyB64)) return { ok: false, reason: 'noMemberHere' };
    const invite = await decodeInvite(proof.invite).catch(() => null);
    if (!invite || !actsAsMember(invite.inviter.publicKey)) return { ok: false, reason: 'inviteInvalid' };
    if (invite.workspaceId !== workspaceId) return { ok: false, reason: 'otherWorkspace' };
    const used = list.usedInvites.get(invite.inviteId);
    const newcomer = proof.member.publicKey;
    if (list.removed.has(newcomer)) return { ok: false, reason: 'removed' };
    if (used === newcomer) {
      const admission = chainOf(list, roster.acting, newcomer)?.at(-1)?.text;
      return { ok: true, peer: { member: proof.member, as: 'member' }, ...(admission ? { admission } : {}) };
    }
    if (used !== undefined || this.admitting.has(invite.inviteId)) return { ok: false, reason: 'inviteUsed' };
    if (list.revokedInvites.has(invite.inviteId)) return { ok: false, reason: 'inviteRevoked' };
    if (invite.expiresAt !== undefined && this.now() > invite.expiresAt) return { ok: false, reason: 'inviteExpired' };
    // An invite from before the last key rotation carries a key the removed member also knew (key-rotation.ts): it admits nobody.
    const rotatedAt = currentRotation(own, roster.adminKeys, workspaceId)?.at;
    if (rotatedAt !== undefined && invite.createdAt <= rotatedAt) return { ok: false, reason: 'inviteRevoked' };
    this.admitting.add(invite.inviteId);
    try {
      const record = await signMembershipRecord(
        { v: 1, kind: 'admitted', workspaceId, member: proof.member, signer: self.publicKeyB64, inviteId: invite.inviteId, invitedBy: invite.inviter.publicKey, at: this.now() },
        self.privateKey,
      );
      await this.add(record);
      return { ok: true, peer: { member: proof.member, as: 'newcomer' }, admission: record.text };
    } finally {
      this.admitting.delete(invite.inviteId);
    }
  }

  async admits(peer: VerifiedPeer): Promise<boolean> {
    if (peer.as === 'open') return this.open;
    const { list, devices } = await this.roster();
    return list.members.has(peer.member.publicKey) && (peer.device === undefined || personOf(devices, peer.device) === peer.member.publicKey);
  }

  /**
   * Where the signer of a change stands (signed-change-log.ts). The founder
   * is the root of trust: a member before their own `founded` record has
   * arrived, and taken as open until it says their organisation.
   */
  async standingOf(publicKey: string): Promise<AuthorStanding> {
    if (this.open) return { kind: 'open' };
    const { list, devices } = await this.roster();
    if (list.removed.has(publicKey) || devices.removed.has(publicKey)) return { kind: 'removed' };
    // A person's other device acts as that person (devices.ts); the change stays signed by the device.
    const person = list.members.has(publicKey) ? publicKey : personOf(devices, publicKey);
    const listed = person === undefined ? undefined : list.members.get(person);
    if (!listed || person === undefined) return publicKey === this.founderKey ? { kind: 'open' } : { kind: 'unknown' };
    const memberId = await this.memberIdOf(person);
    return { kind: 'member', author: { memberId, publicKey, organisationName: listed.organisationName, isAdmin: list.admins.has(person) } };
  }

  async memberNamed(publicKey: string): Promise<MemberRef | undefined> {
    const listed = (await this.list()).members.get(publicKey);
    return listed && { publicKey: listed.publicKey, displayName: listed.displayName, organisationName: listed.organisationName };
  }

  /** The founder this device trusts, whose baseline is taken as the workspace was; null while open. */
  trustedFounderKey(): string | null {
    return this.founderKey;
  }

  /** Signs this device's changes with the member's key. */
  get signer(): { readonly publicKeyB64: string; sign(message: Uint8Array): Promise<Uint8Array> } {
    const { publicKeyB64, privateKey } = this.options.self;
    return { publicKeyB64, sign: (message) => sign(privateKey, message) };
  }

  async removedMemberIds(): Promise<ReadonlySet<string>> {
    const removed = (await this.list()).removed;
    return new Set(await Promise.all([...removed.keys()].map((key) => this.memberIdOf(key))));
  }

  /** The member id (as documents and presence carry it) of a member key; remembered, since it costs a hash. */
  async memberIdOf(publicKey: string): Promise<string> {
    let memberId = this.memberIds.get(publicKey);
    if (memberId === undefined) {
      memberId = await memberIdFromPublicKey(fromBase64Url(publicKey));
      this.memberIds.set(publicKey, memberId);
    }
    return memberId;
  }

  /** Makes a member an administrator too; only an administrator may. */
  async grantAdmin(subject: string): Promise<void> {
    const roster = await this.roster();
    const { list } = roster;
    this.requireAdmin(roster);
    if (!list.members.has(subject)) throw new MembershipActionError('notMember', 'only a member can be made an administrator');
    const { self, workspaceId } = this.options;
    await this.add(await signMembershipRecord({ v: 1, kind: 'adminGranted', workspaceId, signer: self.publicKeyB64, subject, at: this.now() }, self.privateKey));
  }

  /**
   * Removes members (one person, or every member of an organisation); only an
   * administrator may, and never the last one. Whom they admitted stays: the
   * removal lists those admissions (member-list.ts). Then the workspace gets
   * a new key that only the remaining members can open (WorkspaceKeys.rotate).
   */
  async remove(subjects: readonly string[]): Promise<RemovalOutcome> {
    const roster = await this.roster();
    const { acting, list } = roster;
    this.requireAdmin(roster);
    for (const subject of subjects) if (!list.members.has(subject)) throw new MembershipActionError('notMember', 'not a member (or removed already)');
    if (![...list.admins].some((key) => !subjects.includes(key))) throw new MembershipActionError('lastAdmin', 'the workspace would have no administrator left');
    const { self, workspaceId } = this.options;
    const cause: string[] = [];
    for (const subject of subjects) {
      // Admissions by the subject's devices too: `acting` reads them as the subject's.
      const keep = acting.filter((r) => r.kind === 'admitted' && r.signer === subject && list.members.has(r.member.publicKey)).map((r) => recordId(r.text));
      const removal = await signMembershipRecord({ v: 1, kind: 'removed', workspaceId, signer: self.publicKeyB64, subject, keep, at: this.now() }, self.privateKey);
      await this.add(removal);
      cause.push(recordId(removal.text));
    }
    return this.keys.rotate(cause);
  }

  /** What a member who was away needs from a lobby (key-rotation.ts). */
  rotationRecords(): Promise<string[]> {
    return this.keys.rotationRecords();
  }

  acceptRotation(texts: readonly string[], from: VerifiedPeer): Promise<void> {
    return this.keys.acceptRotation(texts, from);
  }

  private requireAdmin(roster: Roster): void {
    if (!roster.adminKeys.has(this.options.self.publicKeyB64)) throw new MembershipActionError('notAdmin', 'only an administrator may do this');
  }

  async accept(text: string, admittedBy: VerifiedPeer): Promise<void> {
    const record = await verifyMembershipRecord(text).catch(() => null);
    if (!record || record.kind !== 'admitted' || record.member.publicKey !== this.options.self.publicKeyB64 || record.signer !== (admittedBy.device ?? admittedBy.member.publicKey)) return;
    await this.add(record);
  }
}
