/**
 * What keeping history costs (issue 13): one workspace after 10,000 edits
 * and deletes, made on the founder's device through the app's own code (the
 * signed-change log with its checkpoints, Dexie, y-dexie) and stored twice
 * on fake-indexeddb: once as the app keeps it (the document, the newest
 * checkpoint and the changes after it, and the history segments the
 * checkpoints left) and once without history (the same, without the
 * segments: what a device must keep anyway to prove the state to partners).
 * Prints, as ratios against the workspace without history:
 *   - bytes stored: the row payloads, and as Chromium's LevelDB would write
 *     them (Snappy over blocks of about 4 KiB; estimated with snappyjs),
 *     also against the document alone;
 *   - time to the first usable screen (the document loaded by y-dexie) and
 *     time until sync is ready (the kept log opened too);
 *   - time to build the history view (the replay, only when opened).
 * Then the workspace file on a 200 MB workspace: export (archive, encrypt)
 * and import (decrypt, read) in MB/s, against SHA-256 of the same bytes as
 * the machine's baseline in the same run.
 */
import 'fake-indexeddb/auto';
import { compress } from 'snappyjs';
import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { readArchive, writeArchive, type WorkspaceArchive } from '../shared/backup/workspace-archive';
import { openWorkspaceFile, sealWorkspaceFile } from '../shared/backup/workspace-file';
import { generateIdentityKeys, sign, verifyWithPublicKeyText } from '../shared/crypto/identity-keys';
import { WorkspaceHistory } from '../shared/history/workspace-history';
import { SignedChangeLog } from '../shared/sync/signed-changes/signed-change-log';
import { openDatabase, WORKSPACE_UPDATES_TABLE, type StroomkringDatabase } from '../renderer/src/storage/database';
import { loadHistoryChanges } from '../renderer/src/storage/history-segment-store';
import { signedChangeStore } from '../renderer/src/storage/signed-change-store';
import { memoryChangeStore } from '../shared/sync/signed-changes/memory-change-store.test-helper';
import type { ChangeStore } from '../shared/sync/signed-changes/signed-change-log';
import { insertWorkspace } from '../renderer/src/storage/workspace-store';

const EDITS = Number(process.env.HISTORY_EDITS ?? 10_000);
const ARCHIVE_MB = Number(process.env.HISTORY_ARCHIVE_MB ?? 200);
/** Opens alternate which workspace goes first, so drift in machine load hits both alike. */
const ROUNDS = 9;
const ID = 'bench-history';

/** A member's day: organisations and ideas added, renamed, described, and some deleted again. */
function edit(doc: Y.Doc, i: number): void {
  const root = doc.getMap<unknown>(i % 3 === 0 ? 'ideas' : 'organisations');
  const key = `r${i % 400}`;
  const record = root.get(key);
  if (!(record instanceof Y.Map) || i % 17 === 0) {
    if (record instanceof Y.Map && i % 34 === 0) root.delete(key);
    else root.set(key, new Y.Map<unknown>([['name', `Organisatie ${i}`], ['createdBy', 'anne'], ['createdAt', i]]));
    return;
  }
  record.set(i % 2 === 0 ? 'name' : 'description', `Tekst ${i} ${'x'.repeat(i % 40)}`);
}

/** Edits between two waits for their signatures: a member's burst of work. */
const BURST = 50;

/**
 * The edits made in memory on the founder's device, every change signed and
 * checkpointed as the app does; then stored as a device holds them after
 * y-dexie's compaction (the document as one update). Stored in bulk:
 * fake-indexeddb inserts one row at a time in linear time, which would
 * measure fake-indexeddb, not the app.
 */
async function build(dbs: { with: StroomkringDatabase; without: StroomkringDatabase }, keys: Awaited<ReturnType<typeof generateIdentityKeys>>): Promise<{ signMs: number; segments: number }> {
  const doc = new Y.Doc();
  const store = memoryChangeStore(ID);
  const log = logFor(doc, store, keys);
  await log.open();
  const sealing: Promise<Uint8Array>[] = [];
  doc.on('update', (update: Uint8Array) => sealing.push(log.seal(update)));
  const start = performance.now();
  for (let i = 0; i < EDITS; i++) {
    edit(doc, i);
    if (i % BURST === BURST - 1) await Promise.all(sealing);
  }
  await Promise.all(sealing);
  await log.stored();
  const signMs = performance.now() - start;
  for (const db of [dbs.with, dbs.without]) {
    await insertWorkspace(db, { id: ID, regionId: 'holland-rijnland', name: 'RES', createdAt: 0, lastOpenedAt: 0 }, doc, { workspaceId: ID, key: 'k'.repeat(43), peerHubs: [] });
    await db.signedChanges.bulkAdd(store.rows.map(({ bytes, restates }) => ({ documentId: ID, bytes, ...(restates ? { restates: true as const } : {}) })));
  }
  await dbs.with.historySegments.bulkAdd(store.segments.map((bytes) => ({ documentId: ID, bytes })));
  return { signMs, segments: store.segments.length };
}

function logFor(doc: Y.Doc, store: ChangeStore, keys: Awaited<ReturnType<typeof generateIdentityKeys>>): SignedChangeLog {
  return new SignedChangeLog(doc, {
    documentId: ID,
    kind: 'workspace',
    signer: { publicKeyB64: keys.publicKeyB64, sign: (m) => sign(keys.privateKey, m) },
    standingOf: async () => ({ kind: 'member', author: { memberId: 'anne', publicKey: keys.publicKeyB64, organisationName: 'Gemeente', isAdmin: true } }),
    founderKey: () => keys.publicKeyB64,
    verify: verifyWithPublicKeyText,
    store,
  });
}

/** LevelDB (Chromium's IndexedDB backend) stores rows in blocks of about 4 KiB, each Snappy-compressed. */
const BLOCK_BYTES = 4096;

function inBlocks(rows: readonly Uint8Array[]): number {
  let total = 0;
  let block: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    if (block.length === 0) return;
    const joined = new Uint8Array(size);
    let at = 0;
    for (const row of block) {
      joined.set(row, at);
      at += row.length;
    }
    total += compress(joined).length;
    block = [];
    size = 0;
  };
  for (const row of rows) {
    block.push(row);
    size += row.length;
    if (size >= BLOCK_BYTES) flush();
  }
  flush();
  return total;
}

interface Stored {
  readonly document: number;
  readonly log: number;
  readonly history: number;
  readonly documentOnDisk: number;
  readonly logOnDisk: number;
  readonly historyOnDisk: number;
}

async function storedBytes(db: StroomkringDatabase): Promise<Stored> {
  const updates = ((await db.table(WORKSPACE_UPDATES_TABLE).toArray()) as { u?: Uint8Array }[]).flatMap((r) => (r.u ? [r.u] : []));
  const changes = (await db.signedChanges.toArray()).map((r) => r.bytes);
  const segments = (await db.historySegments.toArray()).map((r) => r.bytes);
  const sum = (rows: Uint8Array[]) => rows.reduce((n, r) => n + r.length, 0);
  return { document: sum(updates), log: sum(changes), history: sum(segments), documentOnDisk: inBlocks(updates), logOnDisk: inBlocks(changes), historyOnDisk: inBlocks(segments) };
}

const total = (s: Stored) => s.document + s.log + s.history;
const onDisk = (s: Stored) => s.documentOnDisk + s.logOnDisk + s.historyOnDisk;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function open(db: StroomkringDatabase, keys: Awaited<ReturnType<typeof generateIdentityKeys>>): Promise<{ screenMs: number; syncMs: number }> {
  const start = performance.now();
  const row = await db.workspaces.get(ID);
  if (!row) throw new Error('no row');
  const provider = DexieYProvider.load(row.doc);
  await provider.whenLoaded;
  const screenMs = performance.now() - start;
  await logFor(row.doc, signedChangeStore(db, ID), keys).open();
  const syncMs = performance.now() - start;
  DexieYProvider.release(row.doc);
  return { screenMs, syncMs };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function fileThroughput(): Promise<{ exportMBs: number; importMBs: number; sha256MBs: number }> {
  const bytes = new Uint8Array(ARCHIVE_MB * 1_000_000);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) & 255;
  const files = new Map<string, Uint8Array>();
  const per = 8_000_000;
  for (let i = 0; i * per < bytes.length; i++) files.set(i.toString(16).padStart(64, '0'), bytes.subarray(i * per, (i + 1) * per));
  const archive: WorkspaceArchive = {
    manifest: { format: 'stroomkring-workspace', version: 1, exportedAt: 0, exportedBy: 'bench', workspace: { id: ID, name: 'RES', regionId: 'x', createdAt: 0 }, access: { key: 'k'.repeat(43), peerHubs: [] }, rooms: [], files: [...files].map(([hash, b]) => ({ hash, size: b.length })) },
    documents: [{ id: ID, changes: [], state: new Uint8Array([0, 0]), content: {} }],
    files,
  };
  const mb = bytes.length / 1_000_000;
  let t = performance.now();
  await crypto.subtle.digest('SHA-256', bytes);
  const sha256MBs = mb / ((performance.now() - t) / 1000);
  t = performance.now();
  const file = await sealWorkspaceFile(writeArchive(archive), { kind: 'workspaceKey', key: 'k'.repeat(43) });
  const exportMBs = mb / ((performance.now() - t) / 1000);
  t = performance.now();
  const back = readArchive(await openWorkspaceFile(file, ['k'.repeat(43)]));
  const importMBs = mb / ((performance.now() - t) / 1000);
  if (back.files.size !== files.size) throw new Error('import lost files');
  return { exportMBs, importMBs, sha256MBs };
}

async function main(): Promise<void> {
  const keys = await generateIdentityKeys();
  const withDb = openDatabase('bench-with-history');
  const withoutDb = openDatabase('bench-without-history');
  const { signMs, segments } = await build({ with: withDb, without: withoutDb }, keys);

  const opens = { with: [] as { screenMs: number; syncMs: number }[], without: [] as { screenMs: number; syncMs: number }[] };
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) opens.without.push(await open(withoutDb, keys));
    opens.with.push(await open(withDb, keys));
    if (round % 2 === 1) opens.without.push(await open(withoutDb, keys));
  }
  const withBytes = await storedBytes(withDb);
  const withoutBytes = await storedBytes(withoutDb);

  const t = performance.now();
  const history = WorkspaceHistory.replayChanges(await loadHistoryChanges(withDb, ID, (message) => console.warn(message)));
  const replayMs = performance.now() - t;
  const entries = history.entries.length;
  history.destroy();

  const screenWith = median(opens.with.map((o) => o.screenMs));
  const screenWithout = median(opens.without.map((o) => o.screenMs));
  const syncWith = median(opens.with.map((o) => o.syncMs));
  const syncWithout = median(opens.without.map((o) => o.syncMs));
  const kept = (await withDb.signedChanges.count()).toString();
  console.log(`bench:history — ${EDITS} edits and deletes on the founder's device, median of ${ROUNDS} opens (fake-indexeddb, the app's storage code)`);
  console.log(`  edits made, signed and checkpointed in ${signMs.toFixed(0)} ms`);
  console.log(`  document alone:           ${kib(withoutBytes.document)} (${kib(withoutBytes.documentOnDisk)} on disk)`);
  console.log(`  without history:          ${kib(total(withoutBytes))} = document + ${kept} kept changes: the newest checkpoint and what came after it (${kib(onDisk(withoutBytes))} on disk) (baseline)`);
  console.log(`  with history:             ${kib(total(withBytes))} = that + ${segments} history segments of ${kib(withBytes.history)} (${kib(onDisk(withBytes))} on disk)`);
  console.log(`  first screen:             ${screenWithout.toFixed(1)} ms without (baseline), ${screenWith.toFixed(1)} ms with history`);
  console.log(`  sync ready:               ${syncWithout.toFixed(1)} ms without, ${syncWith.toFixed(1)} ms with history (the kept log opened after the screen shows)`);
  console.log(`  history view (replay):    ${replayMs.toFixed(0)} ms for ${entries} entries, only when opened`);
  const files = await fileThroughput();
  console.log(`  workspace file, ${ARCHIVE_MB} MB: export ${files.exportMBs.toFixed(0)} MB/s, import ${files.importMBs.toFixed(0)} MB/s; SHA-256 of the same bytes ${files.sha256MBs.toFixed(0)} MB/s (baseline)`);
  console.log(`  export ratio: ${(files.exportMBs / files.sha256MBs).toFixed(2)}, import ratio: ${(files.importMBs / files.sha256MBs).toFixed(2)}`);
  console.log(`  against the document alone: stored ${(total(withBytes) / withoutBytes.document).toFixed(2)}, on disk ${(onDisk(withBytes) / withoutBytes.documentOnDisk).toFixed(2)}`);
  console.log(`stored ratio: ${(total(withBytes) / total(withoutBytes)).toFixed(2)}`);
  console.log(`disk ratio: ${(onDisk(withBytes) / onDisk(withoutBytes)).toFixed(2)} (target ≤ 3)`);
  console.log(`sync-ready ratio: ${(syncWith / syncWithout).toFixed(2)}`);
  console.log(`open ratio: ${(screenWith / screenWithout).toFixed(2)} (target ≤ 1.5)`);
  withDb.close();
  withoutDb.close();
}

void main();
