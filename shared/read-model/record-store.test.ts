import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RecordStore, type CollectionReader } from './record-store';

const reader: CollectionReader<unknown> = {
  root: 'things',
  read: (id, entry) => (entry instanceof Y.Map ? { ok: true, id, value: entry.toJSON() } : { ok: false, id, problem: 'entry is not a map' }),
};

const fullRead = (doc: Y.Doc) => new Map([...doc.getMap<unknown>('things').entries()].map(([id, entry]) => [id, reader.read(id, entry)]));

type Step =
  | { kind: 'set'; key: number; field: number; value: string }
  | { kind: 'replace'; key: number }
  | { kind: 'delete'; key: number }
  | { kind: 'damage'; key: number }
  | { kind: 'push'; key: number; value: string }
  | { kind: 'other'; value: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: fc.nat(5), field: fc.nat(2), value: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('replace' as const), key: fc.nat(5) }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.nat(5) }),
  fc.record({ kind: fc.constant('damage' as const), key: fc.nat(5) }),
  fc.record({ kind: fc.constant('push' as const), key: fc.nat(5), value: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('other' as const), value: fc.string({ maxLength: 4 }) }),
);

function apply(doc: Y.Doc, s: Step): void {
  const things = doc.getMap<unknown>('things');
  if (s.kind === 'other') {
    doc.getMap('elsewhere').set('x', s.value);
    return;
  }
  const key = `t${s.key}`;
  const current = things.get(key);
  const record = current instanceof Y.Map ? current : undefined;
  if (s.kind === 'replace' || (!record && s.kind !== 'delete' && s.kind !== 'damage')) things.set(key, new Y.Map<unknown>([['tags', new Y.Array<string>()]]));
  else if (s.kind === 'delete') things.delete(key);
  else if (s.kind === 'damage') things.set(key, 42);
  else if (s.kind === 'set') record?.set(`f${s.field}`, s.value);
  else if (s.kind === 'push') (record?.get('tags') as Y.Array<string> | undefined)?.push([s.value]);
}

describe('the record store', () => {
  it('after any edits holds what a full read holds, keeps every record no edit touched as it was, and tells its readers only when something changed', () => {
    fc.assert(
      fc.property(fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { maxLength: 25 }), (transactions) => {
        const doc = new Y.Doc();
        const store = new RecordStore(doc);
        let told = 0;
        store.subscribe(reader, () => (told += 1));
        for (const steps of transactions) {
          const before = store.collection(reader);
          const toldBefore = told;
          const contentBefore = JSON.stringify([...fullRead(doc)]);
          doc.transact(() => steps.forEach((s) => apply(doc, s)));
          const after = store.collection(reader);
          const fresh = fullRead(doc);
          expect([...after.byId.keys()].sort()).toEqual([...fresh.keys()].sort());
          for (const [id, result] of fresh) expect(after.byId.get(id)).toEqual(result);
          for (const [id, result] of after.byId) if (JSON.stringify(before.byId.get(id)) === JSON.stringify(result)) expect(result).toBe(before.byId.get(id));
          const changed = contentBefore !== JSON.stringify([...fresh]);
          expect(after === before).toBe(!changed);
          expect(told - toldBefore).toBe(changed ? 1 : 0);
        }
        store.destroy();
      }),
      { numRuns: 200 },
    );
  });
});
