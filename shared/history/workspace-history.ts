/**
 * A document's history (issue 13, item 1): who changed which record when,
 * and the document as it was after any change, rebuilt from the changes
 * every device keeps anyway.
 *
 * Design. y-dexie stores the live document compacted (garbage collection
 * on), so no earlier state can be read from it. The changes are the update
 * log: the signed changes this device keeps to answer partners' catch-ups
 * (shared/sync/signed-changes), and before them the history segments that
 * checkpoints left (history-segment.ts: the changes a founder's checkpoint
 * stands in for, without their signatures). History is therefore not a
 * second copy of the document but a replay of that log into a document with
 * garbage collection off, made only when someone opens the history (opening
 * the workspace never pays for it). While replaying, each change's effects
 * (shared/rules/update-effects.ts) are summed per record into an entry, and
 * the state vector after it is remembered; the state after change i is then
 * a Yjs snapshot (that state vector and the deletions of changes 0..i) read
 * from the replayed document with Y.createDocFromSnapshot. A refused change
 * is replayed as the placeholder the live document took (its clocks only),
 * so the replay ends where the live document is. A checkpoint is an entry
 * only where it brought something the changes before it did not (a device
 * that joined after it starts its history there).
 *
 * Cost (bench:history, 10,000 edits and deletes on 800 records): opening is
 * unchanged (the document loads as before; the kept log, now a checkpoint
 * and what came after it, opens after the screen shows); the replay takes
 * about 0.6 s when the history opens; the segments take about 16 bytes per
 * change on disk, so the workspace with history is about 2.9 times the
 * workspace without (the document, the checkpoint and the changes after it).
 */
import * as Y from 'yjs';
import { updateEffects } from '../rules/update-effects';
import { heldDeletedEntry, lastMapEntry } from '../rules/write-rules';
import type { ChangeKind } from '../sync/signed-changes/change-envelope';
import { describeUpdate, mergedDeletions, type Deletions } from '../sync/signed-changes/delete-coverage';
import { refusedPlaceholder } from '../sync/signed-changes/refused-placeholder';
import type { StoredChange } from '../sync/signed-changes/signed-change-log';
import { historyChangesOf, type HistoryChange } from './history-segment';

export type RecordAction = 'created' | 'changed' | 'deleted' | 'restored';

/** What one change did to one record: a top-level entry of a root map. */
export interface RecordChange {
  readonly root: string;
  readonly key: string;
  readonly action: RecordAction;
  /** The record's fields it wrote or deleted (for 'changed'), sorted. */
  readonly fields: readonly string[];
}

export interface HistoryEntry {
  /** Position in the replay: the state "after entry i" is `stateAfter(i)`. */
  readonly index: number;
  readonly signer: string;
  /** The signer's clock when it signed, ms. */
  readonly at: number;
  readonly kind: ChangeKind;
  /** Refused on receive: it changed nothing here. */
  readonly refused: boolean;
  readonly records: readonly RecordChange[];
}

/** The fields a record's label is read from, in order. */
const LABEL_FIELDS = ['name', 'title', 'displayName'] as const;

interface Step {
  /** What was applied (a refused change's placeholder). */
  readonly update: Uint8Array;
  readonly sv: ReadonlyMap<number, number>;
  readonly deletions: Deletions;
}

/** Roots that are one flat record (their keys are fields): meta and settings. */
const FLAT_ROOTS: ReadonlySet<string> = new Set(['meta', 'workspaceSettings', 'roomMeta']);

/**
 * What an update does per record, judged before it is applied; `after` then
 * corrects records it both created and deleted (offline work goes out as one
 * merged change, which can hold both).
 */
function summarise(doc: Y.Doc, update: Uint8Array): { records: RecordChange[]; after: () => RecordChange[] } {
  const byRecord = new Map<string, { root: string; key: string; inserted: boolean; deleted: boolean; fields: Set<string> }>();
  for (const effect of updateEffects(doc, update).effects) {
    const [root, rawKey, rawField] = effect.path;
    if (root === undefined || rawKey === undefined) continue;
    const flat = FLAT_ROOTS.has(root);
    const key = flat ? root : rawKey;
    const field = flat ? rawKey : rawField;
    const id = JSON.stringify([root, key]);
    const record = byRecord.get(id) ?? { root, key, inserted: false, deleted: false, fields: new Set<string>() };
    if (effect.path.length === 2 && !flat) {
      if (effect.op === 'insert') record.inserted = true;
      else record.deleted = true;
    } else if (field !== undefined) record.fields.add(field);
    byRecord.set(id, record);
  }
  const records = [...byRecord.values()].map(({ root, key, inserted, deleted, fields }): RecordChange => {
    const map = doc.getMap<unknown>(root);
    const action: RecordAction = FLAT_ROOTS.has(root) ? 'changed' : inserted ? (map.has(key) ? 'changed' : heldDeletedEntry(map, key) ? 'restored' : 'created') : deleted ? 'deleted' : 'changed';
    return { root, key, action, fields: action === 'changed' ? [...fields].sort() : [] };
  });
  const after = () => records.map((record) => (record.action !== 'deleted' && !FLAT_ROOTS.has(record.root) && !doc.getMap<unknown>(record.root).has(record.key) ? { ...record, action: 'deleted' as const, fields: [] } : record));
  return { records, after };
}

export class WorkspaceHistory {
  private constructor(
    private readonly replayed: Y.Doc,
    readonly entries: readonly HistoryEntry[],
    private readonly steps: readonly Step[],
  ) {}

  /** Replays kept signed changes (oldest first); another document's are left out, one that does not open is skipped (warned). */
  static replay(changes: readonly StoredChange[], documentId: string, warn: (message: string, detail?: unknown) => void = () => {}): WorkspaceHistory {
    return WorkspaceHistory.replayChanges(historyChangesOf(changes, documentId, warn), warn);
  }

  /**
   * Replays changes (history segments, then the kept log) into a document
   * with garbage collection off. A checkpoint that adds nothing (its changes
   * came one by one before it) is no entry of its own.
   */
  static replayChanges(changes: readonly HistoryChange[], warn: (message: string, detail?: unknown) => void = () => {}): WorkspaceHistory {
    const doc = new Y.Doc({ gc: false });
    const entries: HistoryEntry[] = [];
    const steps: Step[] = [];
    const sv = new Map<number, number>();
    for (const change of changes) {
      const refused = change.refused;
      const update = refused ? refusedPlaceholder(change.update) : change.update;
      let records: RecordChange[];
      try {
        const before = change.kind === 'checkpoint' ? Y.snapshot(doc) : undefined;
        const summary = refused ? undefined : summarise(doc, update);
        Y.applyUpdate(doc, update);
        if (before && Y.equalSnapshots(before, Y.snapshot(doc))) continue;
        records = summary ? summary.after() : [];
      } catch (error) {
        warn('history: a kept change does not decode', error);
        continue;
      }
      const { to, deletions } = describeUpdate(update);
      for (const [client, clock] of to) sv.set(client, Math.max(sv.get(client) ?? 0, clock));
      steps.push({ update, sv: new Map(sv), deletions });
      entries.push({ index: entries.length, signer: change.signer, at: change.at, kind: change.kind, refused, records });
    }
    return new WorkspaceHistory(doc, entries, steps);
  }

  /** The snapshot after entry `index` (-1: before the first). */
  snapshotAfter(index: number): Y.Snapshot {
    const ds = Y.createDeleteSet();
    if (index < 0) return Y.createSnapshot(ds, new Map());
    const step = this.steps[Math.min(index, this.steps.length - 1)];
    const merged = mergedDeletions(this.steps.slice(0, index + 1).map((s) => s.deletions));
    for (const [client, ranges] of merged) ds.clients.set(client, ranges.map(({ clock, len }) => ({ clock, len })) as never);
    return Y.createSnapshot(ds, new Map(step?.sv ?? []));
  }

  /** The document as it was after entry `index`; the caller destroys it. */
  stateAfter(index: number): Y.Doc {
    return Y.createDocFromSnapshot(this.replayed, this.snapshotAfter(index));
  }

  /**
   * A replay in which the entries `left` are taken as refused: their
   * placeholder holds their clocks (refused-placeholder.ts), so later changes
   * of any client still integrate, and what built on a left-out item is
   * dropped with it, as on receive. The caller destroys it.
   */
  replayWithout(left: ReadonlySet<number>): Y.Doc {
    const doc = new Y.Doc({ gc: false });
    this.steps.forEach((step, index) => {
      Y.applyUpdate(doc, left.has(index) ? refusedPlaceholder(step.update) : step.update);
    });
    return doc;
  }

  /**
   * What a record was called, last: its name or title as the replay holds it,
   * also once deleted (garbage collection is off, so deleted content stays).
   */
  labelOf(root: string, key: string): string | undefined {
    const entry = lastMapEntry(this.replayed.getMap<unknown>(root), key);
    const record = entry?.content instanceof Y.ContentType ? entry.content.type : undefined;
    if (!(record instanceof Y.Map)) return undefined;
    for (const field of LABEL_FIELDS) {
      const value = lastMapEntry(record, field)?.content.getContent().at(-1);
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
    return undefined;
  }

  /** The entries that changed a record, oldest first. */
  entriesOf(root: string, key: string): HistoryEntry[] {
    return this.entries.filter((entry) => entry.records.some((r) => r.root === root && r.key === key));
  }

  /** The last entry before the one that deleted the record most recently (the moment to restore it from), or undefined. */
  lastStateBeforeDeletion(root: string, key: string): number | undefined {
    const touching = this.entriesOf(root, key);
    for (let i = touching.length - 1; i >= 0; i--) {
      const entry = touching[i];
      if (entry?.records.some((r) => r.root === root && r.key === key && r.action === 'deleted')) return entry.index - 1;
    }
    return undefined;
  }

  destroy(): void {
    this.replayed.destroy();
  }
}
