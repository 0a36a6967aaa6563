import type { HistoryEntry, RecordChange } from '../../../shared/history/workspace-history';
import { ROOT } from '../../../shared/workspace-doc/schema';

/** One line of the history list: a change to one record, or a change that touched no record (a baseline, a refused change). */
export interface HistoryLine {
  readonly id: string;
  /** The newest entry of the line: a version restored from the line is the state after it. */
  readonly entry: HistoryEntry;
  readonly record?: RecordChange;
  /** How many changes the line stands for (a burst of typing is one line). */
  readonly count: number;
  /** When the oldest of them was made, ms. */
  readonly since: number;
}

/** Changes by one person to the same fields of one record, each within this long of the next, read as one line. */
export const BURST_GAP_MS = 5 * 60_000;

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
      if (filter.kind === undefined && filter.record === undefined) lines.push({ id: `${entry.index}`, entry, count: 1, since: entry.at });
      continue;
    }
    for (const record of entry.records) {
      if (filter.kind !== undefined && kindOf(record.root) !== filter.kind) continue;
      if (filter.record !== undefined && (filter.record.root !== record.root || filter.record.key !== record.key)) continue;
      const line: HistoryLine = { id: `${entry.index}:${record.root}:${record.key}`, entry, record, count: 1, since: entry.at };
      const previous = lines[lines.length - 1];
      if (previous && continuesBurst(previous, line, personOf)) lines[lines.length - 1] = { ...previous, count: previous.count + 1, since: line.since };
      else lines.push(line);
    }
  }
  return lines;
}

/** Whether `older`, listed right after `newer`, is more of the same typing: one person, one record, the same fields changed, moments apart. */
function continuesBurst(newer: HistoryLine, older: HistoryLine, personOf: (signer: string) => string): boolean {
  const [a, b] = [newer.record, older.record];
  if (!a || !b || a.action !== 'changed' || b.action !== 'changed' || a.root !== b.root || a.key !== b.key || a.fields.join() !== b.fields.join()) return false;
  if (newer.entry.kind !== 'change' || older.entry.kind !== 'change' || newer.entry.refused || older.entry.refused) return false;
  return personOf(newer.entry.signer) === personOf(older.entry.signer) && newer.since - older.entry.at <= BURST_GAP_MS;
}
