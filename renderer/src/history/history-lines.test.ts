import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/history/workspace-history';
import { BURST_GAP_MS, historyLines } from './history-lines';

const entry = (index: number, signer: string, records: HistoryEntry['records']): HistoryEntry => ({ index, signer, at: index, kind: 'change', refused: false, records });
const entries = [
  entry(0, 'ann', []),
  entry(1, 'ann-laptop', [{ root: 'documents', key: 'd1', action: 'created', fields: [] }]),
  entry(2, 'bram', [
    { root: 'documents', key: 'd1', action: 'deleted', fields: [] },
    { root: 'notes', key: 'n1', action: 'changed', fields: ['text'] },
  ]),
];
const personOf = (signer: string) => (signer === 'ann-laptop' ? 'ann' : signer);

describe('historyLines', () => {
  it('lists one line per record changed, newest first', () => {
    expect(historyLines(entries, {}, personOf).map((l) => l.id)).toEqual(['2:documents:d1', '2:notes:n1', '1:documents:d1', '0']);
  });

  it('filters by kind (unknown roots are "other"), by person across their devices, and by record', () => {
    expect(historyLines(entries, { kind: 'other' }, personOf).map((l) => l.id)).toEqual(['2:notes:n1']);
    expect(historyLines(entries, { person: 'ann' }, personOf).map((l) => l.id)).toEqual(['1:documents:d1', '0']);
    expect(historyLines(entries, { record: { root: 'documents', key: 'd1' } }, personOf).map((l) => l.id)).toEqual(['2:documents:d1', '1:documents:d1']);
  });

  it("reads one person's burst of changes to the same fields of one record as one line, and nothing else", () => {
    const at = (index: number, signer: string, when: number, fields: string[] = ['text']): HistoryEntry => ({ ...entry(index, signer, [{ root: 'goals', key: 'g1', action: 'changed', fields }]), at: when });
    const burst = [at(0, 'ann', 1_000), at(1, 'ann-laptop', 2_000), at(2, 'ann', 3_000), at(3, 'bram', 4_000), at(4, 'ann', 5_000), at(5, 'ann', 5_000 + BURST_GAP_MS + 1), at(6, 'ann', 5_000 + BURST_GAP_MS + 2, ['title'])];
    expect(historyLines(burst, {}, personOf).map(({ id, count, since }) => ({ id, count, since }))).toEqual([
      { id: '6:goals:g1', count: 1, since: 5_000 + BURST_GAP_MS + 2 },
      { id: '5:goals:g1', count: 1, since: 5_000 + BURST_GAP_MS + 1 },
      { id: '4:goals:g1', count: 1, since: 5_000 },
      { id: '3:goals:g1', count: 1, since: 4_000 },
      { id: '2:goals:g1', count: 3, since: 1_000 },
    ]);
  });
});
