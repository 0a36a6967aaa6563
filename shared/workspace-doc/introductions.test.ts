import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addIntroduction, IntroductionInputSchema, involving, isIntroducedTo, readIntroductions, SelfIntroductionError, toOrganisation, withInvites } from './introductions';
import type { Member } from './members';
import { introductionsMap } from './schema';

const member = (memberId: string, invitedBy?: string, joinedAt = 1): Member => ({ memberId, displayName: memberId, organisationName: 'X', role: '', publicKey: 'A'.repeat(43), joinedAt, invitedBy });

describe('introductions', () => {
  it('stores an introduction and reads it back with its id', () => {
    const doc = new Y.Doc();
    const fields = IntroductionInputSchema.parse({ kind: 'members', a: 'bram', b: 'carla', note: '  Praat eens over zon op dak  ' });
    const id = addIntroduction(doc, fields, { memberId: 'anne', now: 100 });
    expect(readIntroductions(doc)).toEqual([{ ok: true, id, value: { id, kind: 'members', by: 'anne', a: 'bram', b: 'carla', note: 'Praat eens over zon op dak', createdAt: 100 } }]);
  });

  it('refuses introducing someone to themselves, or oneself', () => {
    expect(IntroductionInputSchema.safeParse({ kind: 'members', a: 'bram', b: 'bram', note: 'x' }).success).toBe(false);
    expect(IntroductionInputSchema.safeParse({ kind: 'members', a: 'bram', b: 'carla', note: '   ' }).success).toBe(false);
    expect(IntroductionInputSchema.safeParse({ kind: 'organisation', a: 'bram', b: 'org', note: 'x'.repeat(501) }).success).toBe(false);
    const fields = IntroductionInputSchema.parse({ kind: 'members', a: 'anne', b: 'carla', note: 'x' });
    expect(() => addIntroduction(new Y.Doc(), fields, { memberId: 'anne', now: 1 })).toThrow(SelfIntroductionError);
  });

  it('reads what a peer wrote wrongly as damaged, each on its own, newest valid first', () => {
    const doc = new Y.Doc();
    const map = introductionsMap(doc);
    map.set('text', 'not a map');
    map.set('self', new Y.Map<unknown>(Object.entries({ kind: 'members', by: 'a', a: 'b', b: 'b', note: '', createdAt: 1 })));
    map.set('kind', new Y.Map<unknown>(Object.entries({ kind: 'other', by: 'a', a: 'b', b: 'c', note: '', createdAt: 1 })));
    map.set('note', new Y.Map<unknown>(Object.entries({ kind: 'members', by: 'a', a: 'b', b: 'c', note: 5, createdAt: 1 })));
    addIntroduction(doc, IntroductionInputSchema.parse({ kind: 'organisation', a: 'b', b: 'org', note: 'ok' }), { memberId: 'a', now: 2, id: 'good' });
    const results = readIntroductions(doc);
    expect(results[0]).toMatchObject({ ok: true, id: 'good' });
    expect(results.slice(1).every((result) => !result.ok)).toBe(true);
    expect(results).toHaveLength(5);
  });

  it('derives one introduction per invite from the members, without storing it', () => {
    const stored = [{ id: 'i1', kind: 'members' as const, by: 'anne', a: 'bram', b: 'carla', note: 'hoi', createdAt: 50 }];
    const all = withInvites(stored, [member('anne'), member('bram', 'anne', 20), member('carla', 'bram', 30), member('odd', 'odd', 40)]);
    expect(all.map((intro) => intro.id)).toEqual(['i1', 'invite:carla', 'invite:bram']);
    expect(all[1]).toEqual({ id: 'invite:carla', kind: 'invite', by: 'bram', a: 'carla', createdAt: 30 });
  });

  it('knows whom an introduction was made to, and whom it involves', () => {
    const intros = withInvites(
      [
        { id: 'i1', kind: 'members', by: 'anne', a: 'bram', b: 'carla', note: '', createdAt: 50 },
        { id: 'i2', kind: 'organisation', by: 'anne', a: 'bram', b: 'liander', note: '', createdAt: 60 },
      ],
      [member('anne'), member('bram', 'anne', 20)],
    );
    const to = (memberId: string, organisationId?: string) => intros.filter((intro) => isIntroducedTo(intro, memberId, organisationId)).map((intro) => intro.id);
    expect(to('bram')).toEqual(['i2', 'i1', 'invite:bram']);
    expect(to('carla')).toEqual(['i1']);
    expect(to('dirk', 'liander')).toEqual(['i2']);
    expect(to('anne')).toEqual([]);
    expect(involving(intros, 'anne').map((intro) => intro.id)).toEqual(['i2', 'i1', 'invite:bram']);
    expect(toOrganisation(intros, 'liander').map((intro) => intro.id)).toEqual(['i2']);
  });
});

describe('reading whatever a peer wrote as an introduction', () => {
  it('never throws; what it accepts matches the stored schema', () => {
    const value = fc.oneof(fc.string({ maxLength: 600 }), fc.integer(), fc.constant(null), fc.constantFrom('members', 'organisation', 'invite'));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('kind', 'by', 'a', 'b', 'note', 'createdAt', 'id'), value, { maxKeys: 3 }), (changes) => {
        const doc = new Y.Doc();
        introductionsMap(doc).set('k', new Y.Map<unknown>(Object.entries({ kind: 'members', by: 'anne', a: 'bram', b: 'carla', note: '', createdAt: 1, ...changes })));
        const [result] = readIntroductions(doc);
        if (!result?.ok) return;
        expect(result.value.id).toBe('k');
        expect(['members', 'organisation']).toContain(result.value.kind);
        expect(result.value.kind === 'members' && result.value.a === result.value.b).toBe(false);
        expect(result.value.note.length).toBeLessThanOrEqual(500);
      }),
      { numRuns: 300 },
    );
  });
});
