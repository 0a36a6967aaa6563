import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { z } from 'zod';
import { byKey, defineCollection, plainMapEntry } from './collection';
import { DOCUMENT_COLLECTIONS, OWNER_RULES, ownerRuleOf, SHARED_WORK } from './collections';
import { ROOT } from './schema';

const NoteSchema = z.object({ id: z.string(), text: z.string(), at: z.number() });
const notes = defineCollection<z.infer<typeof NoteSchema>>({
  root: 'notes',
  owner: { by: 'creator', creatorField: 'createdBy' },
  read: plainMapEntry(NoteSchema),
  order: (a, b) => (a.ok ? a.value.at : Infinity) - (b.ok ? b.value.at : Infinity) || byKey(a, b),
});

function put(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  doc.getMap('notes').set(id, new Y.Map(Object.entries(fields)));
}

// Yjs takes only plain objects, as a peer's decoded update holds.
const PLAIN = { noNullPrototype: true } as const;

describe('defineCollection', () => {
  it('reads every entry in its order, damaged ones as results with their problem, and one by id', () => {
    const doc = new Y.Doc();
    put(doc, 'b', { text: 'tweede', at: 2 });
    put(doc, 'a', { text: 'eerste', at: 1 });
    put(doc, 'c', { text: 42, at: 3 });
    doc.getMap('notes').set('d', 'not a map');
    const all = notes.readAll(doc);
    expect(all.map((result) => result.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(all[0]).toEqual({ ok: true, id: 'a', value: { id: 'a', text: 'eerste', at: 1 } });
    expect(all[2]).toMatchObject({ ok: false, id: 'c', problem: expect.stringContaining('text') });
    expect(all[3]).toEqual({ ok: false, id: 'd', problem: 'entry is not a map' });
    expect(notes.readOne(doc, 'b')).toMatchObject({ ok: true, value: { text: 'tweede' } });
    expect(notes.readOne(doc, 'x')).toBeUndefined();
  });

  it('never throws on whatever a peer puts under the root', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.double({ noNaN: true })), PLAIN));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.oneof(value, fc.dictionary(fc.constantFrom('id', 'text', 'at', 'other'), value, PLAIN)), PLAIN), (entries) => {
        const doc = new Y.Doc();
        for (const [id, entry] of Object.entries(entries)) {
          if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) put(doc, id, entry as Record<string, unknown>);
          else doc.getMap('notes').set(id, entry);
        }
        const all = notes.readAll(doc);
        expect(all).toHaveLength(Object.keys(entries).length);
        for (const result of all) if (result.ok) expect(result.value.id).toBe(result.id);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the collections of a document', () => {
  it('declare an owner for every record root, and one owner per root', () => {
    const roots = [ROOT.organisations, ROOT.members, ROOT.introductions, ROOT.interests, ROOT.documents, ROOT.comments, ROOT.ideas, ROOT.workingGroups, ROOT.goals];
    expect(new Set(DOCUMENT_COLLECTIONS.map((collection) => collection.root))).toEqual(new Set(roots));
    for (const root of roots) expect(OWNER_RULES.get(root)).toBeDefined();
    const byRoot = new Map<string, unknown>();
    for (const { root, owner } of DOCUMENT_COLLECTIONS) {
      if (byRoot.has(root)) expect(owner).toEqual(byRoot.get(root));
      byRoot.set(root, owner);
    }
    expect(ownerRuleOf(ROOT.workspaceSettings)).toBe(SHARED_WORK);
    expect(ownerRuleOf(ROOT.comments).creatorField).toBe('by');
    expect(ownerRuleOf(ROOT.introductions).creatorField).toBe('by');
  });
});
