import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import type { InvitePayload } from '../invite/invite-code';
import { membershipMap } from '../workspace-doc/schema';
import { upsertSelf } from '../workspace-doc/members';
import { AuthSession, type AuthBinding, type Authenticator, type BindingSource, type VerifiedPeer } from './auth-session';
import { decodeAuthMessage, encodeAuthMessage, sdpFingerprint, type RefusalReason } from './peer-auth';
import { WorkspaceMembership } from './workspace-membership';
import { signedInvite } from './workspace-of-four.test-helper';

const WS = 'ws-auth';
const ROOM = 'room-hash';
let anne: IdentityKeys, bram: IdentityKeys, carla: IdentityKeys, mallory: IdentityKeys;

beforeAll(async () => {
  [anne, bram, carla, mallory] = await Promise.all([generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys()]);
});

const self = (k: IdentityKeys, name: string) => ({ memberId: k.memberId, publicKeyB64: k.publicKeyB64, privateKey: k.privateKey, displayName: name, organisationName: `Org ${name}` });

const invite = (from: IdentityKeys, extra: Partial<InvitePayload> = {}) => signedInvite(from, { workspaceId: WS, founderKey: anne.publicKeyB64 }, extra);

interface End {
  readonly verified: VerifiedPeer[];
  readonly failed: { reason: RefusalReason; byThem: boolean }[];
  session?: AuthSession;
}

/** Connects two authenticators over an in-memory link, as two ends of one connection with the given fingerprints. */
async function connect(
  a: Authenticator,
  b: Authenticator,
  fingerprints = { a: 'sha-256 aa', b: 'sha-256 bb' },
  seenByA = fingerprints.b,
  bindingAtA: (known: AuthBinding) => BindingSource = (known) => known,
): Promise<[End, End]> {
  const ends: [End, End] = [
    { verified: [], failed: [] },
    { verified: [], failed: [] },
  ];
  const inbox: [Uint8Array[], Uint8Array[]] = [[], []];
  let closed = false;
  const link = (to: 0 | 1) => ({ send: (bytes: Uint8Array) => void (closed || inbox[to].push(bytes)), close: () => void (closed = true) });
  const events = (end: End) => ({ verified: (peer: VerifiedPeer) => end.verified.push(peer), failed: (reason: RefusalReason, byThem: boolean) => end.failed.push({ reason, byThem }) });
  ends[0].session = new AuthSession(link(1), a, bindingAtA({ room: ROOM, localFingerprint: fingerprints.a, remoteFingerprint: seenByA }), events(ends[0]));
  ends[1].session = new AuthSession(link(0), b, { room: ROOM, localFingerprint: fingerprints.b, remoteFingerprint: fingerprints.a }, events(ends[1]));
  for (let round = 0; round < 50; round++) {
    for (const i of [0, 1] as const) for (const bytes of inbox[i].splice(0)) ends[i].session?.receive(bytes);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return ends;
}

async function founderOf(doc: Y.Doc) {
  const membership = new WorkspaceMembership(doc, { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(anne, 'Anne') });
  await membership.found();
  return membership;
}

describe('proving membership on a connection', () => {
  it('a newcomer with a good invite is admitted, gets its record, and later proves itself to a third as a member', async () => {
    const docA = new Y.Doc();
    const a = await founderOf(docA);
    const docB = new Y.Doc();
    const b = new WorkspaceMembership(docB, { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(bram, 'Bram'), inviteCode: await invite(anne) });
    const [atA, atB] = await connect(a, b);
    expect(atA.verified).toEqual([{ member: expect.objectContaining({ publicKey: bram.publicKeyB64, displayName: 'Bram' }), as: 'newcomer' }]);
    expect(atB.verified).toEqual([{ member: expect.objectContaining({ publicKey: anne.publicKeyB64 }), as: 'member' }]);
    expect((await b.list()).members.has(bram.publicKeyB64)).toBe(true);

    // Carla joins with an invite from Bram and meets only Bram: Bram's chain proves him to her.
    const c = new WorkspaceMembership(new Y.Doc(), { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(carla, 'Carla'), inviteCode: await invite(bram) });
    const [atB2, atC] = await connect(b, c);
    expect(atB2.verified[0]?.as).toBe('newcomer');
    expect(atC.verified[0]?.member.publicKey).toBe(bram.publicKeyB64);
    expect((await c.list()).members.size).toBe(3);
  });

  it('waits for a binding that is known only after the first messages; refuses when it never is', async () => {
    const a = await founderOf(new Y.Doc());
    const member = async (keys: IdentityKeys) => new WorkspaceMembership(new Y.Doc(), { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(keys, 'Bram'), inviteCode: await invite(anne) });
    const later = (known: AuthBinding) => () => new Promise<AuthBinding>((resolve) => setTimeout(() => resolve(known), 50));
    const [atA, atB] = await connect(a, await member(bram), undefined, undefined, later);
    expect(atA.verified).toHaveLength(1);
    expect(atB.verified).toHaveLength(1);
    const [atA2, atC] = await connect(a, await member(carla), undefined, undefined, () => () => Promise.resolve(undefined));
    expect(atA2.failed).toEqual([{ reason: 'badProof', byThem: false }]);
    expect(atC.failed).toEqual([{ reason: 'badProof', byThem: true }]);
  });

  it('refuses a used, expired, foreign or forged invite, and a key holder without one', async () => {
    const a = await founderOf(new Y.Doc());
    const code = await invite(anne);
    const first = new WorkspaceMembership(new Y.Doc(), { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(bram, 'Bram'), inviteCode: code });
    expect((await connect(a, first))[0].verified).toHaveLength(1);
    await a.revoke('taken-back');
    const cases: [string, IdentityKeys, string | undefined, RefusalReason][] = [
      ['revoked', mallory, await invite(anne, { inviteId: 'taken-back' }), 'inviteRevoked'],
      ['copied invite', mallory, code, 'inviteUsed'],
      ['expired', mallory, await invite(anne, { expiresAt: Date.now() - 1 }), 'inviteExpired'],
      ['other workspace', mallory, await invite(anne, { workspaceId: 'elsewhere' }), 'otherWorkspace'],
      ['issued by a non-member', mallory, await invite(mallory), 'inviteInvalid'],
      ['no invite', mallory, undefined, 'notMember'],
    ];
    for (const [, keys, inviteCode, reason] of cases) {
      const m = new WorkspaceMembership(new Y.Doc(), { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(keys, 'Mallory'), ...(inviteCode ? { inviteCode } : {}) });
      const [atA, atM] = await connect(a, m);
      expect(atA.verified).toEqual([]);
      expect(atA.failed).toEqual([{ reason, byThem: false }]);
      expect(atM.failed).toEqual([{ reason, byThem: true }]);
    }
  });

  it('an open (pre-membership) peer and a proof for another connection are refused', async () => {
    const docA = new Y.Doc();
    const a = await founderOf(docA);
    const b = new WorkspaceMembership(new Y.Doc(), { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(bram, 'Bram'), inviteCode: await invite(anne) });
    await connect(a, b);
    const open = new WorkspaceMembership(new Y.Doc(), { workspaceId: WS, founderKey: null, self: self(mallory, 'Mallory') });
    expect((await connect(a, open))[0].failed[0]?.reason).toBe('notMember');
    // A sees B's end as another certificate than B signed for (a relay in between): refused.
    const [atA] = await connect(a, b, { a: 'sha-256 aa', b: 'sha-256 bb' }, 'sha-256 cc');
    expect(atA.failed[0]?.reason).toBe('badProof');
  });

  it('garbage in the membership root and on the wire is refused, not thrown', async () => {
    const doc = new Y.Doc();
    membershipMap(doc).set('x', 42);
    membershipMap(doc).set('y', 'SKM1.bad.record');
    const a = await founderOf(doc);
    expect((await a.list()).members.size).toBe(1);
    expect(() => decodeAuthMessage(new Uint8Array([75, 1, 9]))).toThrow(/malformed/);
    expect(() => decodeAuthMessage(new Uint8Array([75, 2, 1]))).toThrow(/otherVersion/);
    expect(decodeAuthMessage(encodeAuthMessage({ kind: 'refused', reason: 'timeout' }))).toEqual({ kind: 'refused', reason: 'timeout' });
  });

  it('reads the DTLS fingerprint from an SDP', () => {
    expect(sdpFingerprint('v=0\r\na=fingerprint:sha-256 AB:CD:EF\r\na=setup:actpass\r\n')).toBe('sha-256 ab:cd:ef');
    expect(sdpFingerprint('v=0\r\n')).toBeNull();
  });
});

describe('upgrading a workspace from before proven membership', () => {
  async function legacyDocs() {
    const docA = new Y.Doc();
    upsertSelf(docA, { memberId: anne.memberId, displayName: 'Anne', organisationName: 'Gemeente', role: '', publicKey: anne.publicKeyB64, joinedAt: 1 });
    upsertSelf(docA, { memberId: bram.memberId, displayName: 'Bram', organisationName: 'Liander', role: '', publicKey: bram.publicKeyB64, joinedAt: 2, invitedBy: anne.memberId });
    // An entry that claims Carla's id with Mallory's key is not signed in.
    upsertSelf(docA, { memberId: carla.memberId, displayName: 'Carla', organisationName: 'Coöp', role: '', publicKey: mallory.publicKeyB64, joinedAt: 3, invitedBy: anne.memberId });
    const docB = new Y.Doc();
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    return { docA, docB };
  }

  it('the founder signs in the members already there; a member adopts the founder from the first proof it sees, then both are proven', async () => {
    const { docA, docB } = await legacyDocs();
    const adopted: string[] = [];
    const a = new WorkspaceMembership(docA, { workspaceId: WS, founderKey: null, self: self(anne, 'Anne'), onFounderAdopted: (key) => adopted.push(`a:${key}`) });
    const b = new WorkspaceMembership(docB, { workspaceId: WS, founderKey: null, self: self(bram, 'Bram'), onFounderAdopted: (key) => adopted.push(`b:${key}`) });
    expect(await b.upgradeAsFounder()).toBe(false);
    expect(await a.upgradeAsFounder()).toBe(true);
    expect([...(await a.list()).members.keys()].sort()).toEqual([anne.publicKeyB64, bram.publicKeyB64].sort());

    // First meeting: B still speaks as an open workspace and is refused, but learns the founder from A's proof.
    const [first] = await connect(a, b);
    expect(first.failed[0]?.reason).toBe('notMember');
    expect(adopted).toEqual([`a:${anne.publicKeyB64}`, `b:${anne.publicKeyB64}`]);
    const [atA, atB] = await connect(a, b);
    expect(atA.verified[0]).toMatchObject({ as: 'member', member: { publicKey: bram.publicKeyB64 } });
    expect(atB.verified[0]).toMatchObject({ as: 'member', member: { publicKey: anne.publicKeyB64 } });
  });

  it('a device does not adopt a founder who is not the root of its own invite line', async () => {
    const { docB } = await legacyDocs();
    const docM = new Y.Doc();
    upsertSelf(docM, { memberId: mallory.memberId, displayName: 'Mallory', organisationName: 'X', role: '', publicKey: mallory.publicKeyB64, joinedAt: 1 });
    const m = new WorkspaceMembership(docM, { workspaceId: WS, founderKey: null, self: self(mallory, 'Mallory') });
    expect(await m.upgradeAsFounder()).toBe(true);
    const adopted: string[] = [];
    const b = new WorkspaceMembership(docB, { workspaceId: WS, founderKey: null, self: self(bram, 'Bram'), onFounderAdopted: (key) => adopted.push(key) });
    const [, atB] = await connect(m, b);
    expect(atB.failed[0]?.reason).toBe('notMember');
    expect(adopted).toEqual([]);
    expect(b.open).toBe(true);
  });
});

describe('removing a member', () => {
  it('a removed member is refused with that reason; only an administrator removes, never the last one', async () => {
    const docA = new Y.Doc();
    const a = await founderOf(docA);
    const docB = new Y.Doc();
    const b = new WorkspaceMembership(docB, { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(bram, 'Bram'), inviteCode: await invite(anne) });
    expect((await connect(a, b))[0].verified).toHaveLength(1);
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    await expect(b.remove([anne.publicKeyB64])).rejects.toMatchObject({ problem: 'notAdmin' });
    await expect(a.remove([anne.publicKeyB64])).rejects.toMatchObject({ problem: 'lastAdmin' });
    expect(await a.admits({ member: { publicKey: bram.publicKeyB64, displayName: 'Bram', organisationName: 'Org Bram' }, as: 'member' })).toBe(true);
    await a.remove([bram.publicKeyB64]);
    expect(await a.admits({ member: { publicKey: bram.publicKeyB64, displayName: 'Bram', organisationName: 'Org Bram' }, as: 'member' })).toBe(false);
    const [atA, atB] = await connect(a, b);
    expect(atA.failed[0]?.reason).toBe('removed');
    // Showing the invite again (its own list no longer proves it) does not bring it back.
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    expect((await connect(a, b))[0].failed[0]?.reason).toBe('removed');
    expect(atB.failed[0]).toEqual({ reason: 'removed', byThem: true });
    await expect(a.remove([bram.publicKeyB64])).rejects.toMatchObject({ problem: 'notMember' });
  });
});
