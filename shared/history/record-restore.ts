/**
 * Putting a record back as it was (issue 13, item 1), as one new change on
 * top of everyone's later work: never a rewind of the document.
 *
 * A record is a top-level entry of a root map (an organisation, a document,
 * a goal, ...). Restoring it copies its content as it stands in an earlier
 * state (workspace-history.ts) into a fresh Yjs type under the same key
 * (Y.AbstractType.clone, deep), or deletes the key when the record did not
 * exist then. Other records are untouched, so partners' later work on them
 * stays; the restored record itself takes its earlier content, which is
 * what "as it was at that moment" asks.
 *
 * Undoing one member's changes since a moment replays the history without
 * those changes (their later dependants, which Yjs cannot place without
 * them, drop out too) and restores every record they touched to that
 * replay's state. Others' later work on the same records, where it did not
 * build on the undone changes, is in that replay and so is kept.
 *
 * Signed records (membership, mandates) and the workspace's meta are never
 * restored: they are add-only or the founder's, and the write rules would
 * refuse it. Every restore is checked against the write rules first
 * (`refusedRestore`), so the screen can say who may do it instead of
 * sending a change that partners refuse.
 */
import * as Y from 'yjs';
import { updateEffects } from '../rules/update-effects';
import { refusedEffects, type DocumentKind, type RefusedEffect, type WriteAuthor } from '../rules/write-rules';
import { ROOT } from '../workspace-doc/schema';
import type { WorkspaceHistory } from './workspace-history';

export interface RecordRef {
  readonly root: string;
  readonly key: string;
}

const NOT_RESTORABLE: ReadonlySet<string> = new Set([ROOT.membership, ROOT.mandates, ROOT.meta, 'roomKeys', 'roomMeta']);

export const isRestorable = (root: string): boolean => !NOT_RESTORABLE.has(root);

const sameRecord = (a: unknown, b: unknown): boolean => JSON.stringify(a instanceof Y.AbstractType ? a.toJSON() : a) === JSON.stringify(b instanceof Y.AbstractType ? b.toJSON() : b);

/** Writes `records` of `target` as `source` holds them (deleting those `source` lacks); unchanged ones are left alone. Returns those written. */
export function restoreRecords(target: Y.Doc, source: Y.Doc, records: readonly RecordRef[], origin: unknown = null): RecordRef[] {
  const written: RecordRef[] = [];
  target.transact(() => {
    for (const record of records) {
      if (!isRestorable(record.root)) continue;
      const from = source.getMap<unknown>(record.root);
      const to = target.getMap<unknown>(record.root);
      const then = from.get(record.key);
      if (!from.has(record.key)) {
        if (!to.has(record.key)) continue;
        to.delete(record.key);
      } else {
        if (to.has(record.key) && sameRecord(to.get(record.key), then)) continue;
        to.set(record.key, then instanceof Y.AbstractType ? then.clone() : then);
      }
      written.push(record);
    }
  }, origin);
  return written;
}

/** The records a set of entries touched, once each, restorable ones only. */
function recordsOf(history: WorkspaceHistory, indices: ReadonlySet<number>): RecordRef[] {
  const seen = new Map<string, RecordRef>();
  for (const entry of history.entries) {
    if (!indices.has(entry.index)) continue;
    for (const { root, key } of entry.records) if (isRestorable(root)) seen.set(JSON.stringify([root, key]), { root, key });
  }
  return [...seen.values()];
}

/** What undoing `signers`' changes from entry `fromIndex` on would do: the replay without them (caller destroys it) and the records to restore. */
export function undoPlan(history: WorkspaceHistory, signers: ReadonlySet<string>, fromIndex: number): { without: Y.Doc; records: RecordRef[]; undone: number } {
  const undone = new Set(history.entries.filter((e) => e.index >= fromIndex && signers.has(e.signer) && !e.refused).map((e) => e.index));
  return { without: history.replayWithout(undone), records: recordsOf(history, undone), undone: undone.size };
}

/**
 * The write rules `act` would break if `author` did it to `live`: it is run
 * on a copy, and its update judged as partners will judge it on receive.
 */
export function refusedRestore(live: Y.Doc, act: (doc: Y.Doc) => void, author: WriteAuthor, kind: DocumentKind): RefusedEffect[] {
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live));
    const before = Y.encodeStateVector(scratch);
    act(scratch);
    const update = Y.encodeStateAsUpdate(scratch, before);
    // The update carries the copy's whole delete set; updateEffects keeps only what the live document has not deleted yet.
    return refusedEffects(live, updateEffects(live, update).effects, author, kind);
  } finally {
    scratch.destroy();
  }
}
