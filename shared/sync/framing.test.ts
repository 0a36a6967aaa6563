import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FRAGMENT_BYTES,
  FRAGMENT_HEADER_BYTES,
  FRAGMENT_MAGIC,
  FRAGMENT_MARKER,
  PASSTHROUGH_MAX_BYTES,
  Reassembler,
  encodeMessage,
  planMessage,
  type FramingErrorCode,
  type ReceiveResult,
} from './framing';
import { pseudoRandomBytes } from './pseudo-random-bytes';

const MiB = 1024 * 1024;
const PAYLOAD = FRAGMENT_BYTES - FRAGMENT_HEADER_BYTES;

const bytes = pseudoRandomBytes;

const edgeSizes = [0, 1, PASSTHROUGH_MAX_BYTES - 1, PASSTHROUGH_MAX_BYTES, PASSTHROUGH_MAX_BYTES + 1, PAYLOAD - 1, PAYLOAD, PAYLOAD + 1, 2 * PAYLOAD, 3 * PAYLOAD + 1, 16 * PAYLOAD, 4 * MiB];
const size = (max: number) => fc.oneof(fc.constantFrom(...edgeSizes.filter((s) => s <= max)), fc.integer({ min: 0, max }));
/** The first byte decides passthrough versus fragments, so steer it towards the interesting values. */
const firstByte = fc.option(fc.constantFrom(0, 1, 2, 3, 4, FRAGMENT_MARKER, FRAGMENT_MARKER - 1), { nil: undefined });
const message = (max: number) => fc.tuple(size(max), fc.integer(), firstByte).map(([n, seed, first]) => bytes(n, seed, first));

/** Feeds frames, collecting delivered messages and error codes; fails the test if receive ever throws. */
function feed(reassembler: Reassembler, frames: Iterable<Uint8Array>) {
  const messages: Uint8Array[] = [];
  const errors: FramingErrorCode[] = [];
  for (const frame of frames) {
    const result: ReceiveResult = reassembler.receive(frame);
    if (result.kind === 'message') messages.push(result.message);
    if (result.kind === 'error') errors.push(result.error.code);
  }
  return { messages, errors };
}

function header(id: number, index: number, total: number): Uint8Array {
  const out = new Uint8Array(FRAGMENT_HEADER_BYTES);
  const view = new DataView(out.buffer);
  out[0] = FRAGMENT_MARKER;
  out[1] = FRAGMENT_MAGIC;
  view.setUint32(2, id);
  view.setUint32(6, index);
  view.setUint32(10, total);
  return out;
}

function fragment(id: number, index: number, total: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(FRAGMENT_HEADER_BYTES + payload.byteLength);
  out.set(header(id, index, total));
  out.set(payload, FRAGMENT_HEADER_BYTES);
  return out;
}

describe('framing: sending side', () => {
  it('passes y-webrtc-sized messages through byte-identical, as the very same bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: PASSTHROUGH_MAX_BYTES }), fc.integer({ min: 0, max: 4 }), fc.integer(), (n, type, seed) => {
        const m = bytes(n, seed, type);
        const frames = encodeMessage(m, 7);
        expect(frames).toHaveLength(1);
        expect(frames[0]).toBe(m);
      }),
    );
  });

  it('keeps every frame within the fragment size and marks every fragment', () => {
    fc.assert(
      fc.property(message(4 * MiB), fc.integer({ min: 0, max: 0xffffffff }), (m, id) => {
        const plan = planMessage(m, id);
        const frames = encodeMessage(m, id);
        expect(frames).toHaveLength(plan.frameCount);
        expect(frames.reduce((sum, f) => sum + f.byteLength, 0)).toBe(plan.wireBytes);
        for (const f of frames) {
          expect(f.byteLength).toBeLessThanOrEqual(Math.max(FRAGMENT_BYTES, PASSTHROUGH_MAX_BYTES));
          if (frames.length > 1) expect([f[0], f[1]]).toEqual([FRAGMENT_MARKER, FRAGMENT_MAGIC]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('fragments exactly the messages a stock peer could not take or would misread', () => {
    expect(encodeMessage(bytes(PASSTHROUGH_MAX_BYTES, 1, 0), 0)).toHaveLength(1);
    expect(encodeMessage(bytes(PASSTHROUGH_MAX_BYTES + 1, 1, 0), 0)).toHaveLength(2);
    expect(encodeMessage(new Uint8Array([FRAGMENT_MARKER]), 0)[0]).toEqual(fragment(0, 0, 1, new Uint8Array([FRAGMENT_MARKER])));
    expect(() => planMessage(bytes(10, 1, FRAGMENT_MARKER), 0).frame(1)).toThrow(RangeError);
  });
});

describe('framing: round trips', () => {
  it('reassembles any single message of 0 bytes to a few MiB', () => {
    fc.assert(
      fc.property(message(4 * MiB), fc.integer({ min: 0, max: 0xffffffff }), (m, id) => {
        const frames = encodeMessage(m, id);
        const r = new Reassembler();
        const results = frames.map((f) => r.receive(f));
        expect(results.slice(0, -1).every((x) => x.kind === 'pending')).toBe(true);
        const last = results.at(-1);
        expect(last?.kind).toBe('message');
        if (last?.kind === 'message') expectSame([last.message], [m]);
        expect(r.busy).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('preserves order and content across many messages on one channel', () => {
    fc.assert(
      fc.property(fc.array(message(300 * 1024), { maxLength: 40 }), (messages) => {
        const frames = messages.flatMap((m, i) => encodeMessage(m, i));
        const { messages: out, errors } = feed(new Reassembler(), frames);
        expect(errors).toEqual([]);
        expectSame(out, messages);
      }),
      { numRuns: 80 },
    );
  });

  it('accepts a sender that splits at arbitrary points (the receiver does not assume a fragment size)', () => {
    fc.assert(
      fc.property(size(600 * 1024), fc.integer(), fc.array(fc.integer({ min: 1, max: 200 * 1024 }), { minLength: 1, maxLength: 20 }), (n, seed, cuts) => {
        const m = bytes(n, seed, FRAGMENT_MARKER);
        const frames: Uint8Array[] = [];
        let offset = 0;
        for (let i = 0; offset < n || i === 0; i++) {
          const step = cuts[i % cuts.length] ?? 1;
          frames.push(fragment(42, i, n, m.subarray(offset, offset + step)));
          offset += step;
        }
        const { messages, errors } = feed(new Reassembler(), frames);
        expect(errors).toEqual([]);
        expectSame(messages, [m]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('framing: damaged input', () => {
  const LEN = PASSTHROUGH_MAX_BYTES + 10; // two fragments, the second short
  const original = bytes(LEN, 3, 1);
  const twoFragments = encodeMessage(original, 5);
  const first = twoFragments[0] as Uint8Array;
  const rest = LEN - PAYLOAD;

  const cases: Array<[string, Uint8Array[], FramingErrorCode]> = [
    ['a truncated header', [header(1, 0, 10).subarray(0, 9)], 'truncated-header'],
    ['a bare marker byte', [new Uint8Array([FRAGMENT_MARKER])], 'truncated-header'],
    ['a wrong magic byte', [Uint8Array.of(FRAGMENT_MARKER, 0x00, 1, 2, 3)], 'unknown-frame'],
    ['a first fragment with index 1', [fragment(1, 1, 10, bytes(10, 1))], 'out-of-order'],
    ['a skipped fragment', [first, fragment(5, 2, LEN, bytes(rest, 1))], 'out-of-order'],
    ['a repeated fragment', [first, first], 'out-of-order'],
    ['another message id mid-message', [first, fragment(6, 1, LEN, bytes(rest, 1))], 'interleaved'],
    ['an unframed message mid-message', [first, Uint8Array.of(0, 1, 2)], 'interleaved'],
    ['a total that changes', [first, fragment(5, 1, LEN + 1, bytes(rest, 1))], 'inconsistent-total'],
    ['more payload than the total', [first, fragment(5, 1, LEN, bytes(rest + 1, 1))], 'overrun'],
    ['an empty fragment', [header(9, 0, 10)], 'empty-fragment'],
    ['a total over the limit', [header(9, 0, 0xffffffff)], 'too-large'],
  ];

  it.each(cases)('reports %s as a typed error and then receives the next message', (_name, frames, code) => {
    const r = new Reassembler();
    const { messages, errors } = feed(r, frames);
    expect(errors).toEqual([code]);
    expect(messages).toEqual([]);
    expect(r.busy).toBe(false);
    const next = feed(r, encodeMessage(original, 6));
    expect(next.errors).toEqual([]);
    expectSame(next.messages, [original]);
  });

  it('reports a replayed whole message instead of delivering it twice', () => {
    const r = new Reassembler();
    const single = encodeMessage(Uint8Array.of(FRAGMENT_MARKER), 8);
    expect(feed(r, [...twoFragments, ...twoFragments, ...single, ...single])).toMatchObject({
      messages: [original, single[0]?.subarray(FRAGMENT_HEADER_BYTES)],
      errors: ['replayed', 'out-of-order', 'replayed'],
    });
  });

  it('does not reserve a claimed 4 GiB before the data arrives', () => {
    // With the limit lifted, allocating the claim up front would throw (or exhaust memory); growth on arrival does not.
    const r = new Reassembler({ maxMessageBytes: 0xffffffff });
    expect(r.receive(fragment(1, 0, 0xffffffff, bytes(100, 1))).kind).toBe('pending');
    expect(r.receive(fragment(1, 1, 0xffffffff, bytes(100, 2))).kind).toBe('pending');
    expect(r.busy).toBe(true);
  });

  it('honours a configured maximum', () => {
    const r = new Reassembler({ maxMessageBytes: 1000 });
    const result = r.receive(encodeMessage(bytes(1001, 1, FRAGMENT_MARKER), 0)[0] as Uint8Array);
    expect(result.kind === 'error' && result.error.code).toBe('too-large');
  });

  type Damage = { kind: 'drop' | 'duplicate' | 'truncate' | 'magic' | 'id' | 'index' | 'total'; at: number; amount: number };
  const damage = fc.record({
    kind: fc.constantFrom('drop', 'duplicate', 'truncate', 'magic', 'id', 'index', 'total'),
    at: fc.nat(),
    amount: fc.integer({ min: 1, max: 70_000 }),
  }) as fc.Arbitrary<Damage>;

  function apply(frames: Uint8Array[], d: Damage): Uint8Array[] {
    if (frames.length === 0) return frames;
    const i = d.at % frames.length;
    const out = frames.slice();
    const f = (out[i] as Uint8Array).slice();
    const view = new DataView(f.buffer);
    // Unframed messages pass through untouched by design (the channel guarantees integrity), so only drop those.
    if (d.kind === 'drop') {
      out.splice(i, 1);
      return out;
    }
    if (f.byteLength < FRAGMENT_HEADER_BYTES || f[0] !== FRAGMENT_MARKER) return out;
    switch (d.kind) {
      case 'duplicate': out.splice(i, 0, f); return out;
      case 'truncate': out[i] = f.subarray(0, Math.max(1, f.byteLength - d.amount)); return out;
      case 'magic': f[1] = (f[1] ?? 0) ^ 0x40; break;
      case 'id': view.setUint32(2, view.getUint32(2) + d.amount); break;
      case 'index': view.setUint32(6, view.getUint32(6) + d.amount); break;
      case 'total': view.setUint32(10, (view.getUint32(10) + d.amount - 35_000) >>> 0); break;
    }
    out[i] = f;
    return out;
  }

  /** Damages a stream of messages; header damage may cost messages but must never forge, splice or corrupt one. */
  function damagedStream(damageCount: { minLength: number; maxLength: number }, check: (sent: Uint8Array[], got: Uint8Array[]) => void) {
    return fc.property(fc.array(message(200 * 1024), { minLength: 1, maxLength: 12 }), fc.array(damage, damageCount), (messages, damages) => {
      const damaged = damages.reduce(apply, messages.flatMap((m, i) => encodeMessage(m, i)));
      const r = new Reassembler();
      check(messages, feed(r, damaged).messages);
      // Recovery: the first message after the damage may be what reveals it; every one after that arrives.
      const wasBusy = r.busy;
      const after = [bytes(PAYLOAD * 2, 9, 2), bytes(50, 9, 0), bytes(PAYLOAD * 3, 9, FRAGMENT_MARKER)];
      const tail = feed(r, after.flatMap((m, i) => encodeMessage(m, 1000 + i)));
      expectSame(tail.messages, wasBusy ? after.slice(1) : after);
    });
  }

  /**
   * 300 streams of up to 12 messages of up to 200 KiB each take 2–3 s on this
   * machine alone, and over Vitest's 5 s while the end-to-end suite loads both
   * cores; what these check is correctness, not speed.
   */
  const DAMAGED_STREAM_TIMEOUT_MS = 30_000;

  const onlyOriginals = (sent: Uint8Array[], got: Uint8Array[]) => {
    for (const m of got) expect(sent.some((s) => equal(s, m))).toBe(true);
  };

  const inOrderSubsequence = (sent: Uint8Array[], got: Uint8Array[]) => {
    let cursor = 0;
    for (const m of got) {
      while (cursor < sent.length && !equal(sent[cursor] as Uint8Array, m)) cursor++;
      expect(cursor).toBeLessThan(sent.length);
      cursor++;
    }
  };

  it('never throws on repeatedly damaged streams, delivers only original messages, and recovers', () => {
    // Several damages can build a valid-looking stream (duplicate a message, then renumber it), so only content is checked.
    fc.assert(damagedStream({ minLength: 1, maxLength: 5 }, onlyOriginals), { numRuns: 300 });
  }, DAMAGED_STREAM_TIMEOUT_MS);

  it('loses but never duplicates or reorders messages when one frame is damaged', () => {
    fc.assert(damagedStream({ minLength: 1, maxLength: 1 }, inOrderSubsequence), { numRuns: 300 });
  }, DAMAGED_STREAM_TIMEOUT_MS);

  it('regression: seed 412265441 once delivered a duplicated one-fragment message twice', () => {
    // Found by the multi-damage property when it still checked order; run 94 of this seed is [[0xff], []] with frame 0 duplicated.
    fc.assert(damagedStream({ minLength: 1, maxLength: 5 }, inOrderSubsequence), { seed: 412265441, numRuns: 94 });
  });
});

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Vitest's deep equality walks typed arrays element by element: far too slow for megabytes inside a property. */
function expectSame(actual: Uint8Array[], expected: Uint8Array[]): void {
  expect(actual.map((m) => m.byteLength)).toEqual(expected.map((m) => m.byteLength));
  actual.forEach((m, i) => expect(equal(m, expected[i] as Uint8Array), `message ${i} differs`).toBe(true));
}
