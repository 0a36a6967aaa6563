/**
 * How a file is cut into pieces. A file is known by the SHA-256 of its whole
 * content; its pieces are numbered from 0, each PIECE_BYTES long except the
 * last, which holds the rest. Stored pieces always form a prefix 0..n-1, so a
 * transfer resumes at the first missing piece and the whole-file hash can be
 * computed incrementally over the pieces in order.
 */

/**
 * 128 KiB: one piece plus its header fits one data-channel message under
 * Chromium's 256 KiB limit, and 200 MB is 1,600 IndexedDB rows, not tens of thousands.
 */
export const PIECE_BYTES = 128 * 1024;

export interface PieceRange {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

function assertSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`not a file size: ${size}`);
}

function assertChunk(chunkSize: number): void {
  if (!Number.isSafeInteger(chunkSize) || chunkSize <= 0) throw new RangeError(`not a piece size: ${chunkSize}`);
}

export function pieceCount(size: number, chunkSize: number = PIECE_BYTES): number {
  assertSize(size);
  assertChunk(chunkSize);
  return Math.ceil(size / chunkSize);
}

/** Byte range of piece `index`; throws for an index outside the file. */
export function pieceRange(size: number, index: number, chunkSize: number = PIECE_BYTES): PieceRange {
  const count = pieceCount(size, chunkSize);
  if (!Number.isSafeInteger(index) || index < 0 || index >= count) throw new RangeError(`piece ${index} is outside a file of ${count} pieces`);
  const start = index * chunkSize;
  return { start, end: Math.min(size, start + chunkSize) };
}

export function pieceLength(size: number, index: number, chunkSize: number = PIECE_BYTES): number {
  const { start, end } = pieceRange(size, index, chunkSize);
  return end - start;
}

/** Bytes held when the first `storedPieces` pieces are stored. */
export function bytesInPrefix(size: number, storedPieces: number, chunkSize: number = PIECE_BYTES): number {
  const count = pieceCount(size, chunkSize);
  const n = Math.max(0, Math.min(count, Math.floor(storedPieces)));
  return n === count ? size : n * chunkSize;
}

/**
 * The next pieces to ask for: from the first piece neither stored nor
 * already requested, as many as keep `window` pieces outstanding, never past
 * the end of the file.
 */
export function nextRequest(size: number, stored: number, requestedUpTo: number, window: number, chunkSize: number = PIECE_BYTES): { from: number; count: number } | undefined {
  const total = pieceCount(size, chunkSize);
  const from = Math.max(stored, requestedUpTo);
  const outstanding = from - stored;
  const count = Math.min(window - outstanding, total - from);
  return count > 0 ? { from, count } : undefined;
}
