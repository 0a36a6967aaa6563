/**
 * Hub federation on loopback: hubs pointed at each other by address relay
 * topics, each publish arrives exactly once, nothing loops, and links heal.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { SignalingHub, SignalingHubOptions } from './signaling-hub.ts';
import { startSignalingHub } from './signaling-hub.ts';
import type { TestClient } from './test-fixtures/test-client.ts';
import { connectClient, publishesOn, sleep, waitFor } from './test-fixtures/test-client.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hub(options: SignalingHubOptions = {}): Promise<SignalingHub> {
  const h = await startSignalingHub({ host: '127.0.0.1', port: 0, log: () => {}, peerReconnectBaseMs: 50, peerReconnectMaxMs: 200, ...options });
  cleanups.push(() => h.close());
  return h;
}

async function subscriber(h: SignalingHub, topic: string): Promise<TestClient> {
  const c = await connectClient(h.url);
  cleanups.push(() => c.close());
  c.send({ type: 'subscribe', topics: [topic] });
  return c;
}

const allOpen = (...hubs: SignalingHub[]): boolean => hubs.every((h) => h.peerHubs().every((p) => p.state === 'open'));

/** Publishes warm-up messages until `to` hears `from`: the subscription has crossed the link. */
async function warmUp(from: TestClient, to: TestClient, topic: string): Promise<void> {
  const marker = `warm-${Math.random()}`;
  await waitFor(
    () => {
      from.send({ type: 'publish', topic, data: marker });
      return to.messages.some((m) => m.data === marker);
    },
    'the topic to cross the link',
  );
}

const dataOf = (c: TestClient, topic: string): unknown[] => publishesOn(c, topic).map((m) => m.data).filter((d) => !String(d).startsWith('warm-'));

describe('hub federation', () => {
  it('two hubs pointed at each other relay a topic both ways, each publish exactly once', async () => {
    const [hubA, hubB] = [await hub(), await hub()];
    expect(hubA.addPeerHub(hubB.url)).toBe(true);
    expect(hubB.addPeerHub(hubA.url)).toBe(true);
    const a = await subscriber(hubA, 't');
    const b = await subscriber(hubB, 't');
    await waitFor(() => allOpen(hubA, hubB), 'links open');
    expect(hubA.peerHubs()).toEqual([{ url: `${hubB.url}/`, state: 'open', failures: 0, remoteHubId: hubB.hubId }]);
    await warmUp(a, b, 't');
    await warmUp(b, a, 't');
    for (let i = 0; i < 5; i++) {
      a.send({ type: 'publish', topic: 't', data: `a${i}` });
      b.send({ type: 'publish', topic: 't', data: `b${i}` });
    }
    await waitFor(() => dataOf(a, 't').length >= 10 && dataOf(b, 't').length >= 10, 'all ten publishes at both clients');
    await sleep(300); // room for any duplicate or echo to show up
    const sorted = (c: TestClient) => [...dataOf(c, 't')].sort();
    const expected = ['a0', 'a1', 'a2', 'a3', 'a4', 'b0', 'b1', 'b2', 'b3', 'b4'];
    expect(sorted(a)).toEqual(expected);
    expect(sorted(b)).toEqual(expected);
    // Clients never see the federation tag.
    expect(publishesOn(b, 't').every((m) => !('relay' in m))).toBe(true);
  });

  it('introduces a client that joins after an announce already crossed the links', async () => {
    const [hubA, hubB] = [await hub(), await hub()];
    hubA.addPeerHub(hubB.url);
    hubB.addPeerHub(hubA.url);
    await waitFor(() => allOpen(hubA, hubB), 'links open');
    const alice = await subscriber(hubA, 'late');
    alice.send({ type: 'publish', topic: 'late', data: 'announce alice' });
    await alice.next((m) => m.data === 'announce alice');
    await sleep(100); // it crossed to B, where nobody held the topic yet
    const bob = await subscriber(hubB, 'late');
    await bob.next((m) => m.data === 'announce alice');
    await sleep(300);
    expect(dataOf(bob, 'late')).toEqual(['announce alice']);
  });

  it('three fully meshed hubs: no loops, no duplicates, other topics untouched', async () => {
    const hubs = [await hub(), await hub(), await hub()];
    for (const x of hubs) for (const y of hubs) if (x !== y) x.addPeerHub(y.url);
    const clients = await Promise.all(hubs.map((h) => subscriber(h, 'mesh')));
    const bystander = await subscriber(hubs[2]!, 'quiet');
    await waitFor(() => allOpen(...hubs), 'six links open');
    const [c0, c1, c2] = clients as [TestClient, TestClient, TestClient];
    await warmUp(c0, c1, 'mesh');
    await warmUp(c0, c2, 'mesh');
    c0.send({ type: 'publish', topic: 'mesh', data: 'once' });
    await waitFor(() => clients.every((c) => dataOf(c, 'mesh').length === 1), 'the publish everywhere');
    await sleep(300);
    for (const c of clients) expect(dataOf(c, 'mesh')).toEqual(['once']);
    expect(publishesOn(bystander, 'mesh')).toEqual([]);
  });

  it('relays at most one hop: a chain A → B → C does not carry A to C', async () => {
    const [hubA, hubB, hubC] = [await hub(), await hub(), await hub()];
    hubA.addPeerHub(hubB.url);
    hubB.addPeerHub(hubC.url);
    const [a, b, c] = [await subscriber(hubA, 'chain'), await subscriber(hubB, 'chain'), await subscriber(hubC, 'chain')];
    await waitFor(() => allOpen(hubA, hubB), 'links open');
    await warmUp(a, b, 'chain');
    await warmUp(b, c, 'chain');
    a.send({ type: 'publish', topic: 'chain', data: 'from a' });
    await b.next((m) => m.data === 'from a');
    await sleep(300);
    expect(dataOf(c, 'chain')).toEqual([]);
  });

  it('a one-way link carries both directions, and stops when removed', async () => {
    const [hubA, hubB] = [await hub(), await hub()];
    hubA.addPeerHub(hubB.url);
    const a = await subscriber(hubA, 'one');
    const b = await subscriber(hubB, 'one');
    await waitFor(() => allOpen(hubA), 'link open');
    await warmUp(b, a, 'one'); // B has no link of its own: it reaches A's clients through A's subscription
    await warmUp(a, b, 'one');
    expect(hubA.removePeerHub(hubB.url)).toBe(true);
    expect(hubA.removePeerHub(hubB.url)).toBe(false);
    expect(hubA.peerHubs()).toEqual([]);
    await sleep(100);
    a.send({ type: 'publish', topic: 'one', data: 'after removal' });
    await a.next((m) => m.data === 'after removal');
    await sleep(200);
    expect(dataOf(b, 'one')).toEqual([]);
  });

  it('subscribes at the peer to exactly the topics its own clients hold, as they change', async () => {
    // A spy in place of the peer hub records what the link says.
    const spy = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => new Promise<void>((r) => spy.close(() => r())));
    await new Promise<void>((r) => spy.once('listening', r));
    const frames: Array<Record<string, unknown>> = [];
    let headerId: unknown;
    spy.on('connection', (socket, request) => {
      headerId = request.headers['x-stroomkring-hub'];
      socket.on('message', (d) => frames.push(JSON.parse(d.toString()) as Record<string, unknown>));
    });
    const h = await hub();
    const early = await subscriber(h, 'early');
    early.send({ type: 'ping' });
    await early.next((m) => m.type === 'pong');
    early.send({ type: 'publish', topic: 'early', data: 'announce' });
    h.addPeerHub(`ws://127.0.0.1:${(spy.address() as AddressInfo).port}`);
    await waitFor(() => frames.length >= 2, 'subscribe and replay');
    expect(headerId).toBe(h.hubId);
    expect(frames[0]).toEqual({ type: 'subscribe', topics: ['early'] });
    expect(frames[1]).toEqual({ type: 'publish', topic: 'early', data: 'announce', relay: { hub: h.hubId, seq: 1 } });
    const second = await subscriber(h, 'early'); // topic already held: nothing new for the peer
    second.send({ type: 'subscribe', topics: ['late'] });
    await waitFor(() => frames.length >= 3, 'late subscribe');
    expect(frames[2]).toEqual({ type: 'subscribe', topics: ['late'] });
    await early.close();
    second.send({ type: 'unsubscribe', topics: ['late'] });
    await waitFor(() => frames.length >= 4, 'unsubscribe');
    expect(frames[3]).toEqual({ type: 'unsubscribe', topics: ['late'] });
    await second.close();
    await waitFor(() => frames.length >= 5, 'last holder gone');
    expect(frames[4]).toEqual({ type: 'unsubscribe', topics: ['early'] });
  });

  it('deduplicates peer URLs, refuses non-WebSocket URLs, and gives up on a URL that leads back to itself', async () => {
    const h = await hub();
    expect(h.addPeerHub('ws://127.0.0.1:9')).toBe(true);
    expect(h.addPeerHub('ws://127.0.0.1:9/')).toBe(false);
    expect(() => h.addPeerHub('http://127.0.0.1:9')).toThrow(TypeError);
    expect(() => h.addPeerHub('not a url')).toThrow();
    h.addPeerHub(h.url);
    await waitFor(() => h.peerHubs().some((p) => p.state === 'self'), 'the self link to give up');
    expect(h.peerHubs().find((p) => p.url === 'ws://127.0.0.1:9/')?.state).not.toBe('open');
  });

  it('reconnects with backoff when a peer hub restarts, and relays again', async () => {
    const hubA = await hub();
    let hubB = await hub();
    const port = hubB.address().port;
    hubA.addPeerHub(hubB.url);
    const a = await subscriber(hubA, 'r');
    await waitFor(() => allOpen(hubA), 'link open');
    await hubB.close();
    await waitFor(() => hubA.peerHubs()[0]?.state !== 'open', 'link to notice');
    await sleep(300);
    expect(hubA.peerHubs()[0]?.failures).toBeGreaterThan(0);
    hubB = await hub({ port });
    const b = await subscriber(hubB, 'r');
    await waitFor(() => allOpen(hubA), 'link to reopen', 3000);
    expect(hubA.peerHubs()[0]?.failures).toBe(0);
    await warmUp(b, a, 'r');
    await warmUp(a, b, 'r');
  });
});
