import { decodeHistorySegment, historyChangesOf, HistorySegmentError, type HistoryChange } from '../../../shared/history/history-segment';
import type { StroomkringDatabase } from './database';
import { signedChangeStore } from './signed-change-store';

/**
 * A document's whole history as this device holds it, oldest first: the
 * history segments (changes a checkpoint stands in for) and then the kept
 * signed changes. A segment that does not read is skipped and reported, so
 * one damaged row hides its own stretch of history, not all of it.
 */
export async function loadHistoryChanges(db: StroomkringDatabase, documentId: string, warn: (message: string, detail?: unknown) => void): Promise<HistoryChange[]> {
  const [segments, kept] = await Promise.all([db.historySegments.where('documentId').equals(documentId).sortBy('seq'), signedChangeStore(db, documentId).load()]);
  const changes: HistoryChange[] = [];
  for (const segment of segments) {
    try {
      changes.push(...decodeHistorySegment(segment.bytes, documentId));
    } catch (error) {
      warn(`history: segment ${segment.seq ?? '?'} does not read (${error instanceof HistorySegmentError ? error.problem : 'damaged'})`, error);
    }
  }
  return [...changes, ...historyChangesOf(kept, documentId, warn)];
}

/** The segments as stored, oldest first (for a workspace file). */
export async function historySegments(db: StroomkringDatabase, documentId: string): Promise<Uint8Array[]> {
  return (await db.historySegments.where('documentId').equals(documentId).sortBy('seq')).map((row) => row.bytes);
}
