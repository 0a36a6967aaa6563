/**
 * File bytes on this device, content-addressed: a file is stored under the
 * SHA-256 of its content, as numbered pieces (shared/files/chunking.ts) in
 * `fileChunks`, with one `files` row saying how many pieces (always a prefix)
 * are there and whether the whole was verified. Pieces are Blobs, so
 * Chromium keeps the bytes on disk, not in the renderer's memory.
 *
 * Every write of pieces is one transaction that also advances the row, and
 * only if the row still expects exactly those pieces: two writers of the same
 * file (a local add and a download, or two tabs) can never leave a gap or
 * claim a piece twice. A row becomes complete only after the hash matched.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { Dexie } from 'dexie';
import { PIECE_BYTES, bytesInPrefix, pieceCount, pieceRange } from '../../../shared/files/chunking';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { FileRow, StroomkringDatabase } from '../storage/database';
import { StroomkringError } from '../../../shared/errors/stroomkring-error';

export interface StoredFile {
  readonly hash: string;
  readonly size: number;
  readonly type: string;
  readonly fileName: string;
}

export class EmptyFileError extends StroomkringError {
  override readonly name = 'EmptyFileError';
  constructor() {
    super('The file is empty');
  }
}

export class FileTooLargeError extends StroomkringError {
  override readonly name = 'FileTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`File is larger than ${limitBytes} bytes`);
  }
}

export class UnreadableFileError extends StroomkringError {
  override readonly name = 'UnreadableFileError';
  constructor(cause?: unknown) {
    super('The file could not be read', { cause });
  }
}

/** Reading 4 MiB at a time keeps the number of File reads low without holding much in memory. */
const READ_BYTES = 4 * 1024 * 1024;

/** Pieces per transaction when adding a local file: 2 MiB, few commits, little lost if one fails. */
const STORE_BATCH_PIECES = 16;

async function readSlice(file: Blob, start: number, end: number): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await file.slice(start, end).arrayBuffer());
  } catch (cause) {
    // NotReadableError, NotFoundError (file gone), or a file changed since it was picked.
    throw new UnreadableFileError(cause);
  }
}

async function hashFile(file: Blob, onBytes: (bytes: number) => void): Promise<string> {
  const hasher = sha256.create();
  for (let start = 0; start < file.size; start += READ_BYTES) {
    const end = Math.min(file.size, start + READ_BYTES);
    hasher.update(await readSlice(file, start, end));
    onBytes(end);
  }
  return bytesToHex(hasher.digest());
}

export function getFileRow(db: StroomkringDatabase, hash: string): Promise<FileRow | undefined> {
  return db.files.get(hash);
}

/** The row for a file about to be received or stored; an existing one is kept (its pieces are the same bytes). */
export async function ensureFileRow(db: StroomkringDatabase, hash: string, size: number): Promise<FileRow> {
  return db.transaction('rw', db.files, db.fileChunks, async () => {
    const row = await db.files.get(hash);
    if (row && row.size === size && row.chunkSize === PIECE_BYTES) return row;
    // A row of another size or piece size cannot be continued: start over.
    if (row) await deleteChunks(db, hash);
    const fresh: FileRow = { hash, size, chunkSize: PIECE_BYTES, storedChunks: 0, complete: false, updatedAt: Date.now() };
    await db.files.put(fresh);
    return fresh;
  });
}

/**
 * Stores pieces `from`..`from+pieces.length-1` if the row holds exactly the
 * pieces before them; returns the new count, or undefined when the row moved
 * on (completed, discarded, or written by another writer) so the caller re-reads it.
 */
export async function appendPieces(db: StroomkringDatabase, hash: string, from: number, pieces: readonly Blob[]): Promise<number | undefined> {
  return db.transaction('rw', db.files, db.fileChunks, async () => {
    const row = await db.files.get(hash);
    if (!row || row.complete || row.storedChunks !== from) return undefined;
    if (from + pieces.length > pieceCount(row.size, row.chunkSize)) throw new RangeError(`pieces past the end of ${hash}`);
    await db.fileChunks.bulkPut(pieces.map((data, i) => ({ hash, index: from + i, data })));
    const storedChunks = from + pieces.length;
    await db.files.put({ ...row, storedChunks, updatedAt: Date.now() });
    return storedChunks;
  });
}

type CompletionListener = (db: StroomkringDatabase, hash: string) => void;
const completionListeners = new Set<CompletionListener>();

/** Called whenever a file becomes complete in this page, however it got there (added here, or received). */
export function onFileCompleted(listener: CompletionListener): () => void {
  completionListeners.add(listener);
  return () => completionListeners.delete(listener);
}

/** Marks the file verified; only call after the whole content hashed to `hash`. */
export async function markComplete(db: StroomkringDatabase, hash: string): Promise<void> {
  await db.transaction('rw', db.files, async () => {
    const row = await db.files.get(hash);
    if (!row || row.storedChunks !== pieceCount(row.size, row.chunkSize)) throw new Error(`cannot complete ${hash}: pieces missing`);
    await db.files.put({ ...row, complete: true, updatedAt: Date.now() });
  });
  for (const listener of completionListeners) listener(db, hash);
}

function deleteChunks(db: StroomkringDatabase, hash: string): Promise<number> {
  return db.fileChunks.where('[hash+index]').between([hash, Dexie.minKey], [hash, Dexie.maxKey]).delete();
}

/** Throws away what is stored of a file (bad bytes from a peer, or a failed add); the row goes too. */
export async function discardFile(db: StroomkringDatabase, hash: string): Promise<void> {
  await db.transaction('rw', db.files, db.fileChunks, async () => {
    await deleteChunks(db, hash);
    await db.files.delete(hash);
  });
}

/** One stored piece's bytes, or undefined if it is not stored. */
export async function readPiece(db: StroomkringDatabase, hash: string, index: number): Promise<Uint8Array | undefined> {
  const row = await db.fileChunks.get([hash, index]);
  return row ? new Uint8Array(await row.data.arrayBuffer()) : undefined;
}

/** Stored piece Blobs from..to-1 in order; throws when one is missing (the row promised them). */
async function pieceBlobs(db: StroomkringDatabase, hash: string, from: number, to: number): Promise<Blob[]> {
  if (to <= from) return [];
  const rows = await db.fileChunks.where('[hash+index]').between([hash, from], [hash, to - 1], true, true).toArray();
  if (rows.length !== to - from) throw new Error(`stored pieces of ${hash} are missing`);
  return rows.map((row) => row.data);
}

/** Feeds stored pieces 0..upTo-1 to `consume` one at a time, so memory stays at one piece. */
export async function forEachStoredPiece(db: StroomkringDatabase, hash: string, upTo: number, consume: (bytes: Uint8Array) => void): Promise<void> {
  for (let index = 0; index < upTo; index++) {
    const bytes = await readPiece(db, hash, index);
    if (!bytes) throw new Error(`stored piece ${index} of ${hash} is missing`);
    consume(bytes);
  }
}

/** Reads a local file piece by piece, hashes it and stores it under its SHA-256. */
export async function storeLocalFile(db: StroomkringDatabase, file: File, options: { hardLimitBytes: number; onProgress?: (bytes: number) => void }): Promise<StoredFile> {
  const { size } = file;
  if (size === 0) throw new EmptyFileError();
  if (size > options.hardLimitBytes) throw new FileTooLargeError(options.hardLimitBytes);
  // Two passes (hash, then store) because pieces are keyed by the hash; progress counts both as one.
  const progress = (hashed: number, stored: number) => options.onProgress?.(Math.floor((hashed + stored) / 2));
  const hash = await hashFile(file, (hashed) => progress(hashed, 0));
  const stored: StoredFile = { hash, size, type: file.type, fileName: file.name };

  const existing = await db.files.get(hash);
  if (existing?.complete) {
    progress(size, size);
    return stored;
  }
  const createdHere = !existing;
  try {
    await storePieces(db, file, hash, (bytes) => progress(size, bytes));
    await markComplete(db, hash);
  } catch (error) {
    // A full disk or unreadable file must not leave a half file behind that nobody will finish.
    if (createdHere) await discardFile(db, hash).catch((cleanup: unknown) => console.warn('Could not remove a partly stored file', cleanup));
    throw error;
  }
  progress(size, size);
  return stored;
}

async function storePieces(db: StroomkringDatabase, file: Blob, hash: string, onBytes: (bytes: number) => void): Promise<void> {
  const { size } = file;
  const total = pieceCount(size);
  let row = await ensureFileRow(db, hash, size);
  while (!row.complete && row.storedChunks < total) {
    const from = row.storedChunks;
    const to = Math.min(total, from + STORE_BATCH_PIECES);
    const pieces: Blob[] = [];
    for (let index = from; index < to; index++) {
      const { start, end } = pieceRange(size, index);
      // The bytes read, not a File slice: a slice would be copied by the database later, after our check.
      pieces.push(new Blob([await readSlice(file, start, end)]));
    }
    const next = await appendPieces(db, hash, from, pieces);
    if (next === undefined) row = await ensureFileRow(db, hash, size);
    else row = { ...row, storedChunks: next };
    onBytes(bytesInPrefix(size, row.storedChunks));
  }
}

/** The whole file as a Blob (backed by the stored pieces), or undefined when it is not complete here. */
export async function readFileBlob(db: StroomkringDatabase, hash: string, type: string): Promise<Blob | undefined> {
  const row = await db.files.get(hash);
  if (!row?.complete) return undefined;
  return new Blob(await pieceBlobs(db, hash, 0, pieceCount(row.size, row.chunkSize)), { type });
}
