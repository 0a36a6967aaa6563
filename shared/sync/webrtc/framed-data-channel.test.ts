/**
 * FramedDataChannel's own logic (queueing, backpressure, the bufferedAmount it
 * reports, closing, the receive edge) against FakeDataChannel, a small
 * in-memory stand-in for the browser's RTCDataChannel, which does not exist in
 * Node. The fake only buffers what it is given and lets the test decide when
 * the "network" drains it. The real channel between two Chromium processes is
 * covered by test/e2e/framing.spec.ts; the wire format by
 * shared/sync/framing.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { FRAGMENT_BYTES, FRAGMENT_MAGIC, FRAGMENT_MARKER, PASSTHROUGH_MAX_BYTES, Reassembler, encodeMessage, planMessage } from '../framing';
import { FramedDataChannel, HIGH_WATER_MARK_BYTES, LOW_WATER_MARK_BYTES } from './framed-data-channel';
import { pseudoRandomBytes } from '../pseudo-random-bytes';

const MiB = 1024 * 1024;

/** The part of RTCDataChannel that FramedDataChannel uses, with the buffer under the test's control. */
class FakeDataChannel extends EventTarget {
  readyState: RTCDataChannelState = 'open';
  binaryType: BinaryType = 'blob';
  bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  readonly label = 'fake';
  readonly id = 1;
  readonly protocol = '';
  readonly ordered = true;
  readonly negotiated = false;
  readonly maxPacketLifeTime = null;
  readonly maxRetransmits = null;
  /** Every message handed to send(), copied as a real channel would. */
  readonly sent: Array<string | Uint8Array> = [];
  /** Makes the next send() throw, as a channel broken underneath does. */
  failNextSend = false;

  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void {
    if (this.readyState !== 'open') throw new DOMException(`fake channel is ${this.readyState}`, 'InvalidStateError');
    if (this.failNextSend) {
      this.failNextSend = false;
      throw new DOMException('fake send failure', 'OperationError');
    }
    if (data instanceof Blob) throw new TypeError('the fake does not take Blobs');
    if (typeof data === 'string') {
      this.sent.push(data);
      this.bufferedAmount += new TextEncoder().encode(data).byteLength;
      return;
    }
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.sent.push(bytes.slice());
    this.bufferedAmount += bytes.byteLength;
  }

  close(): void {
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    this.dispatchEvent(new Event('close'));
  }

  /** The network takes `bytes` off the buffer; like Chromium, 'bufferedamountlow' fires on crossing the threshold. */
  drain(bytes = Number.POSITIVE_INFINITY): void {
    const before = this.bufferedAmount;
    this.bufferedAmount = Math.max(0, before - bytes);
    if (before > this.bufferedAmountLowThreshold && this.bufferedAmount <= this.bufferedAmountLowThreshold) {
      this.dispatchEvent(new Event('bufferedamountlow'));
    }
  }

  /** A message from the peer. */
  receive(data: string | ArrayBuffer): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }

  sentBytes(): Uint8Array[] {
    return this.sent.filter((m): m is Uint8Array => typeof m !== 'string');
  }
}

function setup() {
  const fake = new FakeDataChannel();
  const log = vi.fn();
  const channel = new FramedDataChannel(fake as unknown as RTCDataChannel, log);
  const received: unknown[] = [];
  channel.onmessage = (ev) => void received.push(ev.data);
  return { fake, log, channel, received };
}

/** First byte 0, like every y-webrtc message. */
function bytes(size: number, seed = 7): Uint8Array<ArrayBuffer> {
  return pseudoRandomBytes(size, seed, 0);
}

/** Lets the network drain until the wrapper has nothing left; bounded so a stuck queue fails instead of looping. */
function drainAll(fake: FakeDataChannel, channel: FramedDataChannel): void {
  for (let i = 0; i < 10_000 && channel.bufferedAmount > 0; i++) fake.drain();
  expect(channel.bufferedAmount).toBe(0);
}

/** Byte-wise comparison; toEqual walks megabyte arrays element by element, far too slowly. */
function expectSameBytes(actual: readonly Uint8Array[], expected: readonly Uint8Array[]): void {
  expect(actual.map((a) => a.byteLength)).toEqual(expected.map((e) => e.byteLength));
  actual.forEach((a, m) => {
    const e = expected[m] as Uint8Array;
    const firstDifference = a.findIndex((byte, i) => byte !== e[i]);
    expect(firstDifference, `message ${m} differs from byte ${firstDifference}`).toBe(-1);
  });
}

/** What a peer would make of everything the fake put on the wire. */
function reassemble(frames: Uint8Array[]): Uint8Array[] {
  const reassembler = new Reassembler();
  const out: Uint8Array[] = [];
  for (const frame of frames) {
    const result = reassembler.receive(frame);
    if (result.kind === 'error') throw result.error;
    if (result.kind === 'message') out.push(result.message.slice());
  }
  return out;
}

describe('FramedDataChannel sending', () => {
  it('passes small messages to the real channel unchanged, one send each', () => {
    const { fake, channel } = setup();
    const backing = bytes(300);
    const view = backing.subarray(100, 200);
    channel.send(view);
    channel.send(bytes(PASSTHROUGH_MAX_BYTES, 3).buffer);
    channel.send('text stays text');
    expect(fake.sent).toHaveLength(3);
    expect(fake.sent[0]).toEqual(view);
    expectSameBytes([fake.sent[1] as Uint8Array], [bytes(PASSTHROUGH_MAX_BYTES, 3)]);
    expect(fake.sent[2]).toBe('text stays text');
    expect(channel.bufferedAmount).toBe(fake.bufferedAmount);
  });

  it('fragments a large message and sends only while the real buffer is under the high-water mark', () => {
    const { fake, channel } = setup();
    const message = bytes(5 * MiB);
    const plan = planMessage(message, 0);
    channel.send(message);

    const firstBatch = fake.sent.length;
    expect(firstBatch).toBe(Math.ceil(HIGH_WATER_MARK_BYTES / FRAGMENT_BYTES));
    expect(firstBatch).toBeLessThan(plan.frameCount);
    expect(fake.bufferedAmount).toBeGreaterThanOrEqual(HIGH_WATER_MARK_BYTES);
    expect(fake.bufferedAmount).toBeLessThan(HIGH_WATER_MARK_BYTES + FRAGMENT_BYTES);
    expect(fake.bufferedAmountLowThreshold).toBe(LOW_WATER_MARK_BYTES);

    // Draining that stays above the low-water mark fires no event, so nothing more is sent.
    fake.drain(fake.bufferedAmount - LOW_WATER_MARK_BYTES - 1);
    expect(fake.sent).toHaveLength(firstBatch);

    // Crossing it ('bufferedamountlow') refills up to the high-water mark again.
    fake.drain(1);
    expect(fake.sent.length).toBeGreaterThan(firstBatch);
    expect(fake.bufferedAmount).toBeGreaterThanOrEqual(HIGH_WATER_MARK_BYTES);
    expect(fake.bufferedAmount).toBeLessThan(HIGH_WATER_MARK_BYTES + FRAGMENT_BYTES);

    drainAll(fake, channel);
    const frames = fake.sentBytes();
    expect(frames).toHaveLength(plan.frameCount);
    for (const frame of frames) expect(frame.byteLength).toBeLessThanOrEqual(FRAGMENT_BYTES);
    expectSameBytes(reassemble(frames), [message]);
  });

  it('reports bufferedAmount as the real buffer plus its own queue', () => {
    const { fake, channel } = setup();
    const message = bytes(3 * MiB + 17);
    const { wireBytes } = planMessage(message, 0);
    channel.send(message);
    expect(channel.bufferedAmount).toBe(wireBytes);
    expect(channel.bufferedAmount).toBeGreaterThan(fake.bufferedAmount);

    // Whatever the network has taken is gone; everything else is still "buffered", in the fake or in our queue.
    // The second step crosses the low-water mark, so the wrapper refills the fake in between.
    let drained = 0;
    for (const step of [100_000, HIGH_WATER_MARK_BYTES, 300_000]) {
      drained += Math.min(step, fake.bufferedAmount);
      fake.drain(step);
      expect(channel.bufferedAmount).toBe(wireBytes - drained);
    }
    expect(fake.sent.length).toBeGreaterThan(Math.ceil(HIGH_WATER_MARK_BYTES / FRAGMENT_BYTES));
  });

  it('keeps order: a small message sent behind a queued large one leaves after it, with the bytes it had at send()', () => {
    const { fake, channel } = setup();
    const large = bytes(2 * MiB, 11);
    const small = bytes(100, 12);
    const expected = small.slice();
    channel.send(large);
    channel.send(small);
    small.fill(9); // the caller reuses its buffer; a real channel captured the bytes already
    drainAll(fake, channel);
    expectSameBytes(reassemble(fake.sentBytes()), [large, expected]);
  });

  it("fires its own 'bufferedamountlow' once everything is drained, as a task of its own", async () => {
    const { fake, channel } = setup();
    const low = vi.fn();
    channel.onbufferedamountlow = low;
    channel.send(bytes(2 * MiB));
    drainAll(fake, channel);
    expect(low).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(low).toHaveBeenCalledTimes(1);
  });
});

describe('FramedDataChannel closing', () => {
  it('drops the queue cleanly when the real channel closes underneath it', () => {
    const { fake, channel, log } = setup();
    const onclose = vi.fn();
    channel.onclose = onclose;
    channel.send(bytes(4 * MiB));
    const sentBeforeClose = fake.sent.length;

    fake.close();
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(channel.readyState).toBe('closed');
    expect(channel.bufferedAmount).toBe(fake.bufferedAmount);

    fake.drain(); // a late event must not wake a send on a closed channel
    expect(fake.sent).toHaveLength(sentBeforeClose);
    expect(() => channel.send(bytes(10))).toThrow(DOMException);
    expect(log).not.toHaveBeenCalled();
  });

  it('drops the queue and logs once when the real channel refuses a frame', () => {
    const { fake, channel, log } = setup();
    channel.send(bytes(4 * MiB));
    fake.failNextSend = true;
    expect(() => fake.drain()).not.toThrow();
    expect(log).toHaveBeenCalledTimes(1);
    expect(channel.bufferedAmount).toBe(fake.bufferedAmount);
  });

  it('close() lets queued frames go out first, refusing new sends meanwhile, then closes the real channel', () => {
    const { fake, channel } = setup();
    const message = bytes(3 * MiB);
    channel.send(message);
    channel.close();
    expect(channel.readyState).toBe('closing');
    expect(fake.readyState).toBe('open');
    expect(() => channel.send(bytes(10))).toThrow(DOMException);

    for (let i = 0; i < 1000 && fake.readyState === 'open'; i++) fake.drain();
    expect(fake.readyState).toBe('closed');
    expectSameBytes(reassemble(fake.sentBytes()), [message]);
  });
});

describe('FramedDataChannel receiving', () => {
  it('delivers small messages as they came and reassembles fragmented ones', () => {
    const { fake, received } = setup();
    const small = bytes(1000, 5);
    const large = bytes(PASSTHROUGH_MAX_BYTES * 3 + 5, 6);
    fake.receive(small.slice().buffer);
    for (const frame of encodeMessage(large, 0)) fake.receive(frame.slice().buffer);
    fake.receive('text');
    expect(received).toHaveLength(3);
    expectSameBytes([new Uint8Array(received[0] as ArrayBuffer), new Uint8Array(received[1] as ArrayBuffer)], [small, large]);
    expect(received[2]).toBe('text');
  });

  it('drops malformed frames, logs once without throwing, and keeps delivering later messages', () => {
    const { fake, channel, log, received } = setup();
    const malformed = [
      new Uint8Array([FRAGMENT_MARKER, 0x00, 1, 2, 3]), // unknown magic
      new Uint8Array([FRAGMENT_MARKER, FRAGMENT_MAGIC, 0, 0]), // truncated header
      encodeMessage(bytes(PASSTHROUGH_MAX_BYTES * 2, 8), 4)[1] as Uint8Array, // starts mid-message
    ];
    for (const frame of malformed) expect(() => fake.receive(frame.slice().buffer)).not.toThrow();
    expect(received).toHaveLength(0);
    expect(channel.droppedFrames).toBe(malformed.length);
    expect(log).toHaveBeenCalledTimes(1);

    const after = bytes(PASSTHROUGH_MAX_BYTES * 2, 9);
    fake.receive(bytes(20, 10).slice().buffer);
    for (const frame of encodeMessage(after, 5)) fake.receive(frame.slice().buffer);
    expectSameBytes(received.map((data) => new Uint8Array(data as ArrayBuffer)), [bytes(20, 10), after]);
    expect(log).toHaveBeenCalledTimes(1);
  });
});
