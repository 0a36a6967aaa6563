import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { MAX_DEVICES, personOf, resolveDevices } from './devices';
import { resolveMemberList } from './member-list';
import { recordId, signMembershipRecord, verifyMembershipRecord, type VerifiedRecord } from './membership-record';

const WS = 'ws-devices';
let anne: IdentityKeys, bram: IdentityKeys, laptop2: IdentityKeys, tablet: IdentityKeys, thief: IdentityKeys, spare: IdentityKeys[];

beforeAll(async () => {
  const made = await Promise.all(Array.from({ length: 5 + MAX_DEVICES }, () => generateIdentityKeys()));
  [anne, bram, laptop2, tablet, thief] = made as [IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys];
  spare = made.slice(5);
});

const ref = (k: IdentityKeys, name: string) => ({ publicKey: k.publicKeyB64, displayName: name, organisationName: `Org ${name}` });
const base = async (): Promise<VerifiedRecord[]> => [
  await signMembershipRecord({ v: 1, kind: 'founded', workspaceId: WS, member: ref(anne, 'Anne'), signer: anne.publicKeyB64, at: 1 }, anne.privateKey),
  await signMembershipRecord({ v: 1, kind: 'admitted', workspaceId: WS, member: ref(bram, 'Bram'), signer: anne.publicKeyB64, inviteId: 'i1', invitedBy: anne.publicKeyB64, at: 2 }, anne.privateKey),
];
/** `by` adds `device` as a device of `person`. */
const grant = (by: IdentityKeys, person: IdentityKeys, device: IdentityKeys, at: number) =>
  signMembershipRecord({ v: 1, kind: 'deviceGranted', workspaceId: WS, signer: by.publicKeyB64, person: person.publicKeyB64, device: device.publicKeyB64, deviceName: 'laptop', at }, by.privateKey);
const removal = (by: IdentityKeys, person: IdentityKeys, device: IdentityKeys, at: number, keep: string[] = []) =>
  signMembershipRecord({ v: 1, kind: 'deviceRemoved', workspaceId: WS, signer: by.publicKeyB64, person: person.publicKeyB64, device: device.publicKeyB64, keep, at }, by.privateKey);

function devicesOf(records: VerifiedRecord[]) {
  const list = resolveMemberList(records, WS, anne.publicKeyB64);
  return resolveDevices(records, list, WS);
}
const keys = (records: VerifiedRecord[], person: IdentityKeys) =>
  [...devicesOf(records).devices.values()]
    .filter((d) => d.person === person.publicKeyB64)
    .map((d) => d.key)
    .sort();

describe('a person’s devices', () => {
  it('the first key is a device; a device that counts adds another, which can add a third', async () => {
    const records = [...(await base()), await grant(bram, bram, laptop2, 3), await grant(laptop2, bram, tablet, 4)];
    expect(keys(records, bram)).toEqual([bram, laptop2, tablet].map((k) => k.publicKeyB64).sort());
    expect(personOf(devicesOf(records), tablet.publicKeyB64)).toBe(bram.publicKeyB64);
    expect(personOf(devicesOf(records), thief.publicKeyB64)).toBeUndefined();
  });

  it('a grant by someone who is no device of that person does not count, not even by an administrator', async () => {
    const records = [...(await base()), await grant(thief, bram, thief, 3), await grant(anne, bram, tablet, 4), await grant(bram, anne, laptop2, 5)];
    expect(keys(records, bram)).toEqual([bram.publicKeyB64]);
    expect(keys(records, anne)).toEqual([anne.publicKeyB64]);
  });

  it('a lost first laptop is removed by the second; the person stays and acts through it; the lost one’s later grant does not count', async () => {
    const g = await grant(bram, bram, laptop2, 3);
    const records = [...(await base()), g, await removal(laptop2, bram, bram, 10), await grant(bram, bram, thief, 5)];
    expect(keys(records, bram)).toEqual([laptop2.publicKeyB64]);
    expect(devicesOf(records).removed.get(bram.publicKeyB64)).toEqual({ by: laptop2.publicKeyB64, at: 10 });
    expect(resolveMemberList(records, WS, anne.publicKeyB64).members.has(bram.publicKeyB64)).toBe(true);
  });

  it('a grant the removed device signed stays when the removal keeps it', async () => {
    const tabletGrant = await grant(laptop2, bram, tablet, 4);
    const records = [...(await base()), await grant(bram, bram, laptop2, 3), tabletGrant, await removal(bram, bram, laptop2, 10, [recordId(tabletGrant.text)])];
    expect(keys(records, bram)).toEqual([bram, tablet].map((k) => k.publicKeyB64).sort());
    // Without keep the tablet goes with the laptop that granted it.
    expect(keys([...(await base()), await grant(bram, bram, laptop2, 3), tabletGrant, await removal(bram, bram, laptop2, 10)], bram)).toEqual([bram.publicKeyB64]);
  });

  it('an administrator may remove a device, another member may not; a removed member’s devices all go', async () => {
    const withLaptop = [...(await base()), await grant(bram, bram, laptop2, 3)];
    expect(keys([...withLaptop, await removal(anne, bram, laptop2, 10)], bram)).toEqual([bram.publicKeyB64]);
    const records = [...(await base()), await grant(anne, anne, tablet, 3), await removal(tablet, bram, bram, 10)];
    expect(keys(records, bram)).toEqual([bram.publicKeyB64]);
    const memberRemoved = [...withLaptop, await signMembershipRecord({ v: 1, kind: 'removed', workspaceId: WS, signer: anne.publicKeyB64, subject: bram.publicKeyB64, keep: [], at: 11 }, anne.privateKey)];
    expect(keys(memberRemoved, bram)).toEqual([]);
    expect(personOf(devicesOf(memberRemoved), laptop2.publicKeyB64)).toBeUndefined();
    expect(devicesOf(memberRemoved).removed.get(laptop2.publicKeyB64)).toEqual({ by: anne.publicKeyB64, at: 11 });
  });

  it(`a person has at most ${MAX_DEVICES} devices: the earliest grants count`, async () => {
    const grants = await Promise.all(spare.map((k, i) => grant(bram, bram, k, 10 + i)));
    const counted = keys([...(await base()), ...grants], bram);
    expect(counted).toHaveLength(MAX_DEVICES);
    expect(counted).not.toContain((spare[spare.length - 1] as IdentityKeys).publicKeyB64);
  });

  it('a record that does not verify is rejected at the boundary', async () => {
    const g = await grant(bram, bram, laptop2, 3);
    await expect(verifyMembershipRecord(g.text.slice(0, -4) + 'AAAA')).rejects.toMatchObject({ problem: 'badSignature' });
  });

  it('gives the same devices for any order of the records (property)', async () => {
    const tabletGrant = await grant(laptop2, bram, tablet, 4);
    const records = [
      ...(await base()),
      await grant(bram, bram, laptop2, 3),
      tabletGrant,
      await removal(bram, bram, laptop2, 10, [recordId(tabletGrant.text)]),
      await removal(tablet, bram, bram, 10),
      await grant(laptop2, bram, thief, 12),
      await removal(anne, bram, tablet, 20),
    ];
    const expected = devicesOf(records);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), async (shuffled) => {
        const got = devicesOf(shuffled);
        expect([...got.devices.keys()].sort()).toEqual([...expected.devices.keys()].sort());
        expect([...got.removed.keys()].sort()).toEqual([...expected.removed.keys()].sort());
      }),
      { numRuns: 50 },
    );
  });
});
