/**
 * "A peer without the key neither connects nor learns anything but the
 * hashed room name": signaling messages in a room are encrypted with a key
 * derived from the workspace key (y-webrtc's password), so a client on the
 * same room topic with another key decrypts nothing, and therefore never
 * learns a peer id to connect to.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { roomNameFor } from '../../shared/invite/workspace-key.ts';
import { startSignalingHub, type SignalingHub } from './signaling-hub.ts';
import { sleep, waitFor } from './test-fixtures/test-client.ts';
import { stockClient, useWebSocketGlobal, type StockClient } from './test-fixtures/y-webrtc-stock.ts';

useWebSocketGlobal();

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function client(hub: SignalingHub, room: string, key: string, peerId: string): Promise<StockClient> {
  const c = await stockClient(hub.url, room, key, peerId);
  cleanups.push(() => c.destroy());
  await waitFor(() => c.conn.connected, 'signaling connection');
  c.join();
  return c;
}

describe('a peer with the wrong workspace key', () => {
  it('learns nothing from the room, even with its name', async () => {
    const hub = await startSignalingHub({ host: '127.0.0.1', port: 0, log: () => {} });
    cleanups.push(() => hub.close());
    const key = 'k'.repeat(43);
    const room = await roomNameFor('workspace-1', key);
    expect(room).not.toContain('workspace-1');

    const anne = await client(hub, room, key, 'anne');
    const bram = await client(hub, room, key, 'bram');
    const mallory = await client(hub, room, 'x'.repeat(43), 'mallory');
    await waitFor(() => anne.received.some((m) => (m as { from?: string }).from === 'bram'), 'anne hears bram');
    await bram.publish({ type: 'signal', from: 'bram', to: 'anne', signal: { type: 'offer', sdp: 'v=0' } });
    await waitFor(() => anne.received.some((m) => (m as { type?: string }).type === 'signal'), 'anne gets the offer');
    await sleep(300);

    // Mallory hears only the echo of her own announce; everything of Anne and Bram stays ciphertext to her.
    expect(mallory.received).toEqual([{ type: 'announce', from: 'mallory' }]);
    expect(mallory.undecryptable).toBeGreaterThanOrEqual(1);
    expect(anne.undecryptable).toBeGreaterThanOrEqual(1);
    expect(anne.received.some((m) => (m as { from?: string }).from === 'mallory')).toBe(false);
  });
});
