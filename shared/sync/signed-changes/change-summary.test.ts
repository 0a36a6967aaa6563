import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys } from '../../crypto/identity-keys';
import { hashOf, storedSummary, summarise } from './change-summary';
import { memoryChangeStore, openWorkspaceLog } from './memory-change-store.test-helper';
import type { StoredChange } from './signed-change-log';

/** An update from a few map writes and deletions, as a partner's edits make them. */
const updates = fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), value: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) }), { minLength: 1, maxLength: 30 }).map((edits) => {
  const doc = new Y.Doc();
  const map = doc.getMap<string>('m');
  for (const { key, value } of edits) {
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }
  return Y.encodeStateAsUpdate(doc);
});

describe('change summaries', () => {
  it('a stored summary reads back as it was worked out, refused or not', () => {
    fc.assert(
      fc.property(updates, fc.boolean(), (update, refused) => {
        const summary = summarise(update, hashOf(update), refused);
        expect(storedSummary(structuredClone(summary), refused)).toEqual(summary);
      }),
    );
  });

  it('a stored summary not of its shape is worked out again, never trusted', () => {
    const good = summarise(new Uint8Array([0, 0]), 'h', false);
    const broken: unknown[] = [
      undefined,
      null,
      'summary',
      { ...good, hash: 7 },
      { ...good, to: { 1: 2 } },
      { ...good, to: new Map([[1, -1]]) },
      { ...good, to: new Map([['1', 2]]) },
      { ...good, deletions: new Map([[1, [{ clock: 0 }]]]) },
      { ...good, deletions: new Map([[1, 'x']]) },
      { ...good, collected: new Map() },
    ];
    for (const value of broken) expect(storedSummary(value, false)).toBeUndefined();
    expect(storedSummary(good, true)).toBeUndefined();
  });

  it('a log opened from summarised changes holds what one opened from bare changes holds', async () => {
    const keys = await generateIdentityKeys();
    const open = async (rows: readonly StoredChange[]) => {
      const doc = new Y.Doc();
      const store = memoryChangeStore('ws', rows);
      return { doc, log: await openWorkspaceLog(doc, 'ws', keys, store), store };
    };
    const first = await open([]);
    const sealing: Promise<unknown>[] = [];
    first.doc.on('update', (update: Uint8Array) => sealing.push(first.log.seal(update)));
    const ideas = first.doc.getMap<string>('ideas');
    for (let i = 0; i < 5; i += 1) ideas.set(`i${i}`, `Idee ${i}`);
    const midway = Y.snapshot(first.doc);
    ideas.delete('i1');
    ideas.set('i5', 'Idee 5');
    await Promise.all(sealing);
    await first.log.stored();
    expect(first.store.rows).toHaveLength(7);
    expect(first.store.rows.every((row) => storedSummary(row.summary, row.refused === true) !== undefined)).toBe(true);

    const summarised = await open(first.store.rows);
    const bare = await open(first.store.rows.map(({ bytes, refused, restates }) => ({ bytes, refused, restates })));
    for (const snapshot of [Y.snapshot(new Y.Doc()), midway, Y.snapshot(first.doc)]) {
      expect(summarised.log.covering(snapshot)).toEqual(bare.log.covering(snapshot));
    }
    expect(summarised.log.covering(midway)).toHaveLength(2);
  });
});
