/**
 * Counts the bytes this page hands to real RTCDataChannels, for the traffic
 * amplification figure. bench-page.ts imports this module first, so the
 * prototype is patched before y-webrtc, simple-peer or the framing layer is
 * even evaluated. FramedDataChannel wraps a real channel rather than being
 * one, so each byte is counted once, as the framing layer puts it on the wire
 * (fragment headers included).
 *
 * What arrives on real RTCDataChannels is counted too (receivedCount), split
 * into peer-auth messages (shared/membership/peer-auth.ts: first byte
 * AUTH_TAG, never fragmented) and everything else, which is the workspace's:
 * a removed member may still be told "refused", and nothing more.
 *
 * BroadcastChannel posts are counted separately: y-webrtc posts its whole
 * document there (encrypted) when it joins a room, and the sync benchmark
 * waits for that to finish before a second peer joins.
 */

export interface SentCount {
  readonly bytes: number;
  readonly messages: number;
  /** When this page first sent on any channel (ms since epoch): y-webrtc sends sync step 1 the moment a peer connects. */
  readonly firstSendAt: number | null;
  /** Bytes posted to BroadcastChannels (binary messages only; that is all y-webrtc posts). */
  readonly broadcastBytes: number;
}

let bytes = 0;
let messages = 0;
let firstSendAt: number | null = null;
let broadcastBytes = 0;
const encoder = new TextEncoder();
/** peer-auth.ts's first byte; not imported, so this module stays free of the app's code and is evaluated first. */
const AUTH_TAG = 75;

function byteLength(data: unknown): number {
  if (typeof data === 'string') return encoder.encode(data).byteLength;
  if (data instanceof Blob) return data.size;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

const realSend = RTCDataChannel.prototype.send as (this: RTCDataChannel, data: unknown) => void;
(RTCDataChannel.prototype as unknown as { send: (data: unknown) => void }).send = function send(this: RTCDataChannel, data: unknown): void {
  realSend.call(this, data);
  // Counted only after the real send accepted it: a refused send put nothing on the wire.
  firstSendAt ??= Date.now();
  bytes += byteLength(data);
  messages += 1;
};

const realPost = BroadcastChannel.prototype.postMessage as (this: BroadcastChannel, message: unknown) => void;
(BroadcastChannel.prototype as unknown as { postMessage: (message: unknown) => void }).postMessage = function postMessage(this: BroadcastChannel, message: unknown): void {
  realPost.call(this, message);
  if (message instanceof ArrayBuffer || ArrayBuffer.isView(message)) broadcastBytes += message.byteLength;
};

export interface ReceivedCount {
  /** Bytes of messages that are not peer-auth messages: sync, presence, files. */
  readonly bytes: number;
  /** Bytes of peer-auth messages (challenges, proofs, refusals). */
  readonly authBytes: number;
}

let receivedBytes = 0;
let receivedAuthBytes = 0;
const countedChannels = new WeakSet<RTCDataChannel>();

function countIncoming(channel: RTCDataChannel): void {
  if (countedChannels.has(channel)) return;
  countedChannels.add(channel);
  realAddEventListener.call(channel, 'message', (event: Event) => {
    const data = (event as MessageEvent).data as unknown;
    const first = data instanceof ArrayBuffer ? new Uint8Array(data, 0, Math.min(1, data.byteLength))[0] : undefined;
    if (first === AUTH_TAG) receivedAuthBytes += byteLength(data);
    else receivedBytes += byteLength(data);
  });
}

// Every receiver of a channel's messages subscribes one way or the other; the first to do so brings the counter along.
const realAddEventListener = RTCDataChannel.prototype.addEventListener as (this: RTCDataChannel, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => void;
(RTCDataChannel.prototype as unknown as { addEventListener: typeof realAddEventListener }).addEventListener = function addEventListener(this: RTCDataChannel, type, listener, options): void {
  countIncoming(this);
  realAddEventListener.call(this, type, listener, options);
};
const onmessage = Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, 'onmessage');
Object.defineProperty(RTCDataChannel.prototype, 'onmessage', {
  configurable: true,
  get(this: RTCDataChannel) {
    return onmessage?.get?.call(this) as unknown;
  },
  set(this: RTCDataChannel, handler: unknown) {
    countIncoming(this);
    onmessage?.set?.call(this, handler);
  },
});

export function receivedCount(): ReceivedCount {
  return { bytes: receivedBytes, authBytes: receivedAuthBytes };
}

export function sentCount(): SentCount {
  return { bytes, messages, firstSendAt, broadcastBytes };
}
