import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { POSITION, updateEffects } from './update-effects';

/** Runs `change` on a copy of `doc` and returns the update it made. */
function changeOf(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

const paths = (doc: Y.Doc, update: Uint8Array) => updateEffects(doc, update).effects.map((e) => `${e.op} ${e.path.join('/')}`);

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  const org = new Y.Map<unknown>();
  doc.getMap('organisations').set('o1', org);
  org.set('name', 'Gemeente');
  const interest = new Y.Map<unknown>();
  doc.getMap('interests').set('o1', interest);
  interest.set('strategy', 'wind');
  const goal = new Y.Map<unknown>();
  doc.getMap('goals').set('g1', goal);
  goal.set('statement', new Y.XmlFragment());
  goal.set('stances', new Y.Array<unknown>());
  (goal.get('stances') as Y.Array<unknown>).push([{ memberId: 'm1' }]);
  return doc;
}

describe('updateEffects', () => {
  it('names a new record and its fields by path', () => {
    const doc = seeded();
    const update = changeOf(doc, (copy) => {
      const idea = new Y.Map<unknown>();
      copy.getMap('ideas').set('i1', idea);
      idea.set('title', 'Zon op daken');
      idea.set('votes', new Y.Map());
      (idea.get('votes') as Y.Map<unknown>).set('m2', 5);
    });
    expect(paths(doc, update).sort()).toEqual(['insert ideas/i1', 'insert ideas/i1/title', 'insert ideas/i1/votes', 'insert ideas/i1/votes/m2'].sort());
    expect(updateEffects(doc, update).effects.find((e) => e.path.join('/') === 'ideas/i1/title')?.value).toBe('Zon op daken');
  });

  it('names an overwritten field of an existing record, with the value deleted', () => {
    const doc = seeded();
    const update = changeOf(doc, (copy) => (copy.getMap('interests').get('o1') as Y.Map<unknown>).set('strategy', 'zon'));
    expect(paths(doc, update).sort()).toEqual(['delete interests/o1/strategy', 'insert interests/o1/strategy']);
  });

  it('names a deleted record, and a removed array entry', () => {
    const doc = seeded();
    const update = changeOf(doc, (copy) => {
      copy.getMap('organisations').delete('o1');
      ((copy.getMap('goals').get('g1') as Y.Map<unknown>).get('stances') as Y.Array<unknown>).delete(0, 1);
    });
    // Deleting a record deletes its fields with it.
    expect(paths(doc, update).sort()).toEqual(['delete goals/g1/stances/#', 'delete organisations/o1', 'delete organisations/o1/name']);
  });

  it('places text typed into a nested fragment', () => {
    const doc = seeded();
    const update = changeOf(doc, (copy) => {
      const fragment = (copy.getMap('goals').get('g1') as Y.Map<unknown>).get('statement') as Y.XmlFragment;
      const p = new Y.XmlElement('paragraph');
      fragment.insert(0, [p]);
      p.insert(0, [new Y.XmlText('Samen')]);
    });
    for (const path of paths(doc, update)) expect(path.startsWith(`insert goals/g1/statement/${POSITION}`)).toBe(true);
  });

  it('leaves out what the document has already, and counts what it cannot place', () => {
    const doc = seeded();
    const first = changeOf(doc, (copy) => copy.getMap('ideas').set('i1', 'x'));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(copy, first);
    const second = changeOf(copy, (c) => c.getMap('ideas').set('i1', 'y'));
    // Without the first, the second's overwrite cannot be placed.
    expect(updateEffects(doc, second).unresolved).toBe(1);
    Y.applyUpdate(doc, first);
    expect(updateEffects(doc, first).effects).toEqual([]);
    expect(paths(doc, second).sort()).toEqual(['delete ideas/i1', 'insert ideas/i1']);
  });

  it('finds every changed record for random edits of random records', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('interests', 'ideas', 'goals'), fc.constantFrom('a', 'b', 'c'), fc.constantFrom('set', 'field', 'delete')), { minLength: 1, maxLength: 12 }), (edits) => {
        const doc = new Y.Doc();
        for (const root of ['interests', 'ideas', 'goals']) for (const key of ['a', 'b']) doc.getMap(root).set(key, new Y.Map());
        const touched = new Set<string>();
        const update = changeOf(doc, (copy) =>
          copy.transact(() => {
            for (const [root, key, kind] of edits) {
              const map = copy.getMap<unknown>(root);
              const entry = map.get(key);
              if (kind === 'delete' && map.has(key)) map.delete(key);
              else if (kind === 'field' && entry instanceof Y.Map) entry.set('f', key);
              else map.set(key, new Y.Map());
            }
          }),
        );
        for (const [root, key] of edits) touched.add(`${root}/${key}`);
        const found = new Set(updateEffects(doc, update).effects.map((e) => e.path.slice(0, 2).join('/')));
        for (const record of found) expect(touched.has(record)).toBe(true);
        expect(updateEffects(doc, update).unresolved).toBe(0);
      }),
    );
  });
});
