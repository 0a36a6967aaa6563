import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys, sign, verifyWithPublicKeyText, type IdentityKeys } from '../../crypto/identity-keys';
import { decodeHistorySegment, historyChangesOf } from '../../history/history-segment';
import { WorkspaceHistory } from '../../history/workspace-history';
import type { WriteAuthor } from '../../rules/write-rules';
import { openChange } from './change-envelope';
import { memoryChangeStore, type MemoryChangeStore } from './memory-change-store.test-helper';
import { SignedChangeLog, type AuthorStanding, type StoredChange } from './signed-change-log';

const REMOTE = Symbol('remote');
const EVERY = 5;

const memoryStore = (initial: StoredChange[] = []) => memoryChangeStore('ws-1', initial);

interface Device {
  readonly doc: Y.Doc;
  readonly log: SignedChangeLog;
  readonly store: MemoryChangeStore;
  /** Everything this device sent: its own changes and its checkpoints. */
  readonly sent: Uint8Array[];
}

/** `state`: the document as y-dexie loads it, before the log opens. */
async function device(keys: IdentityKeys, founder: IdentityKeys, members: Map<string, WriteAuthor>, store = memoryStore(), state?: Uint8Array): Promise<Device> {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state, REMOTE);
  const log = new SignedChangeLog(doc, {
    documentId: 'ws-1',
    kind: 'workspace',
    signer: { publicKeyB64: keys.publicKeyB64, sign: (m) => sign(keys.privateKey, m) },
    standingOf: async (key): Promise<AuthorStanding> => {
      const author = members.get(key);
      return author ? { kind: 'member', author } : { kind: 'unknown' };
    },
    founderKey: () => founder.publicKeyB64,
    verify: verifyWithPublicKeyText,
    store,
    checkpointEvery: EVERY,
  });
  const sent: Uint8Array[] = [];
  log.onCheckpoint((change) => sent.push(change));
  // Sealed one after another, as mesh-sync does: changes go out in the order they were made.
  let sealing = Promise.resolve();
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE) return;
    sealing = sealing.then(async () => {
      sent.push(await log.seal(update));
    });
  });
  await log.open();
  return { doc, log, store, sent };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const kinds = (rows: readonly StoredChange[]) => rows.map((row) => openChange(row.bytes).kind);

async function region() {
  const [anneKeys, bramKeys] = [await generateIdentityKeys(), await generateIdentityKeys()];
  const members = new Map<string, WriteAuthor>([
    [anneKeys.publicKeyB64, { memberId: 'anne', publicKey: anneKeys.publicKeyB64, organisationName: 'Gemeente', isAdmin: true }],
    [bramKeys.publicKeyB64, { memberId: 'bram', publicKey: bramKeys.publicKeyB64, organisationName: 'Liander', isAdmin: false }],
  ]);
  return { anneKeys, bramKeys, members };
}

/** Anne (the founder) adds and renames ideas, deleting some: `count` changes. */
function anneWorks(doc: Y.Doc, count: number, from = 0): void {
  const ideas = doc.getMap<Y.Map<unknown>>('ideas');
  for (let i = from; i < from + count; i++) {
    const key = `i${i % 3}`;
    const idea = ideas.get(key);
    if (idea && i % 4 === 0) ideas.delete(key);
    else if (idea) idea.set('title', `Idee ${i}`);
    else ideas.set(key, new Y.Map<unknown>([['createdBy', 'anne'], ['title', `Idee ${i}`]]));
  }
}

describe('checkpoints of the signed change log', () => {
  it("on the founder's device stand in for the changes they cover: the store keeps those as history, and a fresh partner catches up from the checkpoint", async () => {
    const { anneKeys, bramKeys, members } = await region();
    const anne = await device(anneKeys, anneKeys, members);
    anneWorks(anne.doc, EVERY);
    await settle();
    anneWorks(anne.doc, 2, EVERY);
    await settle();
    await anne.log.stored();
    expect(kinds(anne.store.rows)).toEqual(['checkpoint', 'change', 'change']);
    expect(anne.store.segments).toHaveLength(1);
    expect(decodeHistorySegment(anne.store.segments[0] ?? new Uint8Array(), 'ws-1')).toHaveLength(EVERY);

    const bram = await device(bramKeys, anneKeys, members);
    const lacking = anne.log.covering(Y.snapshot(bram.doc));
    expect(kinds(lacking.map((bytes) => ({ bytes })))).toEqual(['checkpoint', 'change', 'change']);
    await bram.log.receive(lacking, REMOTE);
    expect(bram.doc.getMap('ideas').toJSON()).toEqual(anne.doc.getMap('ideas').toJSON());
    expect(bram.log.refusals()).toEqual([]);
  });

  it('a partner who holds everything a received checkpoint covers drops those changes, and takes them as known when they come again', async () => {
    const { anneKeys, bramKeys, members } = await region();
    const anne = await device(anneKeys, anneKeys, members);
    const bram = await device(bramKeys, anneKeys, members);
    anneWorks(anne.doc, EVERY - 1);
    await settle();
    const early = [...anne.sent];
    await bram.log.receive(early, REMOTE);
    await bram.log.stored();
    expect(bram.store.rows).toHaveLength(EVERY - 1);
    anneWorks(anne.doc, 1, EVERY - 1);
    await settle();
    anneWorks(anne.doc, 1, EVERY);
    await settle();
    await bram.log.receive(anne.sent.slice(early.length), REMOTE);
    await bram.log.stored();
    expect(kinds(bram.store.rows)).toEqual(['checkpoint', 'change']);
    expect(bram.store.segments).toHaveLength(1);
    // A relay that kept an old change hands it on again: nothing to apply or keep.
    await bram.log.receive(early, REMOTE);
    await bram.log.stored();
    expect(bram.store.rows).toHaveLength(2);
    expect(bram.doc.getMap('ideas').toJSON()).toEqual(anne.doc.getMap('ideas').toJSON());
  });

  it('refuses a checkpoint signed by anyone but the founder, and applies nothing of it', async () => {
    const { anneKeys, bramKeys, members } = await region();
    const anne = await device(anneKeys, anneKeys, members);
    // Bram thinks he founded it: his device seals checkpoints.
    const bram = await device(bramKeys, bramKeys, members);
    bram.doc.getMap('ideas').set('mine', new Y.Map<unknown>([['createdBy', 'anne'], ['title', 'Niet van Bram']]));
    for (let i = 0; i < EVERY; i++) bram.doc.getMap('ideas').set(`b${i}`, new Y.Map<unknown>([['createdBy', 'bram']]));
    await settle();
    const checkpoint = bram.sent.find((bytes) => openChange(bytes).kind === 'checkpoint');
    expect(checkpoint).toBeDefined();
    await anne.log.receive(checkpoint ? [checkpoint] : [], REMOTE);
    expect(anne.doc.getMap('ideas').size).toBe(0);
    expect(anne.log.refusals().map((r) => r.cause.kind)).toEqual(['notFounder']);
  });

  it('after a crash between storing a checkpoint and compacting, opening compacts what it covers', async () => {
    const { anneKeys, members } = await region();
    const anne = await device(anneKeys, anneKeys, members);
    anneWorks(anne.doc, EVERY);
    await settle();
    anneWorks(anne.doc, 1, EVERY);
    await settle();
    await anne.log.stored();
    const segment = anne.store.segments[0];
    if (!segment) throw new Error('no segment');
    const covered = decodeHistorySegment(segment, 'ws-1');
    // The rows as they were before the compaction: the covered changes still there, the checkpoint after them.
    const stored = await memoryStore(anne.store.rows).load();
    const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);
    const coveredRows = anne.sent.filter((bytes) => covered.some((c) => same(openChange(bytes).update, c.update)));
    expect(coveredRows).toHaveLength(EVERY);
    const crashed = memoryStore([...coveredRows.map((bytes) => ({ bytes })), ...stored]);
    const reopened = await device(anneKeys, anneKeys, members, crashed, Y.encodeStateAsUpdate(anne.doc));
    await reopened.log.stored();
    expect(kinds(crashed.rows)).toEqual(['checkpoint', 'change']);
    expect(crashed.segments).toHaveLength(1);
  });

  it('the history read from segments and the kept log is the history of every change one by one', async () => {
    const { anneKeys, bramKeys, members } = await region();
    const anne = await device(anneKeys, anneKeys, members);
    const bram = await device(bramKeys, anneKeys, members);
    const all: Uint8Array[] = [];
    for (let round = 0; round < 4; round++) {
      anneWorks(anne.doc, 3, round * 3);
      await settle();
      const fromAnne = anne.sent.splice(0);
      all.push(...fromAnne.filter((bytes) => openChange(bytes).kind === 'change'));
      await bram.log.receive(fromAnne, REMOTE);
    }
    await bram.log.stored();
    expect(bram.store.segments.length).toBeGreaterThan(0);
    const compacted = bram.store.segments.flatMap((segment) => decodeHistorySegment(segment, 'ws-1'));
    const fromStore = WorkspaceHistory.replayChanges([...compacted, ...historyChangesOf(bram.store.rows, 'ws-1')]);
    const oneByOne = WorkspaceHistory.replay(
      all.map((bytes) => ({ bytes })),
      'ws-1',
    );
    const words = (history: WorkspaceHistory) => history.entries.map(({ signer, at, kind, records }) => ({ signer, at, kind, records }));
    expect(words(fromStore)).toEqual(words(oneByOne));
    const last = fromStore.entries.length - 1;
    for (let i = 0; i <= last; i++) {
      const [a, b] = [fromStore.stateAfter(i), oneByOne.stateAfter(i)];
      expect(a.getMap('ideas').toJSON()).toEqual(b.getMap('ideas').toJSON());
      a.destroy();
      b.destroy();
    }
  });
});
