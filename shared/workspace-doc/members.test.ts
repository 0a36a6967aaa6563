import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemberSchema, organisationIdOf, PROFILE_LIMITS, ProfileInputSchema, readMember, readMembers, UnknownMemberError, updateOwnProfile, upsertSelf, type Member } from './members';
import { membersMap } from './schema';

const anne: Member = {
  memberId: 'anne',
  displayName: 'Anne de Vries',
  organisationName: 'Gemeente Leiden',
  role: 'Programmamanager',
  publicKey: 'A'.repeat(43),
  joinedAt: 5,
  invitedBy: 'bram',
  inviteId: 'inv-1',
};

describe('members', () => {
  it('creates the own entry once, keeps who invited whom, refreshes the profile', () => {
    const doc = new Y.Doc();
    upsertSelf(doc, anne);
    upsertSelf(doc, { ...anne, role: 'Wethouder', invitedBy: undefined, inviteId: undefined, joinedAt: 9 });
    expect(readMembers(doc)).toEqual([{ ok: true, id: 'anne', value: { ...anne, role: 'Wethouder' } }]);
  });

  it('reads a malformed member from a peer as damaged', () => {
    const doc = new Y.Doc();
    membersMap(doc).set('x', 'not a map');
    membersMap(doc).set('y', new Y.Map<unknown>([['displayName', 3]]));
    expect(readMembers(doc).every((result) => !result.ok)).toBe(true);
  });
});

describe('member profiles', () => {
  const fields = { organisationId: '', expertise: ['Warmtenetten', ' warmtenetten ', 'Participatie'], contact: ' anne@leiden.nl ', brings: 'Kennis van de wijk', seeks: 'Ruimte op het net' };

  it('writes only the own profile fields, trimmed and without duplicate tags, and keeps the identity fields', () => {
    const doc = new Y.Doc();
    upsertSelf(doc, anne);
    updateOwnProfile(doc, 'anne', ProfileInputSchema.parse({ ...fields, organisationId: 'org-1' }));
    expect(readMember(doc, 'anne')).toEqual({
      ok: true,
      id: 'anne',
      value: { ...anne, organisationId: 'org-1', expertise: ['Warmtenetten', 'Participatie'], contact: 'anne@leiden.nl', brings: 'Kennis van de wijk', seeks: 'Ruimte op het net' },
    });
    upsertSelf(doc, { ...anne, displayName: 'Anne de Vries-Bos' });
    updateOwnProfile(doc, 'anne', ProfileInputSchema.parse(fields));
    const after = readMember(doc, 'anne');
    expect(after?.ok && after.value).toMatchObject({ displayName: 'Anne de Vries-Bos', seeks: 'Ruimte op het net' });
    expect(after?.ok && after.value.organisationId).toBeUndefined();
  });

  it('sends nothing when nothing changed', () => {
    const doc = new Y.Doc();
    upsertSelf(doc, anne);
    updateOwnProfile(doc, 'anne', ProfileInputSchema.parse(fields));
    let updates = 0;
    doc.on('update', () => updates++);
    updateOwnProfile(doc, 'anne', ProfileInputSchema.parse(fields));
    expect(updates).toBe(0);
  });

  it('refuses a profile for a member who is not here', () => {
    expect(() => updateOwnProfile(new Y.Doc(), 'nobody', ProfileInputSchema.parse(fields))).toThrow(UnknownMemberError);
  });

  it('rejects input over the limits', () => {
    expect(ProfileInputSchema.safeParse({ ...fields, seeks: 'x'.repeat(PROFILE_LIMITS.freeText + 1) }).success).toBe(false);
    expect(ProfileInputSchema.safeParse({ ...fields, expertise: ['x'.repeat(PROFILE_LIMITS.expertiseTag + 1)] }).success).toBe(false);
    expect(ProfileInputSchema.safeParse({ ...fields, expertise: Array.from({ length: PROFILE_LIMITS.expertiseTags + 1 }, (_, i) => `t${i}`) }).success).toBe(false);
    expect(ProfileInputSchema.safeParse({ ...fields, expertise: ['  '] }).success).toBe(false);
  });

  it('keeps a member whose profile field a peer damaged, leaving out and naming that field', () => {
    const doc = new Y.Doc();
    upsertSelf(doc, anne);
    const entry = membersMap(doc).get('anne') as Y.Map<unknown>;
    entry.set('expertise', 'not a list');
    entry.set('seeks', 'x'.repeat(PROFILE_LIMITS.freeText + 1));
    entry.set('brings', 'Een netwerk');
    const result = readMember(doc, 'anne');
    expect(result).toEqual({ ok: true, id: 'anne', value: { ...anne, brings: 'Een netwerk', damagedFields: ['expertise', 'seeks'] } });
  });

  it('reads an entry posing as another member as damaged', () => {
    const doc = new Y.Doc();
    upsertSelf(doc, anne);
    membersMap(doc).set('mallory', new Y.Map<unknown>(Object.entries({ ...anne })));
    expect(readMembers(doc).map((result) => [result.id, result.ok])).toEqual([
      ['anne', true],
      ['mallory', false],
    ]);
  });

  it('resolves the organisation by link, else by a unique name match', () => {
    const organisations = [
      { id: 'o1', name: 'Gemeente Leiden' },
      { id: 'o2', name: 'Liander' },
    ];
    expect(organisationIdOf(anne, organisations)).toBe('o1');
    expect(organisationIdOf({ ...anne, organisationId: 'o2' }, organisations)).toBe('o2');
    expect(organisationIdOf({ ...anne, organisationId: 'gone' }, organisations)).toBe('o1');
    expect(organisationIdOf(anne, [...organisations, { id: 'o3', name: 'gemeente leiden ' }])).toBeUndefined();
  });

  it('sees an organisation added to a list it has resolved against before', () => {
    const organisations = [{ id: 'o2', name: 'Liander' }];
    expect(organisationIdOf(anne, organisations)).toBeUndefined();
    organisations.push({ id: 'o1', name: 'Gemeente Leiden' });
    expect(organisationIdOf(anne, organisations)).toBe('o1');
    expect(organisationIdOf({ ...anne, organisationId: 'o1' }, organisations)).toBe('o1');
  });
});

describe('reading whatever a peer wrote', () => {
  const fieldNames = ['memberId', 'displayName', 'organisationName', 'role', 'publicKey', 'joinedAt', 'invitedBy', 'inviteId', 'organisationId', 'expertise', 'contact', 'brings', 'seeks', 'other'];
  const value = fc.oneof(fc.string({ maxLength: 1200 }), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.oneof(fc.string({ maxLength: 50 }), fc.integer()), { maxLength: 15 }), fc.constant('A'.repeat(43)));

  it('never throws; what it accepts is a valid member with only readable profile fields', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 4 }), fc.boolean(), (changes, keyMatches) => {
        // A valid entry with a few fields replaced, so both outcomes are reached often.
        const fields = { ...anne, ...changes };
        const doc = new Y.Doc();
        const key = keyMatches && typeof fields.memberId === 'string' ? fields.memberId : 'k';
        membersMap(doc).set(key, new Y.Map<unknown>(Object.entries(fields)));
        const [result] = readMembers(doc);
        if (!result?.ok) return;
        accepted++;
        const { damagedFields, ...member } = result.value;
        expect(MemberSchema.parse(member)).toEqual(member);
        for (const field of damagedFields ?? []) expect(member[field]).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(20);
  });
});
