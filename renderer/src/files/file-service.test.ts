import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PIECE_BYTES } from '../../../shared/files/chunking';
import { PIECE_TAG, decodeMessage, encodeControl } from '../../../shared/files/protocol';
import { pseudoRandomBytes } from '../../../shared/sync/pseudo-random-bytes';
import { addDocument, type LibraryScope } from '../../../shared/workspace-doc/documents';
import { openDatabase, type StroomkringDatabase } from '../storage/database';
import { sameBytes } from './same-bytes.test-helper';
import { channelPair, type FakeChannel } from './fake-channel.test-helper';
import { appendPieces, ensureFileRow, readFileBlob, storeLocalFile } from './file-store';
import { FileService } from './file-service';

let counter = 0;
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const SIZE = 5 * PIECE_BYTES + 999;
const BYTES = pseudoRandomBytes(SIZE, 42);
const BIG = { autoDownloadBytes: 1024 ** 3, hardLimitBytes: 1024 ** 3 };

interface Node {
  db: StroomkringDatabase;
  doc: Y.Doc;
  service: FileService;
  logs: string[];
}

async function node(doc: Y.Doc, scope: LibraryScope = 'workspace', settings = BIG, prepare?: (db: StroomkringDatabase) => Promise<unknown>): Promise<Node> {
  const db = openDatabase(`svc-${++counter}`);
  await prepare?.(db);
  const logs: string[] = [];
  const service = new FileService({ db, doc, scope, settings, log: (message) => logs.push(message) });
  cleanups.push(() => {
    service.destroy();
    db.close();
  });
  await service.ready;
  return { db, doc, service, logs };
}

function libraryReferencing(hash: string, size: number): Y.Doc {
  const doc = new Y.Doc();
  addDocument(doc, 'workspace', { title: 'Plan', description: '', tags: [], organisationId: 'org', sensitivity: 'intern' }, { hash, size, type: 'application/pdf', fileName: 'plan.pdf', addedAt: 1, addedBy: 'm' }, 'doc-1');
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

async function holder(bytes = BYTES): Promise<{ node: Node; hash: string }> {
  const scratch = openDatabase(`scratch-${++counter}`);
  const { hash } = await storeLocalFile(scratch, new File([bytes], 'plan.pdf'), BIG);
  scratch.close();
  const n = await node(libraryReferencing(hash, bytes.byteLength), 'workspace', BIG, (db) => storeLocalFile(db, new File([bytes], 'plan.pdf'), BIG));
  return { node: n, hash };
}

function connect(a: Node, b: Node): [FakeChannel, FakeChannel] {
  const [ca, cb] = channelPair();
  a.service.attachChannel(ca);
  b.service.attachChannel(cb);
  ca.open();
  cb.open();
  return [ca, cb];
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const isComplete = (n: Node, hash: string) => async () => (await n.db.files.get(hash))?.complete === true;

async function sameContent(n: Node, hash: string): Promise<boolean> {
  const blob = await readFileBlob(n.db, hash, '');
  return blob !== undefined && sameBytes(new Uint8Array(await blob.arrayBuffer()), BYTES);
}

function wants(channel: FakeChannel): Array<{ from: number; count: number }> {
  return channel.sent.flatMap((frame) => {
    const decoded = decodeMessage(frame);
    return decoded.ok && decoded.message.t === 'want' ? [{ from: decoded.message.from, count: decoded.message.count }] : [];
  });
}

describe('file service', { timeout: 30_000 }, () => {
  it('fetches a referenced file below the automatic limit and verifies it', async () => {
    const { node: a, hash } = await holder();
    const b = await node(copyOf(a.doc));
    connect(a, b);
    await until('complete at B', isComplete(b, hash));
    expect(await sameContent(b, hash)).toBe(true);
    expect(b.service.transferState(hash)).toBeUndefined();
  });

  it('waits for a request when the file is above the automatic limit', async () => {
    const { node: a, hash } = await holder();
    const b = await node(copyOf(a.doc), 'workspace', { autoDownloadBytes: 1024, hardLimitBytes: 1024 ** 3 });
    connect(a, b);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await b.db.files.get(hash)).toBeUndefined();
    b.service.request(hash);
    await until('complete at B', isComplete(b, hash));
  });

  it('resumes from the stored prefix and asks only for the rest', async () => {
    const { node: a, hash } = await holder();
    const b = await node(copyOf(a.doc), 'workspace', { autoDownloadBytes: 1024, hardLimitBytes: 1024 ** 3 });
    await ensureFileRow(b.db, hash, SIZE);
    await appendPieces(b.db, hash, 0, [0, 1, 2].map((i) => new Blob([BYTES.slice(i * PIECE_BYTES, (i + 1) * PIECE_BYTES)])));
    const [, cb] = connect(a, b);
    b.service.request(hash);
    await until('complete at B', isComplete(b, hash));
    expect(wants(cb)).toEqual([{ from: 3, count: 3 }]);
    expect(await sameContent(b, hash)).toBe(true);
  });

  it('after a reload, a partly received file continues by itself, even above the automatic limit', async () => {
    const { node: a, hash } = await holder();
    const b = await node(copyOf(a.doc), 'workspace', { autoDownloadBytes: 1024, hardLimitBytes: 1024 ** 3 }, async (db) => {
      await ensureFileRow(db, hash, SIZE);
      await appendPieces(db, hash, 0, [new Blob([BYTES.slice(0, PIECE_BYTES)])]);
    });
    const [, cb] = connect(a, b);
    await until('complete at B', isComplete(b, hash));
    expect(wants(cb)[0]?.from).toBe(1);
    expect(await sameContent(b, hash)).toBe(true);
  });

  it('continues with another peer when the source goes away mid-transfer', async () => {
    const { node: a, hash } = await holder();
    const c = await node(copyOf(a.doc), 'workspace', BIG, (db) => storeLocalFile(db, new File([BYTES], 'plan.pdf'), BIG));
    const b = await node(copyOf(a.doc));
    const [ab] = connect(a, b);
    // A stops after sending two pieces, then its connection breaks.
    let pieces = 0;
    ab.tamper = (data) => {
      if (typeof data !== 'string' && data[0] === PIECE_TAG && ++pieces > 2) return undefined;
      return data;
    };
    await until('two pieces stored', async () => ((await b.db.files.get(hash))?.storedChunks ?? 0) >= 2);
    ab.close();
    const [, bc] = connect(c, b);
    await until('complete at B', isComplete(b, hash));
    expect(await sameContent(b, hash)).toBe(true);
    expect(wants(bc)[0]?.from).toBe(2);
  });

  it('rejects bytes that do not match the hash, tells the user and fetches from another peer', async () => {
    const { node: good, hash } = await holder();
    // The liar holds a file of the same size whose bytes differ, and claims it is this hash.
    const wrong = pseudoRandomBytes(SIZE, 99);
    const liar = await node(copyOf(good.doc), 'workspace', BIG, async (db) => {
      await ensureFileRow(db, hash, SIZE);
      const pieces = [0, 1, 2, 3, 4, 5].map((i) => new Blob([wrong.slice(i * PIECE_BYTES, (i + 1) * PIECE_BYTES)]));
      await appendPieces(db, hash, 0, pieces);
      await db.files.update(hash, { complete: true });
    });
    const b = await node(copyOf(good.doc));
    const problems: string[] = [];
    b.service.subscribe(() => {
      const problem = b.service.transferState(hash)?.problem;
      if (problem) problems.push(problem);
    });
    connect(liar, b);
    await until('mismatch reported', () => problems.includes('mismatch'));
    expect(b.service.transferState(hash)).toMatchObject({ phase: 'waiting-for-peer', problem: 'mismatch' });
    expect(await b.db.files.get(hash)).toMatchObject({ storedChunks: 0, complete: false });
    connect(good, b);
    await until('complete at B', isComplete(b, hash));
    expect(await sameContent(b, hash)).toBe(true);
  });

  it('serves only files its own library refers to', async () => {
    const { node: a, hash } = await holder();
    // A's other library (say a room) holds the same bytes but does not refer to them.
    const other = await node(new Y.Doc(), 'workspace', BIG, (db) => storeLocalFile(db, new File([BYTES], 'plan.pdf'), BIG));
    const b = await node(copyOf(a.doc));
    const [oc, bo] = connect(other, b);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(oc.sent.some((frame) => typeof frame === 'string' && frame.includes(hash))).toBe(false);
    expect(b.service.transferState(hash)).toMatchObject({ phase: 'waiting-for-peer' });
    // Asking anyway gets a refusal, not bytes.
    bo.send(encodeControl({ t: 'want', hash, from: 0, count: 2 }));
    await until('refusal', () => oc.sent.some((frame) => frame === encodeControl({ t: 'none', hash })));
    expect(oc.sent.some((frame) => typeof frame !== 'string')).toBe(false);
  });

  it('drops garbage from a peer, logs it and keeps working', async () => {
    const { node: a, hash } = await holder();
    const b = await node(copyOf(a.doc));
    const [ca] = connect(a, b);
    ca.send('{"t":"want","hash":"nope"}');
    ca.send(new Uint8Array([1, 2, 3]));
    ca.send(new Uint8Array(200).fill(PIECE_TAG));
    await until('complete at B', isComplete(b, hash));
    expect(b.logs.some((m) => m.includes('malformed'))).toBe(true);
    expect(await sameContent(b, hash)).toBe(true);
  });
});
