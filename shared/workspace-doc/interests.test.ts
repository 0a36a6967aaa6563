import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canEditInterest, INTEREST_FIELD_MAX, NotOrganisationMemberError, readInterests, writeInterest, type InterestFields } from './interests';
import { upsertSelf, type Member } from './members';
import { addOrganisation } from './organisations';
import { interestsMap } from './schema';

function member(memberId: string, organisationName: string, organisationId?: string): Member {
  return { memberId, displayName: memberId, organisationName, role: '', publicKey: 'A'.repeat(43), joinedAt: 1, ...(organisationId ? { organisationId } : {}) };
}

const fields: InterestFields = { interests: 'Netcapaciteit', strategy: 'Eerst zon op dak', redLines: 'Geen windturbines bij de kust', offer: 'Grond bij het station' };

function workspace() {
  const doc = new Y.Doc();
  const leiden = addOrganisation(doc, { name: 'Gemeente Leiden', type: 'gemeente', description: '', website: '' }, { memberId: 'anne', now: 1 });
  const liander = addOrganisation(doc, { name: 'Liander', type: 'netbeheerder', description: '', website: '' }, { memberId: 'bram', now: 1 });
  upsertSelf(doc, member('anne', 'gemeente leiden'));
  upsertSelf(doc, member('bram', 'Liander'));
  upsertSelf(doc, member('carla', 'Zeeuwse Energie'));
  return { doc, leiden, liander };
}

describe('who may edit which interest', () => {
  const organisations = [
    { id: 'o1', name: 'Gemeente Leiden' },
    { id: 'o2', name: 'Liander' },
    { id: 'o3', name: 'liander' },
  ];

  it('lets exactly the members of an organisation edit its interests', () => {
    expect(canEditInterest(member('a', 'Gemeente Leiden'), 'o1', organisations)).toBe(true);
    expect(canEditInterest(member('a', 'Gemeente Leiden'), 'o2', organisations)).toBe(false);
    expect(canEditInterest(undefined, 'o1', organisations)).toBe(false);
    // Two organisations match the name: ambiguous, so nobody edits either by name alone.
    expect(canEditInterest(member('b', 'Liander'), 'o2', organisations)).toBe(false);
    expect(canEditInterest(member('b', 'Liander', 'o3'), 'o3', organisations)).toBe(true);
    // A link to an organisation that is gone falls back to the name.
    expect(canEditInterest(member('c', 'Gemeente Leiden', 'gone'), 'o1', organisations)).toBe(true);
  });

  it('never lets one member edit two organisations (property)', () => {
    const org = fc.record({ id: fc.constantFrom('o1', 'o2', 'o3', 'o4'), name: fc.constantFrom('A', 'B', 'a', 'C ') });
    fc.assert(
      fc.property(fc.uniqueArray(org, { selector: (o) => o.id, maxLength: 4 }), fc.constantFrom('A', 'b', 'C', 'D'), fc.option(fc.constantFrom('o1', 'o2', 'o5'), { nil: undefined }), (orgs, name, linked) => {
        const who = member('m', name, linked);
        const editable = orgs.filter((o) => canEditInterest(who, o.id, orgs));
        expect(editable.length).toBeLessThanOrEqual(1);
        if (linked && orgs.some((o) => o.id === linked)) expect(editable.map((o) => o.id)).toEqual([linked]);
      }),
    );
  });
});

describe('interests accessors', () => {
  it('writes for a member and reads back who updated when', () => {
    const { doc, leiden } = workspace();
    writeInterest(doc, leiden, { ...fields, offer: '  Grond bij het station  ' }, { memberId: 'anne', now: 10 });
    const read = readInterests(doc).get(leiden);
    expect(read).toEqual({ ok: true, id: leiden, value: { entry: { organisationId: leiden, ...fields, updatedAt: 10, updatedBy: 'anne' }, byOrganisationMember: true } });
  });

  it('refuses a write by a non-member with a named error and changes nothing', () => {
    const { doc, leiden, liander } = workspace();
    expect(() => writeInterest(doc, leiden, fields, { memberId: 'bram', now: 10 })).toThrow(NotOrganisationMemberError);
    expect(() => writeInterest(doc, liander, fields, { memberId: 'stranger', now: 10 })).toThrow(NotOrganisationMemberError);
    expect(interestsMap(doc).size).toBe(0);
  });

  it('only touches changed fields, so a colleague\'s concurrent edit of another field survives', () => {
    const { doc, leiden } = workspace();
    writeInterest(doc, leiden, fields, { memberId: 'anne', now: 10 });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    writeInterest(doc, leiden, { ...fields, strategy: 'Warmtenet eerst' }, { memberId: 'anne', now: 11 });
    writeInterest(other, leiden, { ...fields, offer: 'Daken van scholen' }, { memberId: 'anne', now: 12 });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    const read = readInterests(doc).get(leiden);
    expect(read?.ok && read.value.entry).toMatchObject({ strategy: 'Warmtenet eerst', offer: 'Daken van scholen' });
  });

  it('refuses overlong input', () => {
    const { doc, leiden } = workspace();
    expect(() => writeInterest(doc, leiden, { ...fields, redLines: 'x'.repeat(INTEREST_FIELD_MAX + 1) }, { memberId: 'anne', now: 10 })).toThrow();
    expect(interestsMap(doc).size).toBe(0);
  });

  it('flags an entry last written by someone outside the organisation (a modified client)', () => {
    const { doc, leiden } = workspace();
    const forged = new Y.Map<unknown>(Object.entries({ ...fields, updatedAt: 5, updatedBy: 'bram' }));
    interestsMap(doc).set(leiden, forged);
    const read = readInterests(doc).get(leiden);
    expect(read?.ok && read.value.byOrganisationMember).toBe(false);
    const unknownWriter = new Y.Map<unknown>(Object.entries({ ...fields, updatedAt: 5, updatedBy: 'nobody-known' }));
    interestsMap(doc).set(leiden, unknownWriter);
    const again = readInterests(doc).get(leiden);
    expect(again?.ok && again.value.byOrganisationMember).toBe(false);
  });

  it('reads malformed peer data as damaged entries, never throws, and a member can overwrite them', () => {
    const { doc, leiden, liander } = workspace();
    interestsMap(doc).set(leiden, 'not a map');
    interestsMap(doc).set(liander, new Y.Map<unknown>([['interests', 42], ['updatedAt', -1]]));
    interestsMap(doc).set('x', new Y.Map<unknown>([['strategy', 'x'.repeat(INTEREST_FIELD_MAX + 1)], ['updatedAt', 1], ['updatedBy', 'anne']]));
    const read = readInterests(doc);
    expect([...read.values()].every((result) => !result.ok)).toBe(true);
    writeInterest(doc, leiden, fields, { memberId: 'anne', now: 20 });
    expect(readInterests(doc).get(leiden)?.ok).toBe(true);
  });

  it('survives arbitrary values from a peer (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('interests', 'strategy', 'redLines', 'offer', 'updatedAt', 'updatedBy', 'x'), fc.jsonValue()), (raw) => {
        const doc = new Y.Doc();
        interestsMap(doc).set('o', new Y.Map<unknown>(Object.entries(raw)));
        expect(() => readInterests(doc)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
