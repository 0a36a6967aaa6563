import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addDocument,
  addVersion,
  currentVersion,
  DOCUMENT_LIMITS,
  parseTags,
  readDocument,
  readDocuments,
  referencedFiles,
  removeDocument,
  SensitivityNotAllowedError,
  TooManyVersionsError,
  UnknownDocumentError,
  updateDocumentFields,
  type DocumentFields,
  type DocumentVersion,
} from './documents';
import { documentsMap } from './schema';

const fields: DocumentFields = { title: 'Netkaart 2030', description: 'Congestie per station', tags: ['net', 'congestie'], organisationId: 'org-liander', sensitivity: 'intern' };

function hash(n: number): string {
  return n.toString(16).padStart(64, '0');
}

function version(n: number, at = n, by = 'm1'): DocumentVersion {
  return { hash: hash(n), size: 100 + n, type: 'application/pdf', fileName: `netkaart-v${n}.pdf`, addedAt: at, addedBy: by };
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('document library metadata', () => {
  it('adds a document and reads it back with its first version', () => {
    const doc = new Y.Doc();
    const id = addDocument(doc, 'workspace', fields, version(1, 10));
    expect(readDocument(doc, 'workspace', id)).toEqual({
      ok: true,
      id,
      value: { ...fields, id, createdAt: 10, createdBy: 'm1', updatedAt: 10, versions: [version(1, 10)] },
    });
  });

  it('refuses vertrouwelijk in the workspace scope, and allows it in a room', () => {
    const doc = new Y.Doc();
    expect(() => addDocument(doc, 'workspace', { ...fields, sensitivity: 'vertrouwelijk' }, version(1))).toThrow(SensitivityNotAllowedError);
    expect(documentsMap(doc).size).toBe(0);
    const id = addDocument(doc, 'workspace', fields, version(1));
    expect(() => updateDocumentFields(doc, 'workspace', id, { ...fields, sensitivity: 'vertrouwelijk' }, 5)).toThrow(SensitivityNotAllowedError);
    expect(readDocument(doc, 'workspace', id)).toMatchObject({ ok: true, value: { sensitivity: 'intern' } });

    const room = new Y.Doc();
    const roomId = addDocument(room, 'room', { ...fields, sensitivity: 'vertrouwelijk' }, version(1));
    expect(readDocument(room, 'room', roomId)).toMatchObject({ ok: true, value: { sensitivity: 'vertrouwelijk' } });
  });

  it("marks a peer's vertrouwelijk entry in the workspace document as damaged", () => {
    const room = new Y.Doc();
    const id = addDocument(room, 'room', { ...fields, sensitivity: 'vertrouwelijk' }, version(1));
    // The same bytes arriving in a workspace document, as a misbehaving peer could write them.
    const workspace = new Y.Doc();
    Y.applyUpdate(workspace, Y.encodeStateAsUpdate(room));
    const read = readDocument(workspace, 'workspace', id);
    expect(read?.ok).toBe(false);
    expect(read && !read.ok && read.problem).toMatch(/sensitivity/);
    expect(referencedFiles(workspace, 'workspace').size).toBe(0);
  });

  it('appends versions and keeps the old ones; the newest is current', () => {
    const doc = new Y.Doc();
    const id = addDocument(doc, 'workspace', fields, version(1, 10));
    addVersion(doc, id, version(2, 20, 'm2'));
    addVersion(doc, id, version(3, 30));
    const read = readDocument(doc, 'workspace', id);
    if (!read?.ok) throw new Error('expected a valid document');
    expect(read.value.versions.map((v) => v.hash)).toEqual([hash(1), hash(2), hash(3)]);
    expect(currentVersion(read.value)).toEqual(version(3, 30));
    expect(read.value.updatedAt).toBe(30);
    expect(read.value.createdAt).toBe(10);
  });

  it('keeps both versions when two partners add one concurrently, in any order of delivery', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 12 }), fc.boolean(), (writers, aFirst) => {
        const a = new Y.Doc();
        const b = new Y.Doc();
        const c = new Y.Doc();
        const id = addDocument(a, 'workspace', fields, version(1), 'doc-1');
        sync(a, b);
        sync(a, c);
        const docs = [a, b, c];
        writers.forEach((writer, n) => addVersion(docs[writer] as Y.Doc, id, version(n + 2, n + 2, `m${writer}`)));
        if (aFirst) {
          sync(a, b);
          sync(b, c);
          sync(a, b);
        } else {
          sync(c, b);
          sync(b, a);
          sync(c, b);
        }
        const reads = docs.map((doc) => readDocument(doc, 'workspace', id));
        const hashes = reads.map((read) => (read?.ok ? read.value.versions.map((v) => v.hash) : []));
        expect(hashes[0]).toHaveLength(writers.length + 1);
        expect(new Set(hashes[0])).toEqual(new Set([hash(1), ...writers.map((_, n) => hash(n + 2))]));
        // Every partner sees the same order, so "current" is the same everywhere.
        expect(hashes[1]).toEqual(hashes[0]);
        expect(hashes[2]).toEqual(hashes[0]);
        expect(hashes[0]?.[0]).toBe(hash(1));
      }),
    );
  });

  it('keeps a concurrent field edit and a concurrent version add both', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = addDocument(a, 'workspace', fields, version(1));
    sync(a, b);
    updateDocumentFields(a, 'workspace', id, { ...fields, title: 'Netkaart 2031' }, 50);
    addVersion(b, id, version(2, 40));
    sync(a, b);
    for (const doc of [a, b]) expect(readDocument(doc, 'workspace', id)).toMatchObject({ ok: true, value: { title: 'Netkaart 2031', versions: [version(1), version(2, 40)] } });
  });

  it('writes only changed fields and leaves updatedAt alone when nothing changed', () => {
    const doc = new Y.Doc();
    const id = addDocument(doc, 'workspace', fields, version(1, 10));
    updateDocumentFields(doc, 'workspace', id, { ...fields, tags: [...fields.tags] }, 99);
    expect(readDocument(doc, 'workspace', id)).toMatchObject({ ok: true, value: { updatedAt: 10 } });
    updateDocumentFields(doc, 'workspace', id, { ...fields, tags: ['wind'], sensitivity: 'openbaar' }, 99);
    expect(readDocument(doc, 'workspace', id)).toMatchObject({ ok: true, value: { updatedAt: 99, tags: ['wind'], sensitivity: 'openbaar' } });
  });

  it('refuses fields and versions that would read back as damaged', () => {
    const doc = new Y.Doc();
    expect(() => addDocument(doc, 'workspace', { ...fields, title: '   ' }, version(1))).toThrow();
    expect(() => addDocument(doc, 'workspace', { ...fields, tags: ['x'.repeat(DOCUMENT_LIMITS.tag + 1)] }, version(1))).toThrow();
    expect(() => addDocument(doc, 'workspace', fields, { ...version(1), hash: 'nope' })).toThrow();
    expect(() => addDocument(doc, 'workspace', fields, { ...version(1), size: 0 })).toThrow();
    expect(documentsMap(doc).size).toBe(0);
  });

  it('refuses a version beyond the limit instead of damaging the document', () => {
    const doc = new Y.Doc();
    const id = addDocument(doc, 'workspace', fields, version(1));
    for (let n = 2; n <= DOCUMENT_LIMITS.versions; n += 1) addVersion(doc, id, version(n));
    expect(() => addVersion(doc, id, version(DOCUMENT_LIMITS.versions + 1))).toThrow(TooManyVersionsError);
    expect(readDocument(doc, 'workspace', id)?.ok).toBe(true);
  });

  it('refuses to change a document that does not exist', () => {
    const doc = new Y.Doc();
    expect(() => addVersion(doc, 'nope', version(1))).toThrow(UnknownDocumentError);
    expect(() => updateDocumentFields(doc, 'workspace', 'nope', fields, 1)).toThrow(UnknownDocumentError);
  });

  it('removes a document', () => {
    const doc = new Y.Doc();
    const id = addDocument(doc, 'workspace', fields, version(1));
    removeDocument(doc, id);
    expect(readDocuments(doc, 'workspace')).toEqual([]);
  });

  it('lists newest change first and damaged entries last', () => {
    const doc = new Y.Doc();
    documentsMap(doc).set('broken', 'not a map');
    const older = addDocument(doc, 'workspace', fields, version(1, 10));
    const newer = addDocument(doc, 'workspace', fields, version(2, 20));
    expect(readDocuments(doc, 'workspace').map((read) => [read.id, read.ok])).toEqual([
      [newer, true],
      [older, true],
      ['broken', false],
    ]);
  });

  it.each([
    ['a string instead of a map', () => 'Netkaart'],
    ['a map without versions', () => new Y.Map<unknown>(Object.entries({ ...fields, createdAt: 1, createdBy: 'm', updatedAt: 1 }))],
    ['a version with a bad hash', () => new Y.Map<unknown>(Object.entries({ ...fields, createdAt: 1, createdBy: 'm', updatedAt: 1, versions: [{ ...version(1), hash: 'zz' }] }))],
    ['an unknown label', () => new Y.Map<unknown>(Object.entries({ ...fields, sensitivity: 'geheim', createdAt: 1, createdBy: 'm', updatedAt: 1, versions: [version(1)] }))],
  ])('reports %s as damaged and references none of its files', (_label, make) => {
    const doc = new Y.Doc();
    documentsMap(doc).set('bad', make());
    const good = addDocument(doc, 'workspace', fields, version(7));
    const reads = readDocuments(doc, 'workspace');
    expect(reads.find((read) => read.id === 'bad')?.ok).toBe(false);
    expect(reads.find((read) => read.id === good)?.ok).toBe(true);
    expect([...referencedFiles(doc, 'workspace').keys()]).toEqual([hash(7)]);
  });

  it('references every version of every valid document, with its size', () => {
    const doc = new Y.Doc();
    const id = addDocument(doc, 'workspace', fields, version(1));
    addVersion(doc, id, version(2));
    addDocument(doc, 'workspace', fields, version(3));
    expect(referencedFiles(doc, 'workspace')).toEqual(
      new Map([
        [hash(1), 101],
        [hash(2), 102],
        [hash(3), 103],
      ]),
    );
  });
});

describe('parseTags', () => {
  it('splits on commas and semicolons, trims, drops empties and duplicates ignoring case', () => {
    expect(parseTags(' wind, zon;; Wind ,netcongestie ,')).toEqual(['wind', 'zon', 'netcongestie']);
    expect(parseTags('')).toEqual([]);
  });

  it('never yields an empty or padded tag', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        for (const tag of parseTags(input)) {
          expect(tag.length).toBeGreaterThan(0);
          expect(tag).toBe(tag.trim());
          expect(tag).not.toMatch(/[,;]/);
        }
      }),
    );
  });
});
