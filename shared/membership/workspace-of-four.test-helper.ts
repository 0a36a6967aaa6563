/** A proven workspace of four people for membership and key tests: real Ed25519 and X25519 keys, documents synced by hand. */
import { expect } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { generateBoxKeys, type BoxKeys } from '../crypto/sealed-box';
import { encodeInvite, type InvitePayload } from '../invite/invite-code';
import { AuthSession, type Authenticator, type AuthEvents, type AuthLink, type VerifiedPeer } from './auth-session';
import { signMembershipRecord } from './membership-record';
import type { RefusalReason } from './peer-auth';
import { startLobbySession, type LobbyAuthenticator } from './rotation-lobby';
import { WorkspaceMembership, type MembershipSelf } from './workspace-membership';

export const WS = 'ws-rotation';

export interface Person {
  readonly keys: IdentityKeys;
  readonly box: BoxKeys;
  readonly name: string;
}

/** Anne, Bram, Carla and Dirk, each with a signing and an encryption key pair. */
export async function makePeople(): Promise<[Person, Person, Person, Person]> {
  const person = async (name: string): Promise<Person> => ({ keys: await generateIdentityKeys(), box: await generateBoxKeys(), name });
  return (await Promise.all(['Anne', 'Bram', 'Carla', 'Dirk'].map(person))) as [Person, Person, Person, Person];
}

export const memberSelf = (p: Person): MembershipSelf => ({
  memberId: p.keys.memberId,
  publicKeyB64: p.keys.publicKeyB64,
  privateKey: p.keys.privateKey,
  displayName: p.name,
  organisationName: `Org ${p.name}`,
  boxKeys: p.box,
});

/** An invite code signed by `from`, for `workspaceId` under `founderKey`; `extra` overrides any field. */
export function signedInvite(from: IdentityKeys, workspace: { readonly workspaceId: string; readonly founderKey: string }, extra: Partial<InvitePayload> = {}): Promise<string> {
  return encodeInvite(
    {
      v: 1,
      inviteId: crypto.randomUUID(),
      workspaceId: workspace.workspaceId,
      regionId: 'achterhoek',
      workspaceName: 'RES',
      key: 'k'.repeat(43),
      hubs: [],
      inviter: { memberId: from.memberId, displayName: 'Inviter', organisationName: 'Org', publicKey: from.publicKeyB64 },
      createdAt: 1,
      founderKey: workspace.founderKey,
      ...extra,
    },
    from.privateKey,
  );
}

/** Every document gets everything every other one has. */
export function sync(...docs: Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
}

/** The first person founds; the others are admitted by them; everyone's device has published its encryption key. */
export async function startWorkspaceOfFour(people: readonly [Person, Person, Person, Person]): Promise<{ docs: Y.Doc[]; members: WorkspaceMembership[] }> {
  const [founder] = people;
  const docs = people.map(() => new Y.Doc());
  const members = people.map((p, i) => new WorkspaceMembership(docs[i] as Y.Doc, { workspaceId: WS, founderKey: founder.keys.publicKeyB64, self: memberSelf(p) }));
  const a = members[0] as WorkspaceMembership;
  await a.found();
  for (const p of people.slice(1)) {
    const member = { publicKey: p.keys.publicKeyB64, displayName: p.name, organisationName: `Org ${p.name}` };
    await a.add(await signMembershipRecord({ v: 1, kind: 'admitted', workspaceId: WS, member, signer: founder.keys.publicKeyB64, inviteId: `inv-${p.name}`, invitedBy: founder.keys.publicKeyB64, at: 2 }, founder.keys.privateKey));
  }
  sync(...docs);
  for (const m of members) {
    await m.list();
    expect(await m.keys.publish()).toBe(true);
    expect(await m.keys.publish()).toBe(false);
  }
  sync(...docs);
  return { docs, members };
}

/** Two ends over an in-memory link; the second end is a lobby. */
export async function connectToLobby(member: Authenticator, lobby: LobbyAuthenticator): Promise<{ atMember: VerifiedPeer[]; failedAtMember: RefusalReason[]; closed: () => boolean }> {
  const inbox: [Uint8Array[], Uint8Array[]] = [[], []];
  let closed = false;
  const link = (to: 0 | 1): AuthLink => ({ send: (bytes) => void (closed || inbox[to].push(bytes)), close: () => void (closed = true) });
  const atMember: VerifiedPeer[] = [];
  const failedAtMember: RefusalReason[] = [];
  const memberEvents: AuthEvents = { verified: (peer) => atMember.push(peer), failed: (reason) => failedAtMember.push(reason) };
  const ends = [
    new AuthSession(link(1), member, { room: 'old-room', localFingerprint: 'sha-256 aa', remoteFingerprint: 'sha-256 bb' }, memberEvents),
    startLobbySession(link(0), lobby, { room: 'old-room', localFingerprint: 'sha-256 bb', remoteFingerprint: 'sha-256 aa' }, { verified: () => {}, failed: () => {} }),
  ];
  for (let round = 0; round < 40; round++) {
    for (const i of [0, 1] as const) for (const bytes of inbox[i].splice(0)) ends[i]?.receive(bytes);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { atMember, failedAtMember, closed: () => closed };
}
