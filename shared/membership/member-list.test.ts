import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../crypto/base64url';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { chainOf, resolveMemberList } from './member-list';
import { MembershipRecordError, recordId, signMembershipRecord, verifyMembershipRecord, type MemberRecord, type VerifiedRecord } from './membership-record';

const WS = 'ws-1';
let people: IdentityKeys[] = [];

beforeAll(async () => {
  people = await Promise.all(Array.from({ length: 6 }, () => generateIdentityKeys()));
});

const ref = (k: IdentityKeys, name: string) => ({ publicKey: k.publicKeyB64, displayName: name, organisationName: `Org ${name}` });
const founded = (k: IdentityKeys, at = 1) => signMembershipRecord({ v: 1, kind: 'founded', workspaceId: WS, member: ref(k, 'founder'), signer: k.publicKeyB64, at }, k.privateKey);
const admitted = (by: IdentityKeys, who: IdentityKeys, inviteId: string, at: number, inviter: IdentityKeys = by) =>
  signMembershipRecord({ v: 1, kind: 'admitted', workspaceId: WS, member: ref(who, `m${at}`), signer: by.publicKeyB64, inviteId, invitedBy: inviter.publicKeyB64, at }, by.privateKey);
const keysOf = (records: VerifiedRecord[], founder: IdentityKeys) => [...resolveMemberList(records, WS, founder.publicKeyB64).members.keys()].sort();

describe('membership records', () => {
  it('round-trip, and a changed character is a bad signature', async () => {
    const [a] = people as [IdentityKeys];
    const record = await founded(a);
    await expect(verifyMembershipRecord(record.text)).resolves.toMatchObject({ kind: 'founded', signer: a.publicKeyB64 });
    const payload = record.text.split('.')[1] as string;
    const changed = JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as { at: number };
    changed.at += 1;
    const forged = `SKM1.${toBase64Url(new TextEncoder().encode(JSON.stringify(changed)))}.${record.text.split('.')[2]}`;
    await expect(verifyMembershipRecord(forged)).rejects.toMatchObject({ problem: 'badSignature' });
    await expect(verifyMembershipRecord(42)).rejects.toBeInstanceOf(MembershipRecordError);
    await expect(verifyMembershipRecord('SKM2.x.y')).rejects.toMatchObject({ problem: 'unsupportedVersion' });
  });
});

describe('resolveMemberList', () => {
  it('follows admissions from the trusted founder only', async () => {
    const [a, b, c, mallory] = people as [IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys];
    const records = [await founded(a), await admitted(a, b, 'i1', 2), await admitted(b, c, 'i2', 3), await founded(mallory), await admitted(mallory, people[4] as IdentityKeys, 'i3', 4)];
    expect(keysOf(records, a)).toEqual([a, b, c].map((k) => k.publicKeyB64).sort());
    // A device that trusts another founder sees another (here: Mallory's own) list.
    expect(keysOf(records, mallory)).toEqual([mallory, people[4] as IdentityKeys].map((k) => k.publicKeyB64).sort());
    expect(keysOf(records.slice(1), a)).toEqual([]);
  });

  it('an admission by a non-member, or of an invite a non-member issued, does not count', async () => {
    const [a, b, outsider, d] = people as [IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys];
    const records = [await founded(a), await admitted(a, b, 'i1', 2), await admitted(outsider, d, 'i2', 3), await admitted(b, d, 'i3', 4, outsider)];
    expect(keysOf(records, a)).toEqual([a, b].map((k) => k.publicKeyB64).sort());
  });

  it('one invite admits one person: the first admission under its id wins, and whom the loser admitted is out too', async () => {
    const [a, b, c, d, e] = people as [IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys];
    const records = [await founded(a), await admitted(a, b, 'i1', 2), await admitted(a, c, 'copied', 5), await admitted(b, d, 'copied', 6, a), await admitted(d, e, 'i9', 7)];
    const list = resolveMemberList(records, WS, a.publicKeyB64);
    expect(keysOf(records, a)).toEqual([a, b, c].map((k) => k.publicKeyB64).sort());
    expect(list.usedInvites.get('copied')).toBe(c.publicKeyB64);
  });

  it('gives the same list for any order and any subset that arrived so far, once all arrived (property)', async () => {
    const [a, b, c, d, e, f] = people as [IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys];
    // Two administrators admitting at once, a contested invite and a chain.
    const all = [
      await founded(a),
      await admitted(a, b, 'i1', 2),
      await admitted(a, c, 'i2', 3),
      await admitted(b, d, 'same', 4, a),
      await admitted(c, e, 'same', 4, a),
      await admitted(e, f, 'i5', 5),
      await admitted(d, f, 'i6', 6),
    ];
    const expected = keysOf(all, a);
    await fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (order) => {
        expect(keysOf(order, a)).toEqual(expected);
        // Delivering a record twice changes nothing.
        expect(keysOf([...order, ...order.slice(0, 3)], a)).toEqual(expected);
      }),
    );
    // Which of d and e got 'same' is decided by the record text at equal times; f stays a member either way.
    expect(expected).toContain(f.publicKeyB64);
  });

  it('lists issued invites; only the issuer or the founder can revoke one', async () => {
    const [a, b, c] = people as [IdentityKeys, IdentityKeys, IdentityKeys];
    const issued = (by: IdentityKeys, inviteId: string) => signMembershipRecord({ v: 1, kind: 'issued', workspaceId: WS, signer: by.publicKeyB64, inviteId, expiresAt: 99, at: 5 }, by.privateKey);
    const revoked = (by: IdentityKeys, inviteId: string) => signMembershipRecord({ v: 1, kind: 'revoked', workspaceId: WS, signer: by.publicKeyB64, inviteId, at: 6 }, by.privateKey);
    const records = [await founded(a), await admitted(a, b, 'i1', 2), await admitted(a, c, 'i2', 3), await issued(b, 'byB'), await issued(b, 'byB2'), await issued(c, 'byC'), await revoked(c, 'byB'), await revoked(a, 'byB2'), await revoked(c, 'byC')];
    const list = resolveMemberList(records, WS, a.publicKeyB64);
    expect([...list.revokedInvites].sort()).toEqual(['byB2', 'byC']);
    expect(list.issuedInvites.get('byB')).toMatchObject({ issuedBy: b.publicKeyB64, expiresAt: 99, revoked: false, usedBy: undefined });
    expect(list.issuedInvites.get('byC')?.revoked).toBe(true);
  });

  describe('administrators and removals', () => {
    const grant = (by: IdentityKeys, to: IdentityKeys, at: number) => signMembershipRecord({ v: 1, kind: 'adminGranted', workspaceId: WS, signer: by.publicKeyB64, subject: to.publicKeyB64, at }, by.privateKey);
    const removal = (by: IdentityKeys, who: IdentityKeys, at: number, keep: string[] = []) =>
      signMembershipRecord({ v: 1, kind: 'removed', workspaceId: WS, signer: by.publicKeyB64, subject: who.publicKeyB64, keep, at }, by.privateKey);

    it('a removed member is out; whom they admitted stays only when the removal keeps that admission', async () => {
      const [a, b, c, d] = people as [IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys];
      const cByB = await admitted(b, c, 'i2', 3);
      const base = [await founded(a), await admitted(a, b, 'i1', 2), cByB];
      // B's later (or backdated) admission of D is not in the removal's keep list.
      const records = [...base, await removal(a, b, 10, [recordId(cByB.text)]), await admitted(b, d, 'i3', 4)];
      const list = resolveMemberList(records, WS, a.publicKeyB64);
      expect(keysOf(records, a)).toEqual([a, c].map((k) => k.publicKeyB64).sort());
      expect(list.removed.get(b.publicKeyB64)).toEqual({ by: a.publicKeyB64, at: 10 });
      // Without keep, C goes with B.
      expect(keysOf([...base, await removal(a, b, 10)], a)).toEqual([a.publicKeyB64]);
    });

    it('chainOf still proves a member whom a removed member admitted, when the removal kept them', async () => {
      const [a, b, c] = people as [IdentityKeys, IdentityKeys, IdentityKeys];
      const cByB = await admitted(b, c, 'i2', 3);
      const records = [await founded(a), await admitted(a, b, 'i1', 2), cByB, await removal(a, b, 10, [recordId(cByB.text)])];
      const list = resolveMemberList(records, WS, a.publicKeyB64);
      const chain = chainOf(list, records, c.publicKeyB64) as MemberRecord[];
      expect(chain.map((r) => r.member.publicKey)).toEqual([a, b, c].map((k) => k.publicKeyB64));
      expect(resolveMemberList(chain, WS, a.publicKeyB64).members.has(c.publicKeyB64)).toBe(true);
      expect(chainOf(list, records, b.publicKeyB64)).toBeNull();
    });

    it('only administrators remove; the last administrator cannot be removed; two removing each other: the earlier stands', async () => {
      const [a, b, c] = people as [IdentityKeys, IdentityKeys, IdentityKeys];
      const base = [await founded(a), await admitted(a, b, 'i1', 2), await admitted(a, c, 'i2', 3)];
      expect(keysOf([...base, await removal(b, c, 5)], a)).toHaveLength(3);
      expect(keysOf([...base, await removal(a, a, 5)], a)).toHaveLength(3);
      const both = [...base, await grant(a, b, 4), await removal(a, b, 6), await removal(b, a, 6)];
      const list = resolveMemberList(both, WS, a.publicKeyB64);
      expect(list.members.size).toBe(2);
      // Whichever of the two removals sorts first at the same moment stands; the other was by someone removed.
      expect(list.removed.size).toBe(1);
      expect(list.admins.size).toBe(1);
      await fc.assert(
        fc.property(fc.shuffledSubarray(both, { minLength: both.length, maxLength: both.length }), (order) => {
          expect(keysOf(order, a)).toEqual(keysOf(both, a));
        }),
      );
    });

    it('a removed member cannot admit anyone and its open invites are revoked', async () => {
      const [a, b, c] = people as [IdentityKeys, IdentityKeys, IdentityKeys];
      const issued = await signMembershipRecord({ v: 1, kind: 'issued', workspaceId: WS, signer: b.publicKeyB64, inviteId: 'fromB', expiresAt: 99, at: 3 }, b.privateKey);
      const records = [await founded(a), await admitted(a, b, 'i1', 2), issued, await removal(a, b, 5), await admitted(b, c, 'fromB', 4)];
      const list = resolveMemberList(records, WS, a.publicKeyB64);
      expect(list.members.has(c.publicKeyB64)).toBe(false);
      expect(list.revokedInvites.has('fromB')).toBe(true);
    });
  });

  it('chainOf gives records that prove a member to a peer that holds nothing else', async () => {
    const [a, b, c, d] = people as [IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys];
    const records = [await founded(a), await admitted(a, b, 'i1', 2), await admitted(b, c, 'i2', 3), await admitted(a, d, 'i3', 4)];
    const list = resolveMemberList(records, WS, a.publicKeyB64);
    const chain = chainOf(list, records, c.publicKeyB64) as MemberRecord[];
    expect(chain.map((r) => r.member.publicKey)).toEqual([a, b, c].map((k) => k.publicKeyB64));
    expect(resolveMemberList(chain, WS, a.publicKeyB64).members.has(c.publicKeyB64)).toBe(true);
    expect(chainOf(list, records, (people[5] as IdentityKeys).publicKeyB64)).toBeNull();
  });
});
