import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/history/workspace-history';
import { historyLines } from './history-lines';

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
});
