import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { stakeholderTypeIds } from '../regions';
import { addOrganisation, readOrganisation, readOrganisations, removeOrganisation, updateOrganisation, UnknownOrganisationError } from './organisations';
import { organisationsMap } from './schema';

const liander = { name: 'Liander', type: 'netbeheerder', description: 'Netbeheerder', website: 'https://www.liander.nl' };

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('organisations in the workspace document', () => {
  it('adds, reads, updates and removes', () => {
    const doc = new Y.Doc();
    const id = addOrganisation(doc, liander, { memberId: 'm1', now: 10 });
    expect(readOrganisations(doc)).toEqual([{ ok: true, id, value: { ...liander, id, createdAt: 10, updatedAt: 10, createdBy: 'm1' } }]);
    updateOrganisation(doc, id, { ...liander, description: 'Regionale netbeheerder' }, 20);
    expect(readOrganisation(doc, id)).toMatchObject({ ok: true, value: { description: 'Regionale netbeheerder', updatedAt: 20, createdAt: 10 } });
    removeOrganisation(doc, id);
    expect(readOrganisations(doc)).toEqual([]);
  });

  it('refuses to update an organisation that does not exist', () => {
    expect(() => updateOrganisation(new Y.Doc(), 'nope', liander, 1)).toThrow(UnknownOrganisationError);
  });

  it('sorts by name, Dutch collation', () => {
    const doc = new Y.Doc();
    for (const name of ['Waterschap Vallei', 'enexis', 'Alliander']) addOrganisation(doc, { ...liander, name }, { memberId: 'm', now: 1 });
    expect(readOrganisations(doc).map((r) => (r.ok ? r.value.name : ''))).toEqual(['Alliander', 'enexis', 'Waterschap Vallei']);
  });

  it.each([
    ['a plain string instead of a map', () => 'Liander'],
    ['a number', () => 42],
    ['a name of the wrong type', () => new Y.Map<unknown>(Object.entries({ ...liander, name: 7, createdAt: 1, updatedAt: 1, createdBy: 'x' }))],
    ['an unknown stakeholder type', () => new Y.Map<unknown>(Object.entries({ ...liander, type: 'piraat', createdAt: 1, updatedAt: 1, createdBy: 'x' }))],
    ['missing fields', () => new Y.Map<unknown>([['name', 'Half']])],
    ['an over-long name', () => new Y.Map<unknown>(Object.entries({ ...liander, name: 'x'.repeat(5000), createdAt: 1, updatedAt: 1, createdBy: 'x' }))],
    ['a negative time', () => new Y.Map<unknown>(Object.entries({ ...liander, createdAt: -1, updatedAt: 1, createdBy: 'x' }))],
  ])('reads %s written by a peer as a damaged entry, next to the valid ones', (_label, makeEntry) => {
    const doc = new Y.Doc();
    const good = addOrganisation(doc, liander, { memberId: 'm', now: 1 });
    organisationsMap(doc).set('bad', makeEntry());
    const results = readOrganisations(doc);
    expect(results.find((r) => r.id === good)?.ok).toBe(true);
    const bad = results.find((r) => r.id === 'bad');
    expect(bad?.ok).toBe(false);
    expect(bad && !bad.ok && bad.problem.length).toBeGreaterThan(0);
    expect(() => updateOrganisation(doc, 'bad', liander, 2)).not.toThrow(TypeError);
  });

  it('never throws on arbitrary values written by a peer (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })), fc.jsonValue({ maxDepth: 2 }), (fields, plain) => {
        const doc = new Y.Doc();
        organisationsMap(doc).set('map', new Y.Map<unknown>(Object.entries(fields)));
        organisationsMap(doc).set('plain', plain);
        const results = readOrganisations(doc);
        expect(results).toHaveLength(2);
        for (const result of results) if (!result.ok) expect(typeof result.problem).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('keeps both partners\' edits when they change different fields concurrently (property)', () => {
    const fieldValue = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(fieldValue, fc.constantFrom(...stakeholderTypeIds), fc.string({ maxLength: 200 }), (name, type, description) => {
        const a = new Y.Doc();
        const b = new Y.Doc();
        const id = addOrganisation(a, liander, { memberId: 'a', now: 1 });
        sync(a, b);
        const onB = readOrganisation(b, id);
        if (!onB?.ok) throw new Error('not synced');
        updateOrganisation(a, id, { ...liander, name, type }, 2);
        updateOrganisation(b, id, { ...liander, description }, 3);
        sync(a, b);
        for (const doc of [a, b]) {
          expect(readOrganisation(doc, id)).toMatchObject({ ok: true, value: { name, type, description } });
        }
      }),
      { numRuns: 100 },
    );
  });
});
