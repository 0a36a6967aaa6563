import { sha256 } from '@noble/hashes/sha2.js';
import { historySegmentOf } from '../../../shared/history/history-segment';
import type { ChangeStore, StoredChange } from '../../../shared/sync/signed-changes/signed-change-log';
import type { StroomkringDatabase } from './database';

const hashKey = (bytes: Uint8Array): string => Array.from(sha256(bytes).subarray(0, 16)).join(',');

/**
 * The signed changes of one document (workspace or room), in the order this
 * device took them. Those a checkpoint covers move, in one transaction, to a
 * history segment (history-segment-store.ts reads them back).
 */
export function signedChangeStore(db: StroomkringDatabase, documentId: string): ChangeStore {
  return {
    load: async () => (await db.signedChanges.where('documentId').equals(documentId).sortBy('seq')).map(({ bytes, refused, restates }) => ({ bytes, refused: refused === true, restates: restates === true })),
    append: async (changes) => {
      await db.signedChanges.bulkAdd(changes.map(({ bytes, refused, restates }) => ({ documentId, bytes, ...(refused ? { refused: true as const } : {}), ...(restates ? { restates: true as const } : {}) })));
    },
    compact: (covered: readonly StoredChange[]) =>
      db.transaction('rw', db.signedChanges, db.historySegments, async () => {
        const dropping = new Set(covered.map((c) => hashKey(c.bytes)));
        const rows = await db.signedChanges.where('documentId').equals(documentId).toArray();
        // Rows are matched by content: another tab of this browser may have stored the same change under another key.
        const seqs = rows.flatMap((row) => (row.seq !== undefined && dropping.has(hashKey(row.bytes)) ? [row.seq] : []));
        await db.signedChanges.bulkDelete(seqs);
        const segment = historySegmentOf(documentId, covered);
        if (segment) await db.historySegments.add({ documentId, bytes: segment });
      }),
  };
}
