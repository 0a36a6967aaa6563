import { describe, expect, it } from 'vitest';
import type { LibraryDocument } from '../../../shared/workspace-doc/documents';
import { titleFromFileName, typeLabel } from './format';
import { allTags, filterDocuments, NO_FILTER } from './library-filter';
import { previewKind, safePreviewType } from './preview-kind';

function doc(overrides: Partial<LibraryDocument>): LibraryDocument {
  return {
    id: 'd',
    title: 'Netkaart',
    description: '',
    tags: [],
    organisationId: 'o1',
    sensitivity: 'intern',
    createdAt: 1,
    createdBy: 'm',
    updatedAt: 1,
    versions: [{ hash: '0'.repeat(64), size: 1, type: 'application/pdf', fileName: 'netkaart.pdf', addedAt: 1, addedBy: 'm' }],
    ...overrides,
  };
}

describe('previewKind', () => {
  it.each([
    ['application/pdf', 'x.bin', 'pdf'],
    ['', 'Rapport.PDF', 'pdf'],
    ['image/png', 'a', 'image'],
    ['', 'foto.jpeg', 'image'],
    ['text/plain; charset=utf-8', 'a', 'text'],
    ['text/csv', 'a.csv', 'text'],
    ['', 'notities.md', 'text'],
    ['application/octet-stream', 'data.json', 'text'],
    ['text/html', 'page.html', 'text'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a.docx', 'none'],
    ['application/x-msdownload', 'setup.exe', 'none'],
    ['', 'zonder-extensie', 'none'],
  ])('%s / %s → %s', (type, name, kind) => {
    expect(previewKind(type, name)).toBe(kind);
  });

  it('never hands a peer-written type to a blob that the browser might render as a page', () => {
    expect(safePreviewType('text', 'text/html', 'x.html')).toBe('text/plain');
    expect(safePreviewType('image', 'image/png', 'x')).toBe('image/png');
    expect(safePreviewType('image', '', 'x.svg')).toBe('image/svg+xml');
    expect(safePreviewType('none', 'text/html', 'x.html')).toBe('application/octet-stream');
  });
});

describe('format', () => {
  it('labels types and titles', () => {
    expect(typeLabel('application/pdf', 'a.pdf')).toBe('PDF');
    expect(typeLabel('text/plain', 'zonder')).toBe('PLAIN');
    expect(typeLabel('', 'zonder')).toBe('–');
    expect(titleFromFileName('netkaart_2030_v2.pdf')).toBe('netkaart 2030 v2');
    expect(titleFromFileName('.env')).toBe('.env');
  });
});

describe('filterDocuments', () => {
  const docs = [
    doc({ id: 'a', title: 'Warmtevisie Leiden', tags: ['warmte'], organisationId: 'o1', sensitivity: 'openbaar' }),
    doc({ id: 'b', title: 'Netcongestie', description: 'Knelpunten Zuid-Holland', tags: ['net', 'warmte'], organisationId: 'o2' }),
    doc({ id: 'c', title: 'Begroting', versions: [{ hash: '1'.repeat(64), size: 2, type: '', fileName: 'coöperatie-begroting.xlsx', addedAt: 1, addedBy: 'm' }] }),
  ];
  const ids = (filter: Partial<typeof NO_FILTER>) => filterDocuments(docs, { ...NO_FILTER, ...filter }).map((d) => d.id);

  it('filters by tag, organisation, label and words, combined', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ tag: 'warmte' })).toEqual(['a', 'b']);
    expect(ids({ tag: 'warmte', organisationId: 'o2' })).toEqual(['b']);
    expect(ids({ sensitivity: 'openbaar' })).toEqual(['a']);
    expect(ids({ text: 'zuid knelpunten' })).toEqual(['b']);
    expect(ids({ text: 'cooperatie' })).toEqual(['c']);
    expect(ids({ text: 'LEIDEN' })).toEqual(['a']);
  });

  it('lists each tag once, sorted', () => {
    expect(allTags(docs)).toEqual(['net', 'warmte']);
  });
});
