import { sha256 } from '@noble/hashes/sha2.js';
import { historySegmentOf } from '../../../shared/history/history-segment';
import { openChange } from '../../../shared/sync/signed-changes/change-envelope';
import { hashOf, summarise } from '../../../shared/sync/signed-changes/change-summary';
import type { ChangeStore, StoredChange } from '../../../shared/sync/signed-changes/signed-change-log';
import type { SignedChangeRow, StroomkringDatabase } from './database';

const hashKey = (bytes: Uint8Array): string => Array.from(sha256(bytes).subarray(0, 16)).join(',');

/**
 * The signed changes of one document (workspace or room), in the order this
 * device took them. Those a checkpoint covers move, in one transaction, to a
 * history segment (history-segment-store.ts reads them back).
 */
/**
 * Rows kept before changes were stored with their summary get one, once, so
 * that later openings need not decode them (a baseline holds the whole
 * workspace). A row that does not open is left as it is: the log reports it.
 */
async function withSummaries(db: StroomkringDatabase, rows: SignedChangeRow[]): Promise<void> {
  const missing = rows.filter((row) => row.summary === undefined);
  for (const row of missing) {
    try {
      row.summary = summarise(openChange(row.bytes).update, hashOf(row.bytes), row.refused === true);
    } catch {
      // Damaged: stays without a summary.
    }
  }
  const updates = missing.flatMap((row) => (row.seq !== undefined && row.summary !== undefined ? [{ key: row.seq, changes: { summary: row.summary } }] : []));
  // An update, never a put: a row compacted away meanwhile must not come back.
  if (updates.length > 0) await db.signedChanges.bulkUpdate(updates).catch((error: unknown) => console.warn('signed changes: could not store summaries', error));
}

export function signedChangeStore(db: StroomkringDatabase, documentId: string): ChangeStore {
  return {
    load: async () => {
      const rows = await db.signedChanges.where('documentId').equals(documentId).sortBy('seq');
      await withSummaries(db, rows);
      return rows.map(({ bytes, refused, restates, summary }) => ({ bytes, refused: refused === true, restates: restates === true, summary }));
    },
    append: async (changes) => {
      await db.signedChanges.bulkAdd(
        changes.map(({ bytes, refused, restates, summary }) => ({ documentId, bytes, ...(refused ? { refused: true as const } : {}), ...(restates ? { restates: true as const } : {}), ...(summary === undefined ? {} : { summary }) })),
      );
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
