import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PIECE_BYTES } from './chunking';
import { MAX_HAVE_HASHES, MAX_WANT_PIECES, PIECE_HEADER_BYTES, decodeMessage, encodeControl, encodeHave, encodePiece, type ControlMessage } from './protocol';

const hash = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''));

const control: fc.Arbitrary<ControlMessage> = fc.oneof(
  fc.record({ t: fc.constant('hello' as const), v: fc.constant(1 as const), peer: fc.string({ minLength: 1, maxLength: 64 }), reply: fc.boolean() }),
  fc.record({ t: fc.constant('have' as const), reset: fc.boolean(), hashes: fc.array(hash, { maxLength: 20 }) }),
  fc.record({ t: fc.constant('want' as const), hash, from: fc.nat(), count: fc.integer({ min: 1, max: MAX_WANT_PIECES }) }),
  fc.record({ t: fc.constant('stop' as const), hash }),
  fc.record({ t: fc.constant('none' as const), hash }),
);

describe('file channel protocol', () => {
  it('control messages round-trip', () => {
    fc.assert(
      fc.property(control, (message) => {
        expect(decodeMessage(encodeControl(message))).toEqual({ ok: true, message });
      }),
    );
  });

  it('pieces round-trip and fit one Chromium data-channel message', () => {
    fc.assert(
      fc.property(hash, fc.integer({ min: 0, max: 0xffffffff }), fc.uint8Array({ minLength: 1, maxLength: 2048 }), (h, index, data) => {
        const wire = encodePiece(h, index, data);
        const decoded = decodeMessage(wire.buffer);
        expect(decoded).toEqual({ ok: true, message: { t: 'piece', hash: h, index, data } });
      }),
    );
    expect(PIECE_HEADER_BYTES + PIECE_BYTES).toBeLessThanOrEqual(256 * 1024);
  });

  it('splits a long have-list and announces an empty one', () => {
    const hashes = Array.from({ length: MAX_HAVE_HASHES * 2 + 1 }, (_, i) => i.toString(16).padStart(64, '0'));
    const messages = encodeHave(hashes).map((m) => decodeMessage(m));
    expect(messages.map((m) => m.ok && m.message.t === 'have' && [m.message.reset, m.message.hashes.length])).toEqual([
      [true, MAX_HAVE_HASHES],
      [false, MAX_HAVE_HASHES],
      [false, 1],
    ]);
    expect(encodeHave([])).toEqual([encodeControl({ t: 'have', reset: true, hashes: [] })]);
  });

  it('garbage never throws and never decodes to a message it is not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 300 }), fc.jsonValue().map((v) => JSON.stringify(v))), (junk) => {
        const decoded = decodeMessage(typeof junk === 'string' ? junk : junk.buffer);
        if (decoded.ok && decoded.message.t === 'piece') expect(decoded.message.data.byteLength).toBeGreaterThan(0);
      }),
    );
  });

  it('rejects wrong shapes, sizes and tags with a reason', () => {
    const bad: unknown[] = [
      'not json',
      JSON.stringify({ t: 'want', hash: 'abc', from: 0, count: 1 }),
      JSON.stringify({ t: 'want', hash: 'a'.repeat(64), from: -1, count: 1 }),
      JSON.stringify({ t: 'want', hash: 'a'.repeat(64), from: 0, count: MAX_WANT_PIECES + 1 }),
      JSON.stringify({ t: 'hello', v: 2, peer: 'x', reply: false }),
      JSON.stringify({ t: 'hello', v: 1, peer: 'x' }),
      JSON.stringify({ t: 'explode' }),
      `"${'x'.repeat(70 * 1024)}"`,
      new Uint8Array(PIECE_HEADER_BYTES).buffer,
      new Uint8Array(PIECE_HEADER_BYTES + PIECE_BYTES + 1).fill(0x50).buffer,
      new Uint8Array(100).buffer,
      42,
      null,
    ];
    for (const frame of bad) {
      const decoded = decodeMessage(frame);
      expect(decoded.ok, String(frame)).toBe(false);
      if (!decoded.ok) expect(decoded.problem.length).toBeGreaterThan(0);
    }
  });
});
