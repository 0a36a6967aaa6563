/**
 * Interop with stock y-webrtc 10.3.0, both ways round:
 * (a) y-webrtc's own SignalingConn (and its crypto) as the client of our hubs;
 * (b) y-webrtc's bin/server.js as the peer hub our federation client links to.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SignalingHub } from './signaling-hub.ts';
import { startSignalingHub } from './signaling-hub.ts';
import type { StockServer } from './test-fixtures/stock-server.ts';
import { startStockServer } from './test-fixtures/stock-server.ts';
import { connectClient, publishesOn, sleep, waitFor } from './test-fixtures/test-client.ts';
import type { StockClient } from './test-fixtures/y-webrtc-stock.ts';
import { stockClient, useWebSocketGlobal } from './test-fixtures/y-webrtc-stock.ts';

useWebSocketGlobal();

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hub(): Promise<SignalingHub> {
  const h = await startSignalingHub({ host: '127.0.0.1', port: 0, log: () => {}, peerReconnectBaseMs: 50 });
  cleanups.push(() => h.close());
  return h;
}

async function stock(url: string, room: string, peerId: string): Promise<StockClient> {
  const c = await stockClient(url, room, 'workspace-key', peerId);
  cleanups.push(() => c.destroy());
  await waitFor(() => c.conn.connected, `SignalingConn to ${url} to connect`);
  return c;
}

const announcesFrom = (c: StockClient, from: string): unknown[] =>
  c.received.filter((d) => (d as { type?: string }).type === 'announce' && (d as { from?: string }).from === from);

describe('(a) y-webrtc SignalingConn against our hub', () => {
  it('two stock clients on one hub exchange announce and signal messages', async () => {
    const h = await hub();
    const alice = await stock(h.url, 'room-1', 'alice');
    const bob = await stock(h.url, 'room-1', 'bob');
    alice.join();
    await sleep(50);
    bob.join();
    await waitFor(() => announcesFrom(alice, 'bob').length > 0, 'alice to see bob announce');
    const offer = { type: 'signal', from: 'alice', to: 'bob', token: 0.25, signal: { type: 'offer', sdp: 'v=0 fake' } };
    await alice.publish(offer);
    await waitFor(() => bob.received.some((d) => (d as { type?: string }).type === 'signal'), 'bob to receive the offer');
    expect(bob.received).toContainEqual(offer);
  });

  it('stock clients on two federated hubs find each other, even when they joined before the hubs linked', async () => {
    const [hubA, hubB] = [await hub(), await hub()];
    const alice = await stock(hubA.url, 'room-2', 'alice');
    const bob = await stock(hubB.url, 'room-2', 'bob');
    alice.join();
    bob.join();
    await sleep(100);
    expect(announcesFrom(alice, 'bob')).toEqual([]);
    // Linking now replays each side's announce to the other, as y-webrtc will not repeat it.
    hubA.addPeerHub(hubB.url);
    hubB.addPeerHub(hubA.url);
    await waitFor(() => announcesFrom(alice, 'bob').length > 0, 'alice to learn of bob');
    await waitFor(() => announcesFrom(bob, 'alice').length > 0, 'bob to learn of alice');
    const answer = { type: 'signal', from: 'bob', to: 'alice', signal: { type: 'answer', sdp: 'v=0 answer' } };
    await bob.publish(answer);
    await waitFor(() => alice.received.some((d) => (d as { type?: string }).type === 'signal'), 'alice to receive the answer');
    await sleep(200);
    expect(alice.received.filter((d) => (d as { type?: string }).type === 'signal')).toEqual([answer]);
    // Both hubs replay over both links; (hub, seq) dedup still delivers each announce once.
    expect(announcesFrom(alice, 'bob')).toHaveLength(1);
    expect(announcesFrom(bob, 'alice')).toHaveLength(1);
  });
});

describe('(b) y-webrtc bin/server.js as the peer hub for our federation client', () => {
  let server: StockServer;
  beforeAll(async () => {
    server = await startStockServer();
  });
  afterAll(async () => server.stop());

  it('relays a topic both ways between a client of our hub and a client of bin/server.js', async () => {
    const h = await hub();
    h.addPeerHub(server.url);
    await waitFor(() => h.peerHubs()[0]?.state === 'open', 'link to bin/server.js');
    expect(h.peerHubs()[0]?.remoteHubId).toBeUndefined(); // a stock server has no hub id
    const ours = await connectClient(h.url);
    const theirs = await connectClient(server.url);
    cleanups.push(() => ours.close(), () => theirs.close());
    ours.send({ type: 'subscribe', topics: ['topic-b'] });
    theirs.send({ type: 'subscribe', topics: ['topic-b'] });
    await sleep(100); // bin/server.js has no ping-pong barrier for subscriptions on another socket
    ours.send({ type: 'publish', topic: 'topic-b', data: 'from ours' });
    await theirs.next((m) => m.data === 'from ours');
    theirs.send({ type: 'publish', topic: 'topic-b', data: 'from theirs' });
    await ours.next((m) => m.data === 'from theirs');
    await sleep(200);
    // bin/server.js echoes our push back to us; the hub drops the echo, so each arrives once.
    expect(publishesOn(ours, 'topic-b').map((m) => m.data)).toEqual(['from ours', 'from theirs']);
    expect(publishesOn(theirs, 'topic-b').map((m) => m.data)).toEqual(['from ours', 'from theirs']);
    // What reaches an ordinary client of ours carries no federation tag.
    expect(publishesOn(ours, 'topic-b')[1]).toEqual({ type: 'publish', topic: 'topic-b', data: 'from theirs', clients: 1 });
  });

  it('bridges two of our hubs that only share bin/server.js (the internet-server case), once per message', async () => {
    const [hubA, hubB] = [await hub(), await hub()];
    hubA.addPeerHub(server.url);
    hubB.addPeerHub(server.url);
    const a = await connectClient(hubA.url);
    const b = await connectClient(hubB.url);
    cleanups.push(() => a.close(), () => b.close());
    a.send({ type: 'subscribe', topics: ['topic-c'] });
    b.send({ type: 'subscribe', topics: ['topic-c'] });
    await waitFor(() => hubA.peerHubs()[0]?.state === 'open' && hubB.peerHubs()[0]?.state === 'open', 'both links');
    await sleep(100);
    a.send({ type: 'publish', topic: 'topic-c', data: 'hello b' });
    await b.next((m) => m.data === 'hello b');
    await sleep(200);
    expect(publishesOn(b, 'topic-c')).toHaveLength(1);
    expect(publishesOn(a, 'topic-c')).toHaveLength(1);
  });
});
