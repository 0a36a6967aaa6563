import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { generateBoxKeys } from '../crypto/sealed-box';
import { signMembershipRecord } from './membership-record';
import { WorkspaceMembership } from './workspace-membership';

const WS = 'ws-device-proofs';
let anne: IdentityKeys, bram: IdentityKeys, laptop2: IdentityKeys;

beforeAll(async () => {
  [anne, bram, laptop2] = (await Promise.all([generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys()])) as [IdentityKeys, IdentityKeys, IdentityKeys];
});

const self = (k: IdentityKeys, name: string, memberId = k.memberId) => ({ memberId, publicKeyB64: k.publicKeyB64, privateKey: k.privateKey, displayName: name, organisationName: 'Liander' });
const transcript = () => new Uint8Array([4, 2]);

/** Anne founds; Bram is admitted; Bram's first key grants his second laptop. */
async function workspace(): Promise<{ a: WorkspaceMembership; doc: Y.Doc }> {
  const doc = new Y.Doc();
  const a = new WorkspaceMembership(doc, { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(anne, 'Anne') });
  await a.found();
  const member = { publicKey: bram.publicKeyB64, displayName: 'Bram', organisationName: 'Liander' };
  await a.add(await signMembershipRecord({ v: 1, kind: 'admitted', workspaceId: WS, member, signer: anne.publicKeyB64, inviteId: 'i1', invitedBy: anne.publicKeyB64, at: 2 }, anne.privateKey));
  await a.add(await signMembershipRecord({ v: 1, kind: 'deviceGranted', workspaceId: WS, signer: bram.publicKeyB64, person: bram.publicKeyB64, device: laptop2.publicKeyB64, deviceName: 'Laptop thuis', at: 3 }, bram.privateKey));
  return { a, doc };
}

describe('a second device of a member', () => {
  it('proves itself as its person, to a member and to a newcomer who holds nothing but the founder’s key', async () => {
    const { a, doc } = await workspace();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const second = new WorkspaceMembership(copy, { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(laptop2, 'Bram', bram.memberId) });
    const proof = await second.prove(transcript);
    expect(proof).toMatchObject({ as: 'member' });
    expect(proof.as === 'member' && proof.chain).toHaveLength(3);
    const atAnne = await a.check(proof, transcript);
    expect(atAnne).toMatchObject({ ok: true, peer: { member: { publicKey: bram.publicKeyB64, displayName: 'Bram' }, device: laptop2.publicKeyB64 } });
    const stranger = await generateIdentityKeys();
    const fresh = new WorkspaceMembership(new Y.Doc(), { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(stranger, 'Carla') });
    expect(await fresh.check(proof, transcript)).toMatchObject({ ok: true, peer: { member: { publicKey: bram.publicKeyB64 } } });
  });

  it('its changes stand as its person’s; once removed, they are refused and its connection is no longer admitted', async () => {
    const { a } = await workspace();
    const standing = await a.standingOf(laptop2.publicKeyB64);
    expect(standing).toMatchObject({ kind: 'member', author: { memberId: bram.memberId, publicKey: laptop2.publicKeyB64, organisationName: 'Liander' } });
    const peer = { member: { publicKey: bram.publicKeyB64, displayName: 'Bram', organisationName: 'Liander' }, as: 'member' as const, device: laptop2.publicKeyB64 };
    expect(await a.admits(peer)).toBe(true);
    await a.add(await signMembershipRecord({ v: 1, kind: 'deviceRemoved', workspaceId: WS, signer: bram.publicKeyB64, person: bram.publicKeyB64, device: laptop2.publicKeyB64, keep: [], at: 9 }, bram.privateKey));
    expect(await a.standingOf(laptop2.publicKeyB64)).toEqual({ kind: 'removed' });
    expect(await a.admits(peer)).toBe(false);
    // Bram himself, on his first laptop, is still a member.
    expect(await a.standingOf(bram.publicKeyB64)).toMatchObject({ kind: 'member' });
  });

  it('a rotation is sealed to every device of the remaining members, so the second laptop opens the new key too', async () => {
    const { a, doc } = await workspace();
    const [anneBox, bramBox, laptopBox] = await Promise.all([generateBoxKeys(), generateBoxKeys(), generateBoxKeys()]);
    const carla = await generateIdentityKeys();
    const member = { publicKey: carla.publicKeyB64, displayName: 'Carla', organisationName: 'Coöperatie' };
    await a.add(await signMembershipRecord({ v: 1, kind: 'admitted', workspaceId: WS, member, signer: anne.publicKeyB64, inviteId: 'i2', invitedBy: anne.publicKeyB64, at: 4 }, anne.privateKey));
    const publish = async (k: IdentityKeys, boxKey: string) => a.add(await signMembershipRecord({ v: 1, kind: 'boxKey', workspaceId: WS, signer: k.publicKeyB64, boxKey, at: 5 }, k.privateKey));
    await publish(bram, bramBox.publicKeyB64);
    await publish(laptop2, laptopBox.publicKeyB64);
    const admin = new WorkspaceMembership(doc, { workspaceId: WS, founderKey: anne.publicKeyB64, self: { ...self(anne, 'Anne'), boxKeys: anneBox } });
    await admin.keys.publish();
    const outcome = await admin.remove([carla.publicKeyB64]);
    expect(outcome).toEqual({ generation: 1, unreachable: [] });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const second = new WorkspaceMembership(copy, { workspaceId: WS, founderKey: anne.publicKeyB64, self: { ...self(laptop2, 'Bram', bram.memberId), boxKeys: laptopBox } });
    expect(await second.keys.current()).toEqual(await admin.keys.current());
  });
});
