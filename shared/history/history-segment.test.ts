import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHistorySegment, encodeHistorySegment, HistorySegmentError, type HistoryChange } from './history-segment';

const change = fc.record({
  kind: fc.constantFrom('change' as const, 'baseline' as const, 'checkpoint' as const),
  signer: fc.constantFrom('anne-key', 'bram-key', 'carla-key'),
  at: fc.nat(),
  refused: fc.boolean(),
  update: fc.uint8Array({ maxLength: 80 }),
});

describe('history segments', () => {
  it('read back what was written, for any changes', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes: HistoryChange[]) => {
        expect(decodeHistorySegment(encodeHistorySegment('ws-1', changes), 'ws-1')).toEqual(changes);
      }),
    );
  });

  it("refuse another document's segment, a newer version and a cut-off one with a HistorySegmentError", () => {
    const bytes = encodeHistorySegment('ws-1', [{ kind: 'change', signer: 'anne-key', at: 1, refused: false, update: new Uint8Array([1, 2, 3]) }]);
    expect(() => decodeHistorySegment(bytes, 'ws-2')).toThrow(expect.objectContaining({ problem: 'otherDocument' }));
    const newer = Uint8Array.from(bytes);
    newer[1] = 2;
    expect(() => decodeHistorySegment(newer, 'ws-1')).toThrow(expect.objectContaining({ problem: 'otherVersion' }));
    for (let end = 0; end < bytes.length; end++) expect(() => decodeHistorySegment(bytes.subarray(0, end), 'ws-1')).toThrow(HistorySegmentError);
  });

  it('a damaged byte anywhere gives a HistorySegmentError or a segment that still reads, never another failure', () => {
    const changes: HistoryChange[] = Array.from({ length: 20 }, (_, i) => ({ kind: 'change', signer: i % 2 ? 'anne-key' : 'bram-key', at: i * 1000, refused: i === 3, update: new Uint8Array([i, i + 1, i + 2]) }));
    const bytes = encodeHistorySegment('ws-1', changes);
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const damaged = Uint8Array.from(bytes);
        damaged[at] = (damaged[at] ?? 0) ^ flip;
        try {
          decodeHistorySegment(damaged, 'ws-1');
        } catch (error) {
          expect(error).toBeInstanceOf(HistorySegmentError);
        }
      }),
    );
  });
});
