/**
 * The document library's metadata in a shared Y.Doc (the workspace's, or a
 * confidential room's). File bytes never enter the document: a version names
 * its content by SHA-256 and the bytes live in each device's own store.
 *
 *   documents: Y.Map<documentId, Y.Map>
 *     title, description, tags (string[]), organisationId, sensitivity,
 *     createdAt, createdBy, updatedAt
 *     versions: Y.Array<DocumentVersion>  appended, never rewritten, so two
 *                                         partners adding a version both keep theirs
 */
import { z } from 'zod';
import * as Y from 'yjs';
import type { ReadResult } from './read-result';
import { documentsMap, ROOT } from './schema';
import { defineCollection, plainMapEntry, type Collection } from './collection';
import { StroomkringError } from '../errors/stroomkring-error';

export const SENSITIVITIES = ['openbaar', 'intern', 'vertrouwelijk'] as const;
export const SensitivitySchema = z.enum(SENSITIVITIES);
export type Sensitivity = z.infer<typeof SensitivitySchema>;

/** Where a library lives; vertrouwelijk documents may only live in a room. */
export type LibraryScope = 'workspace' | 'room';

export const DOCUMENT_LIMITS = {
  title: 200,
  description: 2000,
  tag: 40,
  tags: 20,
  fileName: 255,
  mimeType: 255,
  /** Versions of one document; a library document is revised a handful of times, not thousands. */
  versions: 500,
} as const;

export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest');

export const DocumentVersionSchema = z.object({
  hash: Sha256HexSchema,
  size: z.number().int().positive(),
  type: z.string().max(DOCUMENT_LIMITS.mimeType),
  fileName: z.string().min(1).max(DOCUMENT_LIMITS.fileName),
  addedAt: z.number().int().nonnegative(),
  addedBy: z.string().min(1).max(64),
});
export type DocumentVersion = z.infer<typeof DocumentVersionSchema>;

const DocumentBaseSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().min(1).max(DOCUMENT_LIMITS.title),
  description: z.string().max(DOCUMENT_LIMITS.description),
  tags: z.array(z.string().min(1).max(DOCUMENT_LIMITS.tag)).max(DOCUMENT_LIMITS.tags),
  organisationId: z.string().min(1).max(64),
  sensitivity: SensitivitySchema,
  createdAt: z.number().int().nonnegative(),
  createdBy: z.string().min(1).max(64),
  updatedAt: z.number().int().nonnegative(),
  versions: z.array(DocumentVersionSchema).min(1).max(DOCUMENT_LIMITS.versions),
});
export type LibraryDocument = z.infer<typeof DocumentBaseSchema>;

/** Built once: a zod schema costs far more to build than to run, and every entry of a library is read with one. */
const WORKSPACE_DOCUMENT_SCHEMA = DocumentBaseSchema.refine((value) => value.sensitivity !== 'vertrouwelijk', { message: 'a vertrouwelijk document can only live in a confidential room', path: ['sensitivity'] });

/** Metadata a member edits; the versions are added separately. */
export interface DocumentFields {
  readonly title: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly organisationId: string;
  readonly sensitivity: Sensitivity;
}

/** What a form may hand to addDocument/updateDocumentFields: the same bounds the reader enforces, so a write never creates an entry that reads back as damaged. */
export const DocumentFieldsSchema = z.object({
  title: z.string().trim().min(1).max(DOCUMENT_LIMITS.title),
  description: z.string().trim().max(DOCUMENT_LIMITS.description),
  tags: z.array(z.string().trim().min(1).max(DOCUMENT_LIMITS.tag)).max(DOCUMENT_LIMITS.tags),
  organisationId: z.string().min(1).max(64),
  sensitivity: SensitivitySchema,
});

/**
 * Tags as typed in one field ("wind, zon; netcongestie"): split on commas and
 * semicolons, trimmed, empty ones dropped, duplicates (ignoring case) kept once.
 */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input.split(/[,;]/)) {
    const tag = raw.trim();
    const key = tag.toLocaleLowerCase('nl');
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

export class SensitivityNotAllowedError extends StroomkringError {
  override readonly name = 'SensitivityNotAllowedError';
  constructor() {
    super('A vertrouwelijk document can only be added to a confidential room');
  }
}

export class TooManyVersionsError extends StroomkringError {
  override readonly name = 'TooManyVersionsError';
  constructor(readonly documentId: string) {
    super(`Document ${documentId} already has ${DOCUMENT_LIMITS.versions} versions`);
  }
}

export class UnknownDocumentError extends StroomkringError {
  override readonly name = 'UnknownDocumentError';
  constructor(readonly documentId: string) {
    super(`No document with id ${documentId} in this library`);
  }
}

/** Newest change first. */
function byNewestChange(a: ReadResult<LibraryDocument>, b: ReadResult<LibraryDocument>): number {
  return (b.ok ? b.value.updatedAt : 0) - (a.ok ? a.value.updatedAt : 0);
}

function libraryOf(schema: z.ZodType<LibraryDocument>): Collection<LibraryDocument> {
  // A library is shared work: any member adds versions and edits the details; its creator or an administrator removes a document.
  return defineCollection<LibraryDocument>({ root: ROOT.documents, owner: { by: 'everyone', creatorField: 'createdBy' }, read: plainMapEntry(schema), order: byNewestChange });
}

/** The workspace library's documents; a room's library (roomDocumentRecords) lives in the room's own document and may hold confidential ones. */
export const workspaceDocumentRecords = libraryOf(WORKSPACE_DOCUMENT_SCHEMA);
export const roomDocumentRecords = libraryOf(DocumentBaseSchema);

/** The library collection of a scope. */
export function libraryRecords(scope: LibraryScope): Collection<LibraryDocument> {
  return scope === 'room' ? roomDocumentRecords : workspaceDocumentRecords;
}

/** Every document in the library, newest change first; damaged entries are reported, never thrown. */
export function readDocuments(doc: Y.Doc, scope: LibraryScope): ReadResult<LibraryDocument>[] {
  return libraryRecords(scope).readAll(doc);
}

export function readDocument(doc: Y.Doc, scope: LibraryScope, id: string): ReadResult<LibraryDocument> | undefined {
  return libraryRecords(scope).readOne(doc, id);
}

/** The newest version: the last one appended. */
export function currentVersion(document: LibraryDocument): DocumentVersion {
  return document.versions[document.versions.length - 1] as DocumentVersion;
}

function assertAllowed(scope: LibraryScope, sensitivity: Sensitivity): void {
  if (scope === 'workspace' && sensitivity === 'vertrouwelijk') throw new SensitivityNotAllowedError();
}

export function addDocument(doc: Y.Doc, scope: LibraryScope, input: DocumentFields, firstInput: DocumentVersion, id: string = crypto.randomUUID()): string {
  assertAllowed(scope, input.sensitivity);
  const fields = DocumentFieldsSchema.parse(input);
  const first = DocumentVersionSchema.parse(firstInput);
  const entry = new Y.Map<unknown>();
  const versions = new Y.Array<unknown>();
  doc.transact(() => {
    entry.set('title', fields.title);
    entry.set('description', fields.description);
    entry.set('tags', [...fields.tags]);
    entry.set('organisationId', fields.organisationId);
    entry.set('sensitivity', fields.sensitivity);
    entry.set('createdAt', first.addedAt);
    entry.set('createdBy', first.addedBy);
    entry.set('updatedAt', first.addedAt);
    entry.set('versions', versions);
    versions.push([{ ...first }]);
    documentsMap(doc).set(id, entry);
  });
  return id;
}

function entryOf(doc: Y.Doc, id: string): Y.Map<unknown> {
  const entry = documentsMap(doc).get(id);
  if (!(entry instanceof Y.Map)) throw new UnknownDocumentError(id);
  return entry as Y.Map<unknown>;
}

/** Writes only the fields that changed, so a partner's concurrent edit of another field survives. */
export function updateDocumentFields(doc: Y.Doc, scope: LibraryScope, id: string, input: DocumentFields, now: number): void {
  assertAllowed(scope, input.sensitivity);
  const fields = DocumentFieldsSchema.parse(input);
  const entry = entryOf(doc, id);
  doc.transact(() => {
    let changed = false;
    for (const field of ['title', 'description', 'organisationId', 'sensitivity'] as const) {
      if (entry.get(field) !== fields[field]) {
        entry.set(field, fields[field]);
        changed = true;
      }
    }
    if (JSON.stringify(entry.get('tags')) !== JSON.stringify(fields.tags)) {
      entry.set('tags', [...fields.tags]);
      changed = true;
    }
    if (changed) entry.set('updatedAt', now);
  });
}

/** Appends a new version; the older ones stay. Refused at the limit, where the entry would read back as damaged. */
export function addVersion(doc: Y.Doc, id: string, input: DocumentVersion): void {
  const version = DocumentVersionSchema.parse(input);
  const entry = entryOf(doc, id);
  const versions = entry.get('versions');
  if (!(versions instanceof Y.Array)) throw new UnknownDocumentError(id);
  if (versions.length >= DOCUMENT_LIMITS.versions) throw new TooManyVersionsError(id);
  doc.transact(() => {
    versions.push([{ ...version }]);
    entry.set('updatedAt', version.addedAt);
  });
}

export function removeDocument(doc: Y.Doc, id: string): void {
  documentsMap(doc).delete(id);
}

/**
 * Every file (by hash) that a valid document of this library refers to, with
 * its size: what this device may serve to the library's peers and what it
 * may fetch. A hash that only a damaged entry names is neither served nor fetched.
 */
export function referencedFiles(doc: Y.Doc, scope: LibraryScope): Map<string, number> {
  return filesReferencedBy(readDocuments(doc, scope));
}

/** referencedFiles over records already read (the read model's). */
export function filesReferencedBy(records: Iterable<ReadResult<LibraryDocument>>): Map<string, number> {
  const files = new Map<string, number>();
  for (const result of records) {
    if (!result.ok) continue;
    for (const version of result.value.versions) files.set(version.hash, version.size);
  }
  return files;
}
