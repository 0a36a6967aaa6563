/**
 * The y-webrtc patch (patches/y-webrtc+10.3.0.patch): a room with a peer
 * protocol stays off the BroadcastChannel. Stock y-webrtc posts the whole
 * document there on every connect and every update after it, and reads its
 * own posts back (lib0 hands a publish to local subscribers too): on a large
 * workspace that was over 150 ms of the first screen for nothing, since the
 * app syncs only over its data channels.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';

const providers: WebrtcProvider[] = [];
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
});

type PatchedRoom = { bcconnected: boolean; connected: boolean };

/** The provider's room, opened once its key is derived (a promise even without a password). */
async function roomOf(name: string, doc: Y.Doc, withProtocol: boolean): Promise<PatchedRoom> {
  const protocol = { open: () => {}, close: () => {}, message: () => {} };
  const created = new WebrtcProvider(name, doc, { signaling: [], ...(withProtocol ? { peerProtocol: protocol } : {}) } as ConstructorParameters<typeof WebrtcProvider>[2]);
  providers.push(created);
  await expect.poll(() => created.room).not.toBeNull();
  return created.room as unknown as PatchedRoom;
}
/** lib0's observable keeps its listeners here. */
const updateListeners = (doc: Y.Doc): number => (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update')?.size ?? 0;

function postsOn(name: string): { posted: unknown[]; close(): void } {
  const channel = new BroadcastChannel(name);
  const posted: unknown[] = [];
  channel.onmessage = (event) => posted.push(event.data);
  return { posted, close: () => channel.close() };
}

describe('y-webrtc as patched', () => {
  it('a stock room posts the document on the BroadcastChannel (what the patch turns off)', async () => {
    const channel = postsOn('patch-room-stock');
    try {
      const room = await roomOf('patch-room-stock', new Y.Doc(), false);
      expect(room.bcconnected).toBe(true);
      await expect.poll(() => channel.posted.length).toBeGreaterThan(0);
    } finally {
      channel.close();
    }
  });

  it('a room with a peer protocol neither joins the BroadcastChannel nor follows document updates for it', async () => {
    const doc = new Y.Doc();
    const before = updateListeners(doc);
    const room = await roomOf('patch-room-protocol', doc, true);
    expect(room.connected).toBe(true);
    expect(room.bcconnected).toBe(false);
    expect(updateListeners(doc)).toBe(before);
  });
});
