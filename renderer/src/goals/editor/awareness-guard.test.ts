import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { caretStates, guardedAwareness } from './awareness-guard';
import { FALLBACK_CARET_COLOUR } from './caret-user';

const position = { type: { client: 1, clock: 4 }, tname: null, item: { client: 2, clock: 9 }, assoc: 0 };
const good = { user: { name: 'Bram Jansen', color: '#862e9c', memberId: 'm-b' }, cursor: { anchor: position, head: position } };

describe('caretStates', () => {
  it('keeps a well-formed caret with just a name and colour', () => {
    expect(caretStates(new Map([[7, good]]), 'Naamloos')).toEqual(new Map([[7, { user: { name: 'Bram Jansen', color: '#862e9c' }, cursor: good.cursor }]]));
  });

  it('leaves out states without a cursor, with a bad user or with a malformed or root-naming position', () => {
    const states = new Map<number, unknown>([
      [1, { user: good.user }],
      [2, { ...good, cursor: null }],
      [3, { ...good, user: 'Bram' }],
      [4, { ...good, cursor: { anchor: {}, head: position } }],
      [5, { ...good, cursor: { anchor: { tname: 'goals', item: null, type: null }, head: position } }],
      [6, { ...good, cursor: { anchor: { ...position, item: { client: -1, clock: 0 } }, head: position } }],
      [7, null],
      [8, 'junk'],
    ]);
    expect([...caretStates(states, 'Naamloos').keys()]).toEqual([]);
  });

  it('draws one caret per member: the state updated last, not one a restarted app left behind', () => {
    const stale = { ...good, cursor: { anchor: { ...position, item: { client: 2, clock: 3 } }, head: position } };
    const other = { user: { name: 'Carla Smit', color: '#1864ab', memberId: 'm-c' }, cursor: good.cursor };
    const updated = new Map([
      [7, 1_000],
      [9, 5_000],
      [4, 2_000],
    ]);
    const drawn = caretStates(new Map<number, unknown>([[7, stale], [9, good], [4, other]]), 'Naamloos', (id) => updated.get(id) ?? 0);
    expect([...drawn.keys()].sort()).toEqual([4, 9]);
    // Whichever order the states come in.
    const reversed = caretStates(new Map<number, unknown>([[9, good], [7, stale], [4, other]]), 'Naamloos', (id) => updated.get(id) ?? 0);
    expect([...reversed.keys()].sort()).toEqual([4, 9]);
  });

  it('gives a nameless or oddly coloured peer a fallback name and colour', () => {
    const states = new Map([[1, { cursor: good.cursor }], [2, { ...good, user: { name: '', color: 'hotpink' } }]]);
    for (const state of caretStates(states, 'Naamloos').values()) expect(state.user).toEqual({ name: 'Naamloos', color: FALLBACK_CARET_COLOUR });
  });

  it('never throws on anything a peer can send', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.anything())), (entries) => {
        for (const state of caretStates(new Map(entries), 'Naamloos').values()) expect(typeof state.user.name).toBe('string');
      }),
    );
  });
});

describe('guardedAwareness', () => {
  it('filters what the caret plugin reads and passes writes and events to the real awareness', () => {
    const awareness = new Awareness(new Y.Doc());
    const guarded = guardedAwareness(awareness, () => 'Naamloos');
    const seen: unknown[] = [];
    const listener = (change: unknown) => seen.push(change);
    guarded.on('change', listener);
    guarded.setLocalStateField('cursor', good.cursor);
    guarded.setLocalStateField('user', good.user);
    expect(awareness.getLocalState()).toEqual(good);
    expect(guarded.clientID).toBe(awareness.clientID);
    expect(guarded.getStates().get(awareness.clientID)?.user).toEqual({ name: 'Bram Jansen', color: '#862e9c' });
    expect(seen.length).toBeGreaterThan(0);
    guarded.off('change', listener);
    awareness.setLocalStateField('cursor', null);
    const after = seen.length;
    awareness.setLocalStateField('cursor', good.cursor);
    expect(seen.length).toBe(after);
    expect(guarded.getStates().size).toBe(1);
    awareness.setLocalStateField('cursor', null);
    expect(guarded.getStates().size).toBe(0);
    awareness.destroy();
  });
});
