import 'fake-indexeddb/auto';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { PIECE_BYTES, pieceCount } from '../../../shared/files/chunking';
import { bytesToHex } from '@noble/hashes/utils.js';
import { pseudoRandomBytes } from '../../../shared/sync/pseudo-random-bytes';
import { freshDatabasesFor } from '../storage/test-database.test-helper';
import { sameBytes } from './same-bytes.test-helper';
import { EmptyFileError, FileTooLargeError, UnreadableFileError, appendPieces, ensureFileRow, readFileBlob, storeLocalFile } from './file-store';

const freshDatabase = freshDatabasesFor('files');

const LIMIT = { hardLimitBytes: 10 * 1024 * 1024 };

describe('file store', { timeout: 30_000 }, () => {
  it('stores a file under its SHA-256, in pieces, and gives the same bytes back', async () => {
    const db = freshDatabase();
    const bytes = pseudoRandomBytes(3 * PIECE_BYTES + 123, 7);
    const progress: number[] = [];
    const stored = await storeLocalFile(db, new File([bytes], 'plan.pdf', { type: 'application/pdf' }), { ...LIMIT, onProgress: (b) => progress.push(b) });
    expect(stored).toEqual({ hash: bytesToHex(sha256(bytes)), size: bytes.byteLength, type: 'application/pdf', fileName: 'plan.pdf' });
    expect(await db.fileChunks.count()).toBe(4);
    expect(await db.files.get(stored.hash)).toMatchObject({ storedChunks: 4, complete: true, chunkSize: PIECE_BYTES });
    const blob = await readFileBlob(db, stored.hash, 'application/pdf');
    expect(blob?.type).toBe('application/pdf');
    expect(sameBytes(new Uint8Array(await blob!.arrayBuffer()), bytes)).toBe(true);
    expect(progress.at(-1)).toBe(bytes.byteLength);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('stores the same content once, whatever the file is called', async () => {
    const db = freshDatabase();
    const bytes = pseudoRandomBytes(PIECE_BYTES + 1, 3);
    const first = await storeLocalFile(db, new File([bytes], 'a.txt'), LIMIT);
    const second = await storeLocalFile(db, new File([bytes], 'b.txt'), LIMIT);
    expect(second.hash).toBe(first.hash);
    expect(second.fileName).toBe('b.txt');
    expect(await db.fileChunks.count()).toBe(2);
    expect(await db.files.count()).toBe(1);
  });

  it('refuses empty, too large and unreadable files and keeps nothing of them', async () => {
    const db = freshDatabase();
    await expect(storeLocalFile(db, new File([], 'leeg.txt'), LIMIT)).rejects.toBeInstanceOf(EmptyFileError);
    await expect(storeLocalFile(db, new File([new Uint8Array(2048)], 'groot.bin'), { hardLimitBytes: 1024 })).rejects.toBeInstanceOf(FileTooLargeError);
    const unreadable = new File([new Uint8Array(10)], 'weg.txt');
    unreadable.slice = () => ({ arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')) }) as unknown as Blob;
    await expect(storeLocalFile(db, unreadable, LIMIT)).rejects.toBeInstanceOf(UnreadableFileError);
    expect(await db.files.count()).toBe(0);
    expect(await db.fileChunks.count()).toBe(0);
  });

  it('a failure while storing pieces removes the half-stored file', async () => {
    const db = freshDatabase();
    const bytes = pseudoRandomBytes(40 * PIECE_BYTES, 5);
    const file = new File([bytes], 'x.bin');
    const original = db.fileChunks.bulkPut.bind(db.fileChunks);
    let calls = 0;
    db.fileChunks.bulkPut = ((...args: Parameters<typeof original>) => {
      calls += 1;
      if (calls === 2) return Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
      return original(...args);
    }) as typeof original;
    await expect(storeLocalFile(db, file, { hardLimitBytes: 100 * PIECE_BYTES })).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await db.files.count()).toBe(0);
    expect(await db.fileChunks.count()).toBe(0);
  });

  it('pieces are appended only as the next ones of the stored prefix, and an incomplete file is not readable', async () => {
    const db = freshDatabase();
    const hash = 'a'.repeat(64);
    const size = 3 * PIECE_BYTES;
    await ensureFileRow(db, hash, size);
    const piece = new Blob([new Uint8Array(PIECE_BYTES)]);
    expect(await appendPieces(db, hash, 1, [piece])).toBeUndefined();
    expect(await appendPieces(db, hash, 0, [piece, piece])).toBe(2);
    expect(await appendPieces(db, hash, 0, [piece])).toBeUndefined();
    await expect(appendPieces(db, hash, 2, [piece, piece])).rejects.toBeInstanceOf(RangeError);
    expect(await readFileBlob(db, hash, '')).toBeUndefined();
    expect(pieceCount(size)).toBe(3);
  });
});
