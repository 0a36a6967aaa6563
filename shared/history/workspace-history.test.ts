import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sealChange } from '../sync/signed-changes/change-envelope';
import { refusedRestore, restoreRecords, undoPlan } from './record-restore';
import { WorkspaceHistory } from './workspace-history';

const DOC_ID = 'ws-history';
/** Every collection of a workspace document (shared/workspace-doc/schema.ts), each record a map with nested types as goals and documents have. */
const ROOTS = ['organisations', 'members', 'introductions', 'interests', 'documents', 'comments', 'ideas', 'workingGroups', 'goals'] as const;
const LAST_ROOT = ROOTS.length - 1;
const SIGNERS = ['key-ann', 'key-bram', 'key-cas'] as const;
const noSignature = () => Promise.resolve(new Uint8Array(64));

type Op =
  | { kind: 'create'; root: number; key: number; title: string }
  | { kind: 'setField'; root: number; key: number; field: number; value: string }
  | { kind: 'deleteField'; root: number; key: number; field: number }
  | { kind: 'deleteRecord'; root: number; key: number }
  | { kind: 'type'; root: number; key: number; text: string }
  | { kind: 'push'; root: number; key: number; value: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), root: fc.nat(LAST_ROOT), key: fc.nat(4), title: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant('setField' as const), root: fc.nat(LAST_ROOT), key: fc.nat(4), field: fc.nat(2), value: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant('deleteField' as const), root: fc.nat(LAST_ROOT), key: fc.nat(4), field: fc.nat(2) }),
  fc.record({ kind: fc.constant('deleteRecord' as const), root: fc.nat(LAST_ROOT), key: fc.nat(4) }),
  fc.record({ kind: fc.constant('type' as const), root: fc.nat(LAST_ROOT), key: fc.nat(4), text: fc.string({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('push' as const), root: fc.nat(LAST_ROOT), key: fc.nat(4), value: fc.integer() }),
);

function apply(doc: Y.Doc, op: Op): void {
  const map = doc.getMap<unknown>(ROOTS[op.root] ?? 'organisations');
  const key = `r${op.key}`;
  const record = map.get(key);
  if (op.kind === 'create') {
    const fresh = new Y.Map<unknown>();
    fresh.set('title', op.title);
    fresh.set('statement', new Y.XmlFragment());
    fresh.set('versions', new Y.Array<number>());
    map.set(key, fresh);
    return;
  }
  if (!(record instanceof Y.Map)) return;
  if (op.kind === 'setField') record.set(`f${op.field}`, op.value);
  if (op.kind === 'deleteField') record.delete(`f${op.field}`);
  if (op.kind === 'deleteRecord') map.delete(key);
  if (op.kind === 'push') (record.get('versions') as Y.Array<number>).push([op.value]);
  if (op.kind === 'type') {
    const statement = record.get('statement') as Y.XmlFragment;
    const paragraph = statement.get(0);
    if (paragraph instanceof Y.XmlElement) (paragraph.get(0) as Y.XmlText).insert(0, op.text);
    else {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(op.text)]);
      statement.insert(0, [p]);
    }
  }
}

const stateOf = (doc: Y.Doc) => Object.fromEntries(ROOTS.map((root) => [root, doc.getMap(root).toJSON()]));

/** Three devices editing in turn, every change sealed and delivered, as a workspace's change log holds them. */
async function session(ops: readonly [number, Op][]) {
  const docs = SIGNERS.map(() => new Y.Doc());
  const log: Uint8Array[] = [];
  const states: ReturnType<typeof stateOf>[] = [];
  for (const [who, op] of ops) {
    const doc = docs[who % docs.length] as Y.Doc;
    let update: Uint8Array | undefined;
    const take = (u: Uint8Array) => (update = u);
    doc.once('update', take);
    apply(doc, op);
    doc.off('update', take);
    if (!update) continue;
    log.push(await sealChange({ kind: 'change', documentId: DOC_ID, signer: SIGNERS[who % SIGNERS.length] ?? '', at: log.length, update }, noSignature));
    for (const other of docs) if (other !== doc) Y.applyUpdate(other, update);
    states.push(stateOf(doc));
  }
  return { live: docs[0] as Y.Doc, log, states };
}

const opsArb = fc.array(fc.tuple(fc.nat(2), opArb), { minLength: 1, maxLength: 40 });

describe('WorkspaceHistory', () => {
  it('rebuilds the document as it was after every change', async () => {
    await fc.assert(
      fc.asyncProperty(opsArb, fc.nat(), async (ops, pick) => {
        const { log, states } = await session(ops);
        fc.pre(states.length > 0);
        const history = WorkspaceHistory.replay(log.map((bytes) => ({ bytes })), DOC_ID);
        expect(history.entries).toHaveLength(states.length);
        const index = pick % states.length;
        const then = history.stateAfter(index);
        expect(stateOf(then)).toEqual(states[index]);
        then.destroy();
        history.destroy();
      }),
      { numRuns: 60 },
    );
  });

  it('restores one record as it was at a moment and leaves every other record as it is now', async () => {
    await fc.assert(
      fc.asyncProperty(opsArb, fc.nat(), fc.nat(LAST_ROOT), fc.nat(4), async (ops, pick, root, key) => {
        const { live, log, states } = await session(ops);
        fc.pre(states.length > 0);
        const history = WorkspaceHistory.replay(log.map((bytes) => ({ bytes })), DOC_ID);
        const index = pick % states.length;
        const rootName = ROOTS[root] ?? 'organisations';
        const before = stateOf(live);
        const then = history.stateAfter(index);
        restoreRecords(live, then, [{ root: rootName, key: `r${key}` }]);
        const after = stateOf(live);
        for (const r of ROOTS) {
          const expected = { ...before[r] } as Record<string, unknown>;
          if (r === rootName) {
            delete expected[`r${key}`];
            const old = (states[index]?.[r] as Record<string, unknown> | undefined)?.[`r${key}`];
            if (old !== undefined) expected[`r${key}`] = old;
          }
          expect(after[r]).toEqual(expected);
        }
        then.destroy();
        history.destroy();
      }),
      { numRuns: 60 },
    );
  });

  it('names what each change did to each record', async () => {
    const create: Op = { kind: 'create', root: 4, key: 1, title: 'Plan' };
    const { log } = await session([
      [0, create],
      [1, { kind: 'setField', root: 4, key: 1, field: 0, value: 'x' }],
      [0, { kind: 'deleteRecord', root: 4, key: 1 }],
      [1, create],
    ]);
    const history = WorkspaceHistory.replay(log.map((bytes) => ({ bytes })), DOC_ID);
    expect(history.entries.map((e) => [e.signer, e.records.map((r) => [r.root, r.key, r.action, r.fields])])).toEqual([
      ['key-ann', [['documents', 'r1', 'created', []]]],
      ['key-bram', [['documents', 'r1', 'changed', ['f0']]]],
      ['key-ann', [['documents', 'r1', 'deleted', []]]],
      ['key-bram', [['documents', 'r1', 'restored', []]]],
    ]);
    expect(history.lastStateBeforeDeletion('documents', 'r1')).toBe(1);
    history.destroy();
  });

  it('skips a change of another document and a damaged one, and replays a refused one as its placeholder', async () => {
    const { log } = await session([[0, { kind: 'create', root: 0, key: 0, title: 'A' }], [1, { kind: 'setField', root: 0, key: 0, field: 1, value: 'refused' }]]);
    const other = await sealChange({ kind: 'change', documentId: 'elsewhere', signer: 'key-x', at: 1, update: Y.encodeStateAsUpdate(new Y.Doc()) }, noSignature);
    const warnings: string[] = [];
    const history = WorkspaceHistory.replay([{ bytes: log[0] as Uint8Array }, { bytes: other }, { bytes: new Uint8Array([67, 1, 9]) }, { bytes: log[1] as Uint8Array, refused: true }], DOC_ID, (m) => warnings.push(m));
    expect(history.entries.map((e) => e.refused)).toEqual([false, true]);
    expect(warnings).toHaveLength(1);
    const now = history.stateAfter(1);
    expect(now.getMap('organisations').toJSON()).toEqual({ r0: { title: 'A', statement: '', versions: [] } });
    now.destroy();
    history.destroy();
  });
});

describe('undoing one member since a moment', () => {
  it('puts back what that member deleted and changed, and keeps the others’ later work', async () => {
    const { live, log } = await session([
      [0, { kind: 'create', root: 0, key: 0, title: 'Ann’s' }],
      [1, { kind: 'create', root: 4, key: 1, title: 'Bram’s' }],
      [2, { kind: 'deleteRecord', root: 0, key: 0 }],
      [2, { kind: 'setField', root: 4, key: 1, field: 0, value: 'vandalised' }],
      [2, { kind: 'create', root: 8, key: 2, title: 'spam' }],
      [1, { kind: 'setField', root: 4, key: 1, field: 1, value: 'Bram later' }],
      [0, { kind: 'create', root: 6, key: 3, title: 'Ann later' }],
    ]);
    const history = WorkspaceHistory.replay(log.map((bytes) => ({ bytes })), DOC_ID);
    const plan = undoPlan(history, new Set(['key-cas']), 2);
    expect(plan.undone).toBe(3);
    restoreRecords(live, plan.without, plan.records);
    expect(stateOf(live)).toEqual({
      ...Object.fromEntries(ROOTS.map((r) => [r, {}])),
      organisations: { r0: { title: 'Ann’s', statement: '', versions: [] } },
      documents: { r1: { title: 'Bram’s', statement: '', versions: [], f1: 'Bram later' } },
      ideas: { r3: { title: 'Ann later', statement: '', versions: [] } },
    });
    plan.without.destroy();
    history.destroy();
  });

  it('with only that member changing since the moment, gives the state of that moment back', async () => {
    await fc.assert(
      fc.asyncProperty(opsArb, fc.array(opArb, { minLength: 1, maxLength: 10 }), async (before, theirs) => {
        const { live, log, states } = await session([...before, ...theirs.map((op): [number, Op] => [2, op])]);
        const history = WorkspaceHistory.replay(log.map((bytes) => ({ bytes })), DOC_ID);
        const firstTheirs = history.entries.findIndex((e, i) => e.signer === 'key-cas' && history.entries.slice(i).every((later) => later.signer === 'key-cas'));
        fc.pre(firstTheirs >= 0);
        const plan = undoPlan(history, new Set(['key-cas']), firstTheirs);
        restoreRecords(live, plan.without, plan.records);
        expect(stateOf(live)).toEqual(firstTheirs === 0 ? Object.fromEntries(ROOTS.map((r) => [r, {}])) : states[firstTheirs - 1]);
        plan.without.destroy();
        history.destroy();
      }),
      { numRuns: 60 },
    );
  });
});

describe('refusedRestore', () => {
  it('judges a restore as partners will: the creator may put their record back, another member may not', async () => {
    const live = new Y.Doc();
    const doc = new Y.Map<unknown>();
    doc.set('title', 'Netkaart');
    doc.set('createdBy', 'member-bram');
    live.getMap('documents').set('d1', doc);
    const replayable = Y.encodeStateAsUpdate(live);
    const earlier = new Y.Doc();
    Y.applyUpdate(earlier, replayable);
    live.getMap('documents').delete('d1');
    const restore = (d: Y.Doc) => restoreRecords(d, earlier, [{ root: 'documents', key: 'd1' }]);
    const author = (memberId: string, isAdmin = false) => ({ memberId, publicKey: `key-${memberId}`, organisationName: 'Org', isAdmin });
    expect(refusedRestore(live, restore, author('member-bram'), 'workspace')).toEqual([]);
    expect(refusedRestore(live, restore, author('member-ann', true), 'workspace')).toEqual([]);
    expect(refusedRestore(live, restore, author('member-cas'), 'workspace').map((r) => r.rule)).toContain('authorField');
    // A new record under a key never used still has to name its own signer.
    const fresh = (d: Y.Doc) => void d.getMap('documents').set('d2', (earlier.getMap('documents').get('d1') as Y.Map<unknown>).clone());
    expect(refusedRestore(live, fresh, author('member-ann', true), 'workspace').map((r) => r.path.join('/'))).toContain('documents/d2/createdBy');
  });
});

describe('labelOf', () => {
  it('names a record by its last title, also after it was deleted', async () => {
    const { log } = await session([
      [0, { kind: 'create', root: 4, key: 1, title: 'Netkaart' }],
      [1, { kind: 'deleteRecord', root: 4, key: 1 }],
    ]);
    const history = WorkspaceHistory.replay(log.map((bytes) => ({ bytes })), DOC_ID);
    expect(history.labelOf('documents', 'r1')).toBe('Netkaart');
    expect(history.labelOf('documents', 'r9')).toBeUndefined();
    history.destroy();
  });
});

describe('merged and flat changes', () => {
  it('names a record created and deleted within one change (merged offline work) as deleted, and a flat root as one record', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('meta').set('schemaVersion', 1);
    doc.getMap('meta').set('regionId', 'twente');
    doc.getMap('organisations').set('keep', new Y.Map([['name', 'Stedin']]));
    doc.getMap('organisations').set('gone', new Y.Map([['name', 'Kortstondig']]));
    doc.getMap('organisations').delete('gone');
    const merged = Y.mergeUpdates(updates);
    const bytes = await sealChange({ kind: 'change', documentId: DOC_ID, signer: 'key-ann', at: 1, update: merged }, noSignature);
    const history = WorkspaceHistory.replay([{ bytes }], DOC_ID);
    expect(history.entries[0]?.records.map((r) => [r.root, r.key, r.action, r.fields])).toEqual([
      ['meta', 'meta', 'changed', ['regionId', 'schemaVersion']],
      ['organisations', 'keep', 'created', []],
      ['organisations', 'gone', 'deleted', []],
    ]);
    history.destroy();
  });
});
