/**
 * y-webrtc 10.3.0's own client-side code, loaded for interop tests: its
 * SignalingConn (the class every WebrtcProvider uses to talk to a signaling
 * server) and the crypto it applies to every publish. In Node there is no
 * global WebSocket, so `ws` stands in for the browser's.
 */
import type { webcrypto } from 'node:crypto';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { afterAll, beforeAll } from 'vitest';
import { WebSocket } from 'ws';
import { SignalingConn } from 'y-webrtc';

interface YWebrtcCrypto {
  deriveKey(secret: string, roomName: string): Promise<webcrypto.CryptoKey>;
  encryptJson(data: unknown, key: webcrypto.CryptoKey): Promise<Uint8Array>;
  decryptJson(data: Uint8Array, key: webcrypto.CryptoKey): Promise<unknown>;
}

/** Not in y-webrtc's export map, so reached by file URL; same file its WebrtcProvider imports. */
const cryptoUrl = new URL('../../../node_modules/y-webrtc/src/crypto.js', import.meta.url).href;

export function installWebSocketGlobal(): () => void {
  const g = globalThis as { WebSocket?: unknown };
  const previous = g.WebSocket;
  g.WebSocket = WebSocket;
  return () => {
    g.WebSocket = previous;
  };
}

/** Registers the WebSocket stand-in for the whole test file (y-webrtc reads the global). */
export function useWebSocketGlobal(): void {
  let restore: () => void = () => {};
  beforeAll(() => {
    restore = installWebSocketGlobal();
  });
  afterAll(() => restore());
}

export interface StockClient {
  conn: SignalingConn;
  /** Decrypted `data` of every publish received on the room. */
  received: unknown[];
  /** Publishes on the room that this client's key could not decrypt. */
  readonly undecryptable: number;
  /** Subscribes and announces exactly as y-webrtc's announceSignalingInfo does. */
  join(): void;
  /** Sends `data` exactly as y-webrtc's publishSignalingMessage does for a room with a password. */
  publish(data: unknown): Promise<void>;
  destroy(): void;
}

export async function stockClient(url: string, room: string, password: string, peerId: string): Promise<StockClient> {
  const crypto = (await import(cryptoUrl)) as YWebrtcCrypto;
  const key = await crypto.deriveKey(password, room);
  const conn = new SignalingConn(url);
  const received: unknown[] = [];
  let undecryptable = 0;
  conn.on('message', (m: { type?: string; topic?: string; data?: unknown }) => {
    if (m.type !== 'publish' || m.topic !== room || typeof m.data !== 'string') return;
    crypto.decryptJson(fromBase64(m.data), key).then(
      (data) => received.push(data),
      () => {
        undecryptable += 1;
      },
    );
  });
  const publish = async (data: unknown): Promise<void> => {
    const encrypted = await crypto.encryptJson(data, key);
    conn.send({ type: 'publish', topic: room, data: toBase64(encrypted) });
  };
  return {
    conn,
    received,
    get undecryptable() {
      return undecryptable;
    },
    join() {
      conn.send({ type: 'subscribe', topics: [room] });
      void publish({ type: 'announce', from: peerId });
    },
    publish,
    destroy: () => conn.destroy(),
  };
}
