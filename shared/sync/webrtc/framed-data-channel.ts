/**
 * An RTCDataChannel look-alike for simple-peer that frames messages (see
 * shared/sync/framing.ts) over a real channel, so y-webrtc can send messages
 * of any size. Outgoing frames wait in a queue and are handed to the real
 * channel only while its buffer is below HIGH_WATER_MARK_BYTES: Chromium
 * closes a data channel whose send buffer overflows (16 MiB), and a full
 * buffer would also starve small sync messages behind a large one.
 *
 * This is a network edge: a malformed frame from a peer is logged here and
 * dropped; nothing from the receive path throws into the channel's events.
 */
import { Reassembler, isPassthrough, planMessage, type OutgoingMessage } from '../framing';

/** Keeps the real channel busy (about 60 ms of data at the 13–17 MiB/s measured here) without piling up memory in it. */
export const HIGH_WATER_MARK_BYTES = 1024 * 1024;

/** Refill when the real buffer drains to this: low enough to batch wake-ups, high enough that it never runs dry while we react. */
export const LOW_WATER_MARK_BYTES = 256 * 1024;

export type FramingLogger = (message: string, detail: unknown) => void;

type Queued =
  | { readonly kind: 'binary'; readonly plan: OutgoingMessage; next: number }
  | { readonly kind: 'text'; readonly text: string; readonly wireBytes: number };

/** The error event simple-peer reads `error` from; a DOM event cannot be re-dispatched, so it is copied. */
class ForwardedErrorEvent extends Event {
  constructor(readonly error: unknown) {
    super('error');
  }
}

type Handler = ((this: FramedDataChannel, ev: Event) => unknown) | null;
const FORWARDED = ['open', 'close', 'closing', 'error'] as const;

export class FramedDataChannel extends EventTarget {
  onopen: Handler = null;
  onclose: Handler = null;
  onclosing: Handler = null;
  onerror: Handler = null;
  onmessage: ((this: FramedDataChannel, ev: MessageEvent) => unknown) | null = null;
  onbufferedamountlow: Handler = null;
  /** Threshold for this wrapper's own 'bufferedamountlow', measured against `bufferedAmount` below. */
  bufferedAmountLowThreshold = 0;

  private readonly reassembler = new Reassembler();
  private readonly queue: Queued[] = [];
  private queuedBytes = 0;
  private nextMessageId = 0;
  private closeRequested = false;
  private aboveLowThreshold = false;
  private malformedFrames = 0;
  private wantedBinaryType: BinaryType = 'arraybuffer';

  constructor(
    readonly inner: RTCDataChannel,
    private readonly log: FramingLogger = (message, detail) => console.warn(message, detail),
  ) {
    super();
    // Frames are always read as bytes; the reassembler needs them whole and synchronously.
    inner.binaryType = 'arraybuffer';
    inner.bufferedAmountLowThreshold = LOW_WATER_MARK_BYTES;
    inner.addEventListener('message', (ev) => this.onInnerMessage(ev));
    inner.addEventListener('bufferedamountlow', () => this.pump());
    inner.addEventListener('open', () => this.pump());
    for (const type of FORWARDED) {
      inner.addEventListener(type, (ev) => {
        if (type === 'close') this.dropQueue();
        this.dispatchEvent(type === 'error' ? new ForwardedErrorEvent((ev as RTCErrorEvent).error) : new Event(type));
      });
    }
    // The on* properties behave like event handler attributes: called as listeners of their own type.
    for (const type of [...FORWARDED, 'message', 'bufferedamountlow'] as const) {
      this.addEventListener(type, (ev) => {
        const handler = this[`on${type}`] as ((this: FramedDataChannel, ev: Event) => unknown) | null;
        handler?.call(this, ev);
      });
    }
  }

  get label(): string { return this.inner.label; }
  get id(): number | null { return this.inner.id; }
  get protocol(): string { return this.inner.protocol; }
  get ordered(): boolean { return this.inner.ordered; }
  get negotiated(): boolean { return this.inner.negotiated; }
  get maxPacketLifeTime(): number | null { return this.inner.maxPacketLifeTime; }
  get maxRetransmits(): number | null { return this.inner.maxRetransmits; }

  /** Remembered for callers that read it back; messages are always delivered as ArrayBuffer (all simple-peer asks for). */
  get binaryType(): BinaryType { return this.wantedBinaryType; }
  set binaryType(value: BinaryType) { this.wantedBinaryType = value; }

  get readyState(): RTCDataChannelState {
    const state = this.inner.readyState;
    return state === 'open' && this.closeRequested ? 'closing' : state;
  }

  /** The real channel's buffer plus our queue, so simple-peer's backpressure sees everything not yet on the wire. */
  get bufferedAmount(): number {
    return this.inner.bufferedAmount + this.queuedBytes;
  }

  /** Frames from the peer that were dropped as malformed. */
  get droppedFrames(): number {
    return this.malformedFrames;
  }

  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void {
    if (this.readyState !== 'open') throw new DOMException(`data channel is ${this.readyState}`, 'InvalidStateError');
    let entry: Queued;
    if (typeof data === 'string') {
      // Text is not framed (the sync protocol is binary); it only keeps its place in the queue.
      entry = { kind: 'text', text: data, wireBytes: new TextEncoder().encode(data).byteLength };
    } else if (data instanceof Blob) {
      throw new TypeError('FramedDataChannel does not send Blobs');
    } else {
      const view = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      // A real channel captures the bytes at send(); our queue must too, unless they leave right now.
      const leavesNow = this.queue.length === 0 && this.inner.bufferedAmount < HIGH_WATER_MARK_BYTES && isPassthrough(view);
      entry = { kind: 'binary', plan: planMessage(leavesNow ? view : view.slice(), this.nextMessageId), next: 0 };
      this.nextMessageId = (this.nextMessageId + 1) >>> 0;
    }
    this.queue.push(entry);
    this.queuedBytes += entry.kind === 'text' ? entry.wireBytes : entry.plan.wireBytes;
    this.pump();
    if (this.bufferedAmount > this.bufferedAmountLowThreshold) this.aboveLowThreshold = true;
    this.updateInnerThreshold();
  }

  close(): void {
    this.closeRequested = true;
    if (this.queue.length === 0) this.inner.close();
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inner.readyState === 'open' && this.inner.bufferedAmount < HIGH_WATER_MARK_BYTES) {
      const head = this.queue[0] as Queued;
      try {
        if (head.kind === 'text') {
          this.queue.shift();
          this.queuedBytes -= head.wireBytes;
          this.inner.send(head.text);
        } else {
          const frame = head.plan.frame(head.next) as Uint8Array<ArrayBuffer>;
          head.next += 1;
          if (head.next === head.plan.frameCount) this.queue.shift();
          this.queuedBytes -= frame.byteLength;
          this.inner.send(frame);
        }
      } catch (cause) {
        // The real channel refuses only when it is closing or broken; its own close/error event follows.
        this.log('framed data channel: send failed, dropping queued data', cause);
        this.dropQueue();
        return;
      }
    }
    if (this.queue.length === 0 && this.closeRequested && this.inner.readyState === 'open') this.inner.close();
    this.maybeSignalLow();
    this.updateInnerThreshold();
  }

  private maybeSignalLow(): void {
    if (!this.aboveLowThreshold || this.bufferedAmount > this.bufferedAmountLowThreshold) return;
    this.aboveLowThreshold = false;
    // Like the real event, it arrives as a task of its own, never inside send().
    setTimeout(() => this.dispatchEvent(new Event('bufferedamountlow')), 0);
  }

  /** While our queue is empty, only the caller's own threshold matters; let the real channel wake us for it. */
  private updateInnerThreshold(): void {
    const wanted = this.queue.length === 0 && this.aboveLowThreshold ? Math.min(this.bufferedAmountLowThreshold, LOW_WATER_MARK_BYTES) : LOW_WATER_MARK_BYTES;
    if (this.inner.bufferedAmountLowThreshold !== wanted) this.inner.bufferedAmountLowThreshold = wanted;
  }

  private dropQueue(): void {
    this.queue.length = 0;
    this.queuedBytes = 0;
  }

  private onInnerMessage(ev: MessageEvent): void {
    const data: unknown = ev.data;
    if (typeof data === 'string') {
      this.dispatchEvent(new MessageEvent('message', { data }));
      return;
    }
    if (!(data instanceof ArrayBuffer)) return;
    const result = this.reassembler.receive(new Uint8Array(data));
    if (result.kind === 'message') {
      const { message } = result;
      const whole = message.byteOffset === 0 && message.byteLength === message.buffer.byteLength;
      this.dispatchEvent(new MessageEvent('message', { data: whole ? message.buffer : message.slice().buffer }));
    } else if (result.kind === 'error') {
      this.malformedFrames += 1;
      // One line per channel: a misbehaving peer must not flood the console; the count stays readable.
      if (this.malformedFrames === 1) this.log(`framed data channel "${this.label}": dropped a malformed frame from the peer`, result.error);
    }
  }
}
