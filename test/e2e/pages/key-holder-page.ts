/**
 * A client that holds a workspace's key and nothing else (someone who saw an
 * invite code, or an old one already used), for test/e2e/key-holder.spec.ts:
 * y-webrtc as it comes, in the workspace's room (the name is derived from id
 * and key as the app does), speaking y-webrtc's own sync protocol. It counts
 * every byte its data channels receive, and apart those that are not the
 * proving protocol's (a challenge, a refusal), so the test can check that a
 * partner sends it nothing of the workspace.
 *
 * y-webrtc here carries the project's patch, which changes nothing for a
 * provider without a peer protocol (the patch's hooks are opt-in).
 */
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { roomNameFor } from '../../../shared/invite/workspace-key';
import { AUTH_TAG } from '../../../shared/membership/peer-auth';

let received = 0;
let messages = 0;
/** Bytes of messages that are not the proving protocol's (shared/membership/peer-auth.ts: first byte 75). */
let otherThanProving = 0;

function byteLength(data: unknown): number {
  if (typeof data === 'string') return new TextEncoder().encode(data).byteLength;
  if (data instanceof Blob) return data.size;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

// simple-peer reads messages through `onmessage`; every channel's deliveries pass through this setter.
const descriptor = Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, 'onmessage') as PropertyDescriptor;
Object.defineProperty(RTCDataChannel.prototype, 'onmessage', {
  configurable: true,
  get(this: RTCDataChannel) {
    return descriptor.get?.call(this) as unknown;
  },
  set(this: RTCDataChannel, handler: ((event: MessageEvent) => void) | null) {
    descriptor.set?.call(
      this,
      handler &&
        ((event: MessageEvent) => {
          const bytes = byteLength(event.data);
          received += bytes;
          messages += 1;
          const first = event.data instanceof ArrayBuffer ? new Uint8Array(event.data)[0] : undefined;
          if (first !== AUTH_TAG) otherThanProving += bytes;
          handler.call(this, event);
        }),
    );
  },
});

const doc = new Y.Doc();
let provider: WebrtcProvider | undefined;

async function start(options: { hubUrl: string; workspaceId: string; key: string }): Promise<void> {
  const room = await roomNameFor(options.workspaceId, options.key);
  provider = new WebrtcProvider(room, doc, { signaling: [options.hubUrl], password: options.key, peerOpts: { config: { iceServers: [] } } });
}

function view() {
  return {
    received,
    messages,
    otherThanProving,
    /** Connections y-webrtc holds open now. */
    connections: provider?.room?.webrtcConns.size ?? 0,
    /** Whatever of the workspace arrived: the roots with content. */
    roots: [...doc.share.keys()].filter((name) => (doc.share.get(name) as Y.AbstractType<unknown>)._length > 0 || (doc.share.get(name) as Y.AbstractType<unknown>)._map.size > 0),
    stateBytes: Y.encodeStateAsUpdate(doc).byteLength,
  };
}

function stop(): void {
  provider?.destroy();
}

const api = { start, view, stop };
export type KeyHolderApi = typeof api;
(window as unknown as { keyHolder: KeyHolderApi; bench: unknown }).keyHolder = api;
(window as unknown as { bench: unknown }).bench = api;
