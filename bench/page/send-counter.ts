/**
 * Counts the bytes this page hands to real RTCDataChannels, for the traffic
 * amplification figure. bench-page.ts imports this module first, so the
 * prototype is patched before y-webrtc, simple-peer or the framing layer is
 * even evaluated. FramedDataChannel wraps a real channel rather than being
 * one, so each byte is counted once, as the framing layer puts it on the wire
 * (fragment headers included).
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

export function sentCount(): SentCount {
  return { bytes, messages, firstSendAt, broadcastBytes };
}
