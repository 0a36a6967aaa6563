import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PIECE_BYTES, bytesInPrefix, nextRequest, pieceCount, pieceLength, pieceRange } from './chunking';

const sizes = fc.integer({ min: 0, max: 5 * 2 ** 30 });
const chunks = fc.integer({ min: 1, max: 4 * 2 ** 20 });

describe('chunking', () => {
  it('pieces tile the file exactly: contiguous, non-empty, none past the end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 700 }), (size, chunk) => {
        let expected = 0;
        const count = pieceCount(size, chunk);
        for (let i = 0; i < count; i++) {
          const { start, end } = pieceRange(size, i, chunk);
          expect(start).toBe(expected);
          expect(end).toBeGreaterThan(start);
          expect(end - start).toBeLessThanOrEqual(chunk);
          expected = end;
        }
        expect(expected).toBe(size);
      }),
    );
  });

  it('every piece but the last is full, for large files too', () => {
    fc.assert(
      fc.property(sizes, chunks, (size, chunk) => {
        const count = pieceCount(size, chunk);
        if (count === 0) {
          expect(size).toBe(0);
          return;
        }
        expect(pieceLength(size, 0, chunk)).toBe(Math.min(size, chunk));
        const last = pieceLength(size, count - 1, chunk);
        expect(last).toBeGreaterThan(0);
        expect((count - 1) * chunk + last).toBe(size);
      }),
    );
  });

  it('a stored prefix counts the bytes of its pieces; the whole file counts its size', () => {
    fc.assert(
      fc.property(sizes, chunks, fc.nat(), (size, chunk, n) => {
        const count = pieceCount(size, chunk);
        const stored = count === 0 ? 0 : n % (count + 1);
        let sum = 0;
        for (let i = 0; i < Math.min(stored, 3); i++) sum += pieceLength(size, i, chunk);
        const bytes = bytesInPrefix(size, stored, chunk);
        if (stored <= 3) expect(bytes).toBe(sum);
        expect(bytes).toBeLessThanOrEqual(size);
        if (stored === count) expect(bytes).toBe(size);
      }),
    );
  });

  it('requests never exceed the window, overlap stored pieces or run past the end', () => {
    fc.assert(
      fc.property(sizes, chunks, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 64 }), (size, chunk, a, b, window) => {
        const total = pieceCount(size, chunk);
        const stored = total === 0 ? 0 : a % (total + 1);
        const requestedUpTo = Math.min(total, stored + (b % (window + 1)));
        const next = nextRequest(size, stored, requestedUpTo, window, chunk);
        if (!next) {
          expect(requestedUpTo - stored === window || requestedUpTo === total).toBe(true);
          return;
        }
        expect(next.from).toBe(requestedUpTo);
        expect(next.count).toBeGreaterThan(0);
        expect(next.from + next.count - stored).toBeLessThanOrEqual(window);
        expect(next.from + next.count).toBeLessThanOrEqual(total);
      }),
    );
  });

  it('resumes at the first missing piece', () => {
    const size = 10 * PIECE_BYTES + 5;
    expect(nextRequest(size, 4, 0, 3)).toEqual({ from: 4, count: 3 });
    expect(nextRequest(size, 10, 10, 8)).toEqual({ from: 10, count: 1 });
    expect(nextRequest(size, 11, 11, 8)).toBeUndefined();
  });

  it('rejects nonsense', () => {
    expect(() => pieceCount(-1)).toThrow(RangeError);
    expect(() => pieceRange(10, 1, 10)).toThrow(RangeError);
    expect(() => pieceCount(10, 0)).toThrow(RangeError);
  });
});
