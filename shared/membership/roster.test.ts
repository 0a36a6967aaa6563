import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { signMembershipRecord, verifyMembershipRecord, type VerifiedRecord } from './membership-record';
import { chainWithGrants, resolveRoster } from './roster';
import { signedInvite } from './workspace-of-four.test-helper';
import { MembershipActionError, WorkspaceMembership } from './workspace-membership';

const WS = 'ws-roster';
let anne: IdentityKeys, anneTablet: IdentityKeys, bram: IdentityKeys, bramLaptop: IdentityKeys, carla: IdentityKeys, dirk: IdentityKeys;

beforeAll(async () => {
  [anne, anneTablet, bram, bramLaptop, carla, dirk] = (await Promise.all(Array.from({ length: 6 }, () => generateIdentityKeys()))) as [IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys];
});

const self = (k: IdentityKeys, name: string, memberId = k.memberId) => ({ memberId, publicKeyB64: k.publicKeyB64, privateKey: k.privateKey, displayName: name, organisationName: `Org ${name}` });
const ref = (k: IdentityKeys, name: string) => ({ publicKey: k.publicKeyB64, displayName: name, organisationName: `Org ${name}` });
const transcript = () => new Uint8Array([7]);

/** Anne founds and admits Bram; each grants a second device. */
async function records(): Promise<VerifiedRecord[]> {
  return Promise.all([
    signMembershipRecord({ v: 1, kind: 'founded', workspaceId: WS, member: ref(anne, 'Anne'), signer: anne.publicKeyB64, at: 1 }, anne.privateKey),
    signMembershipRecord({ v: 1, kind: 'admitted', workspaceId: WS, member: ref(bram, 'Bram'), signer: anne.publicKeyB64, inviteId: 'i-bram', invitedBy: anne.publicKeyB64, at: 2 }, anne.privateKey),
    signMembershipRecord({ v: 1, kind: 'deviceGranted', workspaceId: WS, signer: anne.publicKeyB64, person: anne.publicKeyB64, device: anneTablet.publicKeyB64, deviceName: 'Tablet', at: 3 }, anne.privateKey),
    signMembershipRecord({ v: 1, kind: 'deviceGranted', workspaceId: WS, signer: bram.publicKeyB64, person: bram.publicKeyB64, device: bramLaptop.publicKeyB64, deviceName: 'Laptop', at: 3 }, bram.privateKey),
  ]);
}

describe('membership records a device signs count as its person’s', () => {
  it('an admission, an invite and an administrator grant by a device count; by a device of nobody they do not', async () => {
    const base = await records();
    const byDevices = await Promise.all([
      signMembershipRecord({ v: 1, kind: 'issued', workspaceId: WS, signer: bramLaptop.publicKeyB64, inviteId: 'i-carla', expiresAt: 99, at: 4 }, bramLaptop.privateKey),
      signMembershipRecord({ v: 1, kind: 'admitted', workspaceId: WS, member: ref(carla, 'Carla'), signer: bramLaptop.publicKeyB64, inviteId: 'i-carla', invitedBy: bramLaptop.publicKeyB64, at: 5 }, bramLaptop.privateKey),
      signMembershipRecord({ v: 1, kind: 'adminGranted', workspaceId: WS, signer: anneTablet.publicKeyB64, subject: bram.publicKeyB64, at: 6 }, anneTablet.privateKey),
      // Dirk's own key is no device of anyone: what it signs counts for nothing.
      signMembershipRecord({ v: 1, kind: 'admitted', workspaceId: WS, member: ref(dirk, 'Dirk'), signer: dirk.publicKeyB64, inviteId: 'i-dirk', invitedBy: dirk.publicKeyB64, at: 7 }, dirk.privateKey),
    ]);
    const roster = resolveRoster([...base, ...byDevices], WS, anne.publicKeyB64);
    expect([...roster.list.members.keys()].sort()).toEqual([anne, bram, carla].map((k) => k.publicKeyB64).sort());
    expect(roster.list.members.get(carla.publicKeyB64)?.admittedBy).toBe(bram.publicKeyB64);
    expect(roster.list.issuedInvites.get('i-carla')).toMatchObject({ issuedBy: bram.publicKeyB64, usedBy: carla.publicKeyB64 });
    expect(roster.list.admins.has(bram.publicKeyB64)).toBe(true);
    expect([...roster.adminKeys].sort()).toEqual([anne, anneTablet, bram, bramLaptop].map((k) => k.publicKeyB64).sort());
  });

  it('gives one answer whatever order the records come in (property)', async () => {
    const all = [
      ...(await records()),
      await signMembershipRecord({ v: 1, kind: 'admitted', workspaceId: WS, member: ref(carla, 'Carla'), signer: bramLaptop.publicKeyB64, inviteId: 'i-carla', invitedBy: bram.publicKeyB64, at: 5 }, bramLaptop.privateKey),
      await signMembershipRecord({ v: 1, kind: 'removed', workspaceId: WS, signer: anneTablet.publicKeyB64, subject: bram.publicKeyB64, keep: [], at: 8 }, anneTablet.privateKey),
    ];
    const answer = (rs: VerifiedRecord[]) => {
      const r = resolveRoster(rs, WS, anne.publicKeyB64);
      return { members: [...r.list.members.keys()].sort(), removed: [...r.list.removed.keys()].sort(), devices: [...r.devices.devices.keys()].sort() };
    };
    const expected = answer(all);
    // The tablet's removal of Bram counts; so Bram's laptop goes with him, and Carla, admitted by that laptop and not kept, is out too.
    expect(expected.members).toEqual([anne.publicKeyB64]);
    expect(expected.devices).toEqual([anne.publicKeyB64, anneTablet.publicKeyB64].sort());
    fc.assert(fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (shuffled) => {
          expect(answer(shuffled)).toEqual(expected);
        }),
      { numRuns: 40 },
    );
  });

  it('a newcomer who holds only the founder’s key accepts a member admitted by a device, from the chain with its grants', async () => {
    const all = [...(await records()), await signMembershipRecord({ v: 1, kind: 'admitted', workspaceId: WS, member: ref(carla, 'Carla'), signer: bramLaptop.publicKeyB64, inviteId: 'i-carla', invitedBy: bramLaptop.publicKeyB64, at: 5 }, bramLaptop.privateKey)];
    const roster = resolveRoster(all, WS, anne.publicKeyB64);
    const chain = chainWithGrants(roster, all, carla.publicKeyB64);
    expect(chain?.map((r) => r.kind)).toEqual(['founded', 'admitted', 'admitted', 'deviceGranted']);
    const shown = await Promise.all((chain ?? []).map((r) => verifyMembershipRecord(r.text)));
    expect(resolveRoster(shown, WS, anne.publicKeyB64).list.members.has(carla.publicKeyB64)).toBe(true);
  });
});

describe('a linked device acting in the workspace', () => {
  async function workspace() {
    const doc = new Y.Doc();
    const a = new WorkspaceMembership(doc, { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(anne, 'Anne') });
    for (const r of await records()) await a.add(r);
    const tablet = new WorkspaceMembership(doc, { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(anneTablet, 'Anne', anne.memberId) });
    const laptop = new WorkspaceMembership(doc, { workspaceId: WS, founderKey: anne.publicKeyB64, self: self(bramLaptop, 'Bram', bram.memberId) });
    return { doc, a, tablet, laptop };
  }

  it('admits a newcomer with an invite its person’s other device made, and the newcomer is a member for everyone', async () => {
    const { a, laptop } = await workspace();
    const invite = await signedInvite(bram, { workspaceId: WS, founderKey: anne.publicKeyB64 }, { createdAt: Date.now() });
    const result = await laptop.check({ as: 'newcomer', member: ref(carla, 'Carla'), signature: await sign(carla), invite }, transcript);
    expect(result).toMatchObject({ ok: true, peer: { as: 'newcomer' } });
    expect((await a.list()).members.get(carla.publicKeyB64)?.admittedBy).toBe(bram.publicKeyB64);
  });

  it('an administrator’s device removes a member; a plain member’s device may not', async () => {
    const { a, tablet, laptop } = await workspace();
    await expect(laptop.remove([anne.publicKeyB64])).rejects.toBeInstanceOf(MembershipActionError);
    await tablet.remove([bram.publicKeyB64]);
    const list = await a.list();
    expect(list.removed.get(bram.publicKeyB64)?.by).toBe(anne.publicKeyB64);
    expect(await a.standingOf(bramLaptop.publicKeyB64)).toEqual({ kind: 'removed' });
  });
});

async function sign(k: IdentityKeys): Promise<string> {
  const { toBase64Url } = await import('../crypto/base64url');
  const { sign: signBytes } = await import('../crypto/identity-keys');
  return toBase64Url(await signBytes(k.privateKey, transcript()));
}
