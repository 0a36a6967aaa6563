/**
 * Message framing beneath y-webrtc: splits large messages into fragments that
 * fit a WebRTC data channel and reassembles them on the other side.
 *
 * Wire format (one data-channel message = one frame):
 *
 *   passthrough  the message itself, unchanged. Used when the message is at
 *                most PASSTHROUGH_MAX_BYTES long and does not start with
 *                FRAGMENT_MARKER. Every y-webrtc message starts with a varuint
 *                message type 0..4, so all small y-webrtc traffic is
 *                byte-identical to what a stock peer sends and expects.
 *
 *   fragment     byte 0       FRAGMENT_MARKER (0xff)
 *                byte 1       FRAGMENT_MAGIC  (0x53, also the format version)
 *                bytes 2..5   message id, uint32 big-endian (wraps)
 *                bytes 6..9   fragment index, uint32 big-endian, from 0
 *                bytes 10..13 total message length in bytes, uint32 big-endian
 *                bytes 14..   payload: the next slice of the message
 *
 * Fragments of one message are sent consecutively on a reliable, ordered
 * channel; the message is complete when the payloads add up to the total.
 * The receiver never needs the sender's fragment size. A message of any size
 * that starts with 0xff is sent as fragments too (possibly just one), so every
 * byte sequence round-trips.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { StroomkringError } from '../errors/stroomkring-error';

/** The size every WebRTC stack accepts (the SDP default max-message-size, RFC 8841), so a stock peer never sees more. */
export const PASSTHROUGH_MAX_BYTES = 64 * 1024;

/** Whole fragment including header; kept at the passthrough size so no frame is ever larger than a small message. */
export const FRAGMENT_BYTES = 64 * 1024;

/** Refuse claimed totals beyond this: a peer must not make us reserve arbitrary memory. */
export const DEFAULT_MAX_MESSAGE_BYTES = 512 * 1024 * 1024;

/** First allocation for an incoming message; the buffer then doubles as data arrives, so a lying header costs at most this. */
export const INITIAL_ALLOCATION_BYTES = 1024 * 1024;

export const FRAGMENT_MARKER = 0xff;
export const FRAGMENT_MAGIC = 0x53;
export const FRAGMENT_HEADER_BYTES = 14;
const FRAGMENT_PAYLOAD_BYTES = FRAGMENT_BYTES - FRAGMENT_HEADER_BYTES;

/** A message ready to go out as `frameCount` frames, built one at a time so a big message is never copied whole. */
export interface OutgoingMessage {
  readonly frameCount: number;
  /** Bytes all frames put on the wire, headers included. */
  readonly wireBytes: number;
  frame(index: number): Uint8Array;
}

export function isPassthrough(message: Uint8Array): boolean {
  return message.byteLength <= PASSTHROUGH_MAX_BYTES && message[0] !== FRAGMENT_MARKER;
}

/** Plans the frames for one message; `id` distinguishes consecutive fragmented messages. */
export function planMessage(message: Uint8Array, id: number): OutgoingMessage {
  if (isPassthrough(message)) {
    return { frameCount: 1, wireBytes: message.byteLength, frame: () => message };
  }
  const frameCount = Math.max(1, Math.ceil(message.byteLength / FRAGMENT_PAYLOAD_BYTES));
  return {
    frameCount,
    wireBytes: message.byteLength + frameCount * FRAGMENT_HEADER_BYTES,
    frame(index) {
      if (!Number.isInteger(index) || index < 0 || index >= frameCount) {
        throw new RangeError(`fragment index ${index} outside 0..${frameCount - 1}`);
      }
      const payload = message.subarray(index * FRAGMENT_PAYLOAD_BYTES, (index + 1) * FRAGMENT_PAYLOAD_BYTES);
      const out = new Uint8Array(FRAGMENT_HEADER_BYTES + payload.byteLength);
      const view = new DataView(out.buffer);
      out[0] = FRAGMENT_MARKER;
      out[1] = FRAGMENT_MAGIC;
      view.setUint32(2, id >>> 0);
      view.setUint32(6, index);
      view.setUint32(10, message.byteLength);
      out.set(payload, FRAGMENT_HEADER_BYTES);
      return out;
    },
  };
}

/** All frames of a message at once; convenient for tests and small messages. */
export function encodeMessage(message: Uint8Array, id: number): Uint8Array[] {
  const plan = planMessage(message, id);
  return Array.from({ length: plan.frameCount }, (_, i) => plan.frame(i));
}

export type FramingErrorCode =
  | 'truncated-header'
  | 'unknown-frame'
  | 'too-large'
  | 'out-of-order'
  | 'replayed'
  | 'interleaved'
  | 'inconsistent-total'
  | 'empty-fragment'
  | 'overrun'
  | 'allocation-failed';

/** What went wrong with an incoming frame; returned, never thrown, from the receive path. */
export class FramingError extends StroomkringError {
  override readonly name = 'FramingError';
  constructor(
    readonly code: FramingErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export type ReceiveResult =
  | { readonly kind: 'message'; readonly message: Uint8Array }
  | { readonly kind: 'pending' }
  | { readonly kind: 'error'; readonly error: FramingError };

const PENDING: ReceiveResult = { kind: 'pending' };

interface InProgress {
  readonly id: number;
  readonly total: number;
  nextIndex: number;
  received: number;
  buffer: Uint8Array;
}

export interface ReassemblerOptions {
  readonly maxMessageBytes?: number;
  readonly initialAllocationBytes?: number;
}

/**
 * Turns incoming frames (in channel order) back into messages. Any protocol
 * violation drops the message in progress and the offending frame, so the
 * next well-formed message is received normally.
 */
export class Reassembler {
  private readonly maxMessageBytes: number;
  private readonly initialAllocationBytes: number;
  private partial: InProgress | null = null;
  /** Id of the last fragmented message delivered; the sender numbers messages, so a repeat is a replay. */
  private lastId: number | null = null;

  constructor(options: ReassemblerOptions = {}) {
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.initialAllocationBytes = options.initialAllocationBytes ?? INITIAL_ALLOCATION_BYTES;
  }

  /** True while a fragmented message is partly received. */
  get busy(): boolean {
    return this.partial !== null;
  }

  receive(frame: Uint8Array): ReceiveResult {
    try {
      return this.accept(frame);
    } catch (cause) {
      // Only allocation can throw here (RangeError on an absurd size); keep the promise never to throw.
      return this.fail('allocation-failed', String(cause));
    }
  }

  reset(): void {
    this.partial = null;
  }

  private accept(frame: Uint8Array): ReceiveResult {
    if (frame[0] !== FRAGMENT_MARKER) {
      if (this.partial) return this.fail('interleaved', 'unframed message inside a fragmented one');
      return { kind: 'message', message: frame };
    }
    if (frame.byteLength < FRAGMENT_HEADER_BYTES) {
      if (frame.byteLength >= 2 && frame[1] !== FRAGMENT_MAGIC) return this.fail('unknown-frame', `magic 0x${hex(frame[1])}`);
      return this.fail('truncated-header', `${frame.byteLength} bytes`);
    }
    if (frame[1] !== FRAGMENT_MAGIC) return this.fail('unknown-frame', `magic 0x${hex(frame[1])}`);

    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const id = view.getUint32(2);
    const index = view.getUint32(6);
    const total = view.getUint32(10);
    const payload = frame.subarray(FRAGMENT_HEADER_BYTES);

    if (total > this.maxMessageBytes) return this.fail('too-large', `${total} bytes claimed, limit ${this.maxMessageBytes}`);

    let partial = this.partial;
    if (!partial) {
      if (index !== 0) return this.fail('out-of-order', `message ${id} starts at fragment ${index}`);
      if (id === this.lastId) return this.fail('replayed', `message ${id} again`);
      partial = { id, total, nextIndex: 0, received: 0, buffer: new Uint8Array(Math.min(total, this.initialAllocationBytes)) };
      this.partial = partial;
    } else if (id !== partial.id) {
      return this.fail('interleaved', `fragment of message ${id} inside message ${partial.id}`);
    } else if (index !== partial.nextIndex) {
      return this.fail('out-of-order', `fragment ${index}, expected ${partial.nextIndex}`);
    } else if (total !== partial.total) {
      return this.fail('inconsistent-total', `${total} bytes, earlier ${partial.total}`);
    }

    // Empty fragments would let a peer hold a message open forever without sending data.
    if (payload.byteLength === 0 && total > 0) return this.fail('empty-fragment', `fragment ${index} of message ${id}`);
    const end = partial.received + payload.byteLength;
    if (end > total) return this.fail('overrun', `${end} bytes of ${total}`);

    if (end > partial.buffer.byteLength) {
      const grown = new Uint8Array(Math.min(total, Math.max(end, partial.buffer.byteLength * 2)));
      grown.set(partial.buffer.subarray(0, partial.received));
      partial.buffer = grown;
    }
    partial.buffer.set(payload, partial.received);
    partial.received = end;
    partial.nextIndex += 1;

    if (partial.received < total) return PENDING;
    this.partial = null;
    this.lastId = partial.id;
    return { kind: 'message', message: partial.buffer };
  }

  private fail(code: FramingErrorCode, detail: string): ReceiveResult {
    this.partial = null;
    return { kind: 'error', error: new FramingError(code, detail) };
  }
}

function hex(byte: number | undefined): string {
  return bytesToHex(Uint8Array.of(byte ?? 0));
}
