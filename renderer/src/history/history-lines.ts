import type { HistoryEntry, RecordChange } from '../../../shared/history/workspace-history';
import { ROOT } from '../../../shared/workspace-doc/schema';

/** One line of the history list: a change to one record, or a change that touched no record (a baseline, a refused change). */
export interface HistoryLine {
  readonly id: string;
  readonly entry: HistoryEntry;
  readonly record?: RecordChange;
}

export interface HistoryFilter {
  /** A root, or 'other' for every root the app has no kind name for. */
  readonly kind?: string;
  /** A person's key: lines signed by them or one of their devices. */
  readonly person?: string;
  readonly record?: { readonly root: string; readonly key: string };
}

/** Roots the history names by kind; anything else (a room's own roots) is "other". */
export const NAMED_ROOTS: readonly string[] = Object.values(ROOT);

/** Fields every record carries for bookkeeping: not worth naming as what changed. */
const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'editedAt', 'by', 'addedAt', 'addedBy']);

export const kindOf = (root: string): string => (NAMED_ROOTS.includes(root) ? root : 'other');

export const namedFields = (record: RecordChange): string[] => record.fields.filter((field) => !BOOKKEEPING_FIELDS.has(field));

/** The lines of `entries` that pass `filter`, newest first. */
export function historyLines(entries: readonly HistoryEntry[], filter: HistoryFilter, personOf: (signer: string) => string): HistoryLine[] {
  const lines: HistoryLine[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (!entry) continue;
    if (filter.person !== undefined && personOf(entry.signer) !== filter.person) continue;
    if (entry.records.length === 0) {
      if (filter.kind === undefined && filter.record === undefined) lines.push({ id: `${entry.index}`, entry });
      continue;
    }
    for (const record of entry.records) {
      if (filter.kind !== undefined && kindOf(record.root) !== filter.kind) continue;
      if (filter.record !== undefined && (filter.record.root !== record.root || filter.record.key !== record.key)) continue;
      lines.push({ id: `${entry.index}:${record.root}:${record.key}`, entry, record });
    }
  }
  return lines;
}
