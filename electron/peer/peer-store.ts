/**
 * What the region peer keeps in its data directory, in LevelDB through
 * existing engines (issue 15; the design is in node-sync.ts):
 *
 * - `documents/`: every document it holds (the workspace and each room), by
 *   y-leveldb, the Yjs adapter for LevelDB. Every update is stored as it
 *   happens, so a peer that is killed loses nothing it had taken.
 * - `changes/`: the signed changes of each document, in the order taken
 *   (the ChangeStore the sync answers partners' catch-ups from, as the app
 *   keeps them in IndexedDB): keys `<document id>!<sequence>`, values the
 *   change and its flags in lib0's encoding. Changes a checkpoint covers are
 *   dropped; the peer keeps no history of its own (the members' apps do).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Level } from 'level';
import { LeveldbPersistence } from 'y-leveldb';
import type * as Y from 'yjs';
import type { ChangeStore, StoredChange } from '../../shared/sync/signed-changes/signed-change-log';

/** Wide enough that keys sort by number for as long as a peer runs. */
const SEQUENCE_DIGITS = 16;
const ROW_VERSION = 1;

function encodeRow(change: StoredChange): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ROW_VERSION);
  encoding.writeVarUint(encoder, (change.refused ? 1 : 0) | (change.restates ? 2 : 0));
  encoding.writeVarUint8Array(encoder, change.bytes);
  return encoding.toUint8Array(encoder);
}

function decodeRow(value: Uint8Array): StoredChange {
  const decoder = decoding.createDecoder(value);
  const version = decoding.readVarUint(decoder);
  if (version !== ROW_VERSION) throw new Error(`a kept change of row version ${version} (this peer reads ${ROW_VERSION})`);
  const flags = decoding.readVarUint(decoder);
  return { bytes: decoding.readVarUint8Array(decoder), refused: (flags & 1) !== 0, restates: (flags & 2) !== 0 };
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, index) => byte === b[index]);

export class PeerStore {
  private constructor(
    private readonly documents: LeveldbPersistence,
    private readonly changes: Level<string, Uint8Array>,
    private readonly warn: (message: string, detail?: unknown) => void,
  ) {}

  static async open(directory: string, warn: (message: string, detail?: unknown) => void = (message, detail) => console.warn(message, detail)): Promise<PeerStore> {
    await mkdir(directory, { recursive: true });
    const changes = new Level<string, Uint8Array>(join(directory, 'changes'), { valueEncoding: 'view' });
    await changes.open();
    return new PeerStore(new LeveldbPersistence(join(directory, 'documents')), changes, warn);
  }

  /** The document as stored (empty when new), kept from then on: every update is stored as it happens. */
  async document(documentId: string): Promise<{ doc: Y.Doc; stop: () => void }> {
    const doc = await this.read(documentId);
    const store = (update: Uint8Array) => {
      this.documents.storeUpdate(documentId, update).catch((error: unknown) => this.warn(`peer store: could not store an update of ${documentId}`, error));
    };
    doc.on('update', store);
    return { doc, stop: () => doc.off('update', store) };
  }

  /** Every document held, by id. */
  async held(): Promise<{ documentId: string }[]> {
    return (await this.documents.getAllDocNames()).map((documentId) => ({ documentId }));
  }

  /** The document as stored, to read: nothing it does afterwards is kept. */
  read(documentId: string): Promise<Y.Doc> {
    return this.documents.getYDoc(documentId);
  }

  changeStore(documentId: string): ChangeStore {
    const prefix = `${documentId}!`;
    const range = { gt: prefix, lt: `${documentId}"` };
    let next: number | undefined;
    const nextSequence = async (): Promise<number> => {
      if (next === undefined) {
        const [last] = await this.changes.keys({ ...range, reverse: true, limit: 1 }).all();
        next = last === undefined ? 0 : Number(last.slice(prefix.length)) + 1;
      }
      return next++;
    };
    const keyOf = (sequence: number) => `${prefix}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
    return {
      load: async () => {
        const rows: StoredChange[] = [];
        for (const [key, value] of await this.changes.iterator(range).all()) {
          try {
            rows.push(decodeRow(value));
          } catch (error) {
            this.warn(`peer store: kept change ${key} does not read`, error);
          }
        }
        return rows;
      },
      append: async (changes) => {
        const batch = [];
        for (const change of changes) batch.push({ type: 'put' as const, key: keyOf(await nextSequence()), value: encodeRow(change) });
        await this.changes.batch(batch);
      },
      compact: async (covered) => {
        const dropping = [];
        for (const [key, value] of await this.changes.iterator(range).all()) {
          let row: StoredChange | undefined;
          try {
            row = decodeRow(value);
          } catch {
            continue;
          }
          if (covered.some((change) => sameBytes(change.bytes, row.bytes))) dropping.push({ type: 'del' as const, key });
        }
        await this.changes.batch(dropping);
      },
    };
  }

  async close(): Promise<void> {
    await this.documents.destroy();
    await this.changes.close();
  }
}
