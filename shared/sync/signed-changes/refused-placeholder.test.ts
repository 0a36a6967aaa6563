import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateEffects } from '../../rules/update-effects';
import { refusedPlaceholder } from './refused-placeholder';

type Edit = { kind: 'set'; key: string; value: number } | { kind: 'delete'; key: string } | { kind: 'type'; at: number; text: string } | { kind: 'cut'; at: number; len: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom('a', 'b', 'c'), value: fc.integer() }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(20), text: fc.string({ minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(20), len: fc.integer({ min: 1, max: 4 }) }),
);

function run(doc: Y.Doc, e: Edit): void {
  const text = doc.getText('t');
  if (e.kind === 'set') doc.getMap('m').set(e.key, e.value);
  else if (e.kind === 'delete') doc.getMap('m').delete(e.key);
  else if (e.kind === 'type') text.insert(Math.min(e.at, text.length), e.text);
  else if (text.length > 0) text.delete(Math.min(e.at, text.length - 1), Math.min(e.len, text.length - Math.min(e.at, text.length - 1)));
}

describe('refused placeholder', () => {
  it('takes the same clocks as the refused updates, so every later update still integrates and nothing waits', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 30 }), (steps) => {
        const author = new Y.Doc();
        const updates: { update: Uint8Array; refused: boolean }[] = [];
        author.on('update', (update: Uint8Array) => updates.push({ update, refused: false }));
        for (const [e, refused] of steps) {
          const before = updates.length;
          run(author, e);
          for (let i = before; i < updates.length; i++) (updates[i] as { refused: boolean }).refused = refused;
        }
        const receiver = new Y.Doc();
        for (const { update, refused } of updates) Y.applyUpdate(receiver, refused ? refusedPlaceholder(update) : update);
        expect(Y.encodeStateVector(receiver)).toEqual(Y.encodeStateVector(author));
        expect(receiver.store.pendingStructs).toBeNull();
        expect(receiver.store.pendingDs).toBeNull();
        // With nothing refused, the receiver holds exactly what the author holds.
        if (updates.every((u) => !u.refused)) expect(receiver.getText('t').toString()).toBe(author.getText('t').toString());
      }),
      { numRuns: 200 },
    );
  });

  it('shows nothing and deletes nothing', () => {
    const author = new Y.Doc();
    author.getMap('m').set('a', 1);
    const first = Y.encodeStateAsUpdate(author);
    const receiver = new Y.Doc();
    Y.applyUpdate(receiver, first);
    const sv = Y.encodeStateVector(author);
    author.transact(() => {
      author.getMap('m').delete('a');
      author.getMap('junk').set('x', new Y.Map([['y', 'z']]));
    });
    Y.applyUpdate(receiver, refusedPlaceholder(Y.encodeStateAsUpdate(author, sv)));
    expect(receiver.getMap('m').get('a')).toBe(1);
    expect(receiver.getMap('junk').size).toBe(0);
    // A later item inside the refused map lands nowhere, in Yjs and in what the rules are shown.
    // (as the author's app sends it: the update of that one transaction, not a state with the whole delete set)
    let later: Uint8Array = new Uint8Array();
    author.once('update', (update: Uint8Array) => (later = update));
    (author.getMap('junk').get('x') as Y.Map<unknown>).set('w', 1);
    expect(updateEffects(receiver, later)).toEqual({ effects: [], unresolved: 0 });
    Y.applyUpdate(receiver, later);
    expect(receiver.getMap('junk').size).toBe(0);
    expect(receiver.store.pendingStructs).toBeNull();
  });

  it('is told apart from a change that builds on a clock not here yet (held)', () => {
    const author = new Y.Doc();
    author.getMap('m').set('a', 1);
    const sv = Y.encodeStateVector(author);
    author.getMap('m').set('b', 2);
    expect(updateEffects(new Y.Doc(), Y.encodeStateAsUpdate(author, sv)).unresolved).toBe(1);
  });
});
