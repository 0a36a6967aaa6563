import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { DEFAULT_HUB_PORT, normaliseHubAddress } from '../../shared/sync/hub-address.ts';
import { CLOSE_GOING_AWAY, CLOSE_MALFORMED, CLOSE_RATE_LIMIT, CLOSE_TOO_MANY_TOPICS } from './hub-connection.ts';
import type { HubLogEvent } from './hub-log.ts';
import type { SignalingHub, SignalingHubOptions } from './signaling-hub.ts';
import { startSignalingHub } from './signaling-hub.ts';
import type { TestClient } from './test-fixtures/test-client.ts';
import { connectClient, publishesOn, sleep, waitFor } from './test-fixtures/test-client.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hub(options: SignalingHubOptions = {}): Promise<{ hub: SignalingHub; logs: HubLogEvent[] }> {
  const logs: HubLogEvent[] = [];
  const h = await startSignalingHub({ host: '127.0.0.1', port: 0, log: (e) => logs.push(e), ...options });
  cleanups.push(() => h.close());
  return { hub: h, logs };
}

async function client(h: SignalingHub): Promise<TestClient> {
  const c = await connectClient(h.url);
  cleanups.push(() => c.close());
  return c;
}

/** A round trip through the hub: everything this client sent before has been handled. */
async function roundTrip(c: TestClient): Promise<void> {
  const before = c.messages.filter((m) => m.type === 'pong').length;
  c.send({ type: 'ping' });
  await waitFor(() => c.messages.filter((m) => m.type === 'pong').length > before, 'pong');
}

describe('signaling hub: the y-webrtc protocol', () => {
  it('listens on a free port on 127.0.0.1 and reports where', async () => {
    const { hub: h } = await hub();
    expect(h.address().address).toBe('127.0.0.1');
    expect(h.address().port).toBeGreaterThan(0);
    expect(h.url).toBe(`ws://127.0.0.1:${h.address().port}`);
    const response = await fetch(`http://127.0.0.1:${h.address().port}/`);
    expect(await response.text()).toBe('okay');
  });

  it('delivers a publish to every subscriber of the topic, publisher included, with clients like bin/server.js', async () => {
    const { hub: h } = await hub();
    const [a, b, other] = [await client(h), await client(h), await client(h)];
    a.send({ type: 'subscribe', topics: ['room'] });
    b.send({ type: 'subscribe', topics: ['room'] });
    other.send({ type: 'subscribe', topics: ['elsewhere'] });
    await Promise.all([roundTrip(a), roundTrip(b), roundTrip(other)]);
    a.send({ type: 'publish', topic: 'room', data: 'encrypted-blob', extra: { kept: true } });
    const expected = { type: 'publish', topic: 'room', data: 'encrypted-blob', extra: { kept: true }, clients: 2 };
    expect(await b.next((m) => m.type === 'publish')).toEqual(expected);
    expect(await a.next((m) => m.type === 'publish')).toEqual(expected);
    await roundTrip(other);
    expect(publishesOn(other, 'room')).toEqual([]);
  });

  it('stops delivering after unsubscribe and after the subscriber disconnects', async () => {
    const { hub: h } = await hub();
    const [a, b, c] = [await client(h), await client(h), await client(h)];
    for (const x of [a, b, c]) x.send({ type: 'subscribe', topics: ['room', 'other'] });
    await Promise.all([roundTrip(a), roundTrip(b), roundTrip(c)]);
    b.send({ type: 'unsubscribe', topics: ['room'] });
    await roundTrip(b);
    await c.close();
    a.send({ type: 'publish', topic: 'room', data: 1 });
    expect(await a.next((m) => m.type === 'publish')).toMatchObject({ data: 1, clients: 1 });
    a.send({ type: 'publish', topic: 'other', data: 2 });
    expect(await b.next((m) => m.type === 'publish')).toMatchObject({ topic: 'other', data: 2, clients: 2 });
    expect(publishesOn(b, 'room')).toEqual([]);
  });

  it('is reached by a partner address typed without a port (one default port on both sides)', async () => {
    // Only this test binds the default port; every other hub test takes a free one.
    const { hub: h } = await hub({ port: undefined });
    expect(h.address().port).toBe(DEFAULT_HUB_PORT);
    const typed = await connectClient(normaliseHubAddress('127.0.0.1'));
    cleanups.push(() => typed.close());
    typed.send({ type: 'ping' });
    expect(await typed.next((m) => m.type === 'pong')).toEqual({ type: 'pong' });
  });

  it('answers ping with pong', async () => {
    const { hub: h } = await hub();
    const a = await client(h);
    a.send({ type: 'ping' });
    expect(await a.next((m) => m.type === 'pong')).toEqual({ type: 'pong' });
  });

  it('attaches to an existing HTTP server that is not listening yet, on a path', async () => {
    const server = createServer((_q, r) => r.end('app'));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const { hub: h } = await hub({ server, path: '/signal' });
    expect(() => h.url).toThrow(/not listening/);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = h.address().port;
    expect(h.address()).toEqual(server.address());
    expect(h.url).toBe(`ws://127.0.0.1:${port}/signal`);
    const a = await connectClient(`ws://127.0.0.1:${port}/signal`);
    cleanups.push(() => a.close());
    a.send({ type: 'ping' });
    await a.next((m) => m.type === 'pong');
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('app');
  });

  it('leaves the other WebSocket upgrades of a shared server to their owner', async () => {
    const server = createServer();
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    // The owner's own socket on another path, as Vite's HMR socket shares the dev server.
    const owners = new WebSocketServer({ noServer: true });
    server.on('upgrade', (request, socket, head) => {
      if (request.url === '/owner') owners.handleUpgrade(request, socket, head, (client) => client.send('owner here'));
    });
    cleanups.push(() => new Promise<void>((r) => owners.close(() => r())));
    await hub({ server, path: '/signal' });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const ownerClient = new WebSocket(`ws://127.0.0.1:${port}/owner`);
    cleanups.push(() => {
      ownerClient.close();
      return Promise.resolve();
    });
    const greeting = await new Promise<string>((resolve, reject) => {
      ownerClient.once('message', (data: Buffer) => resolve(data.toString()));
      ownerClient.once('error', reject);
    });
    expect(greeting).toBe('owner here');
    const a = await connectClient(`ws://127.0.0.1:${port}/signal`);
    cleanups.push(() => a.close());
    a.send({ type: 'ping' });
    await a.next((m) => m.type === 'pong');
  });

  it('closes its clients with 1001 when it shuts down', async () => {
    const h = await startSignalingHub({ host: '127.0.0.1', port: 0, log: () => {} });
    const a = await connectClient(h.url);
    await h.close();
    expect((await a.closed).code).toBe(CLOSE_GOING_AWAY);
  });
});

describe('signaling hub: limits and bad input never affect other clients', () => {
  async function bystander(h: SignalingHub): Promise<TestClient> {
    const b = await client(h);
    b.send({ type: 'subscribe', topics: ['room'] });
    await roundTrip(b);
    return b;
  }
  async function stillServes(h: SignalingHub, b: TestClient): Promise<void> {
    const c = await client(h);
    c.send({ type: 'subscribe', topics: ['room'] });
    await roundTrip(c);
    c.send({ type: 'publish', topic: 'room', data: 'still here' });
    await b.next((m) => m.data === 'still here');
  }

  it('closes a connection that sends a message over the size limit (1009)', async () => {
    const { hub: h, logs } = await hub({ limits: { maxMessageBytes: 1024 } });
    const b = await bystander(h);
    const big = await client(h);
    big.send({ type: 'publish', topic: 'room', data: 'x'.repeat(2048) });
    expect((await big.closed).code).toBe(1009);
    expect(publishesOn(b, 'room')).toEqual([]);
    expect(logs.some((e) => e.kind === 'socket-error')).toBe(true);
    await stillServes(h, b);
  });

  it('closes a connection that subscribes to too many topics (4009)', async () => {
    const { hub: h, logs } = await hub({ limits: { maxTopicsPerConnection: 3 } });
    const b = await bystander(h);
    const greedy = await client(h);
    greedy.send({ type: 'subscribe', topics: ['a', 'b'] });
    greedy.send({ type: 'subscribe', topics: ['a', 'b', 'c'] }); // repeats do not count twice
    await roundTrip(greedy);
    greedy.send({ type: 'subscribe', topics: ['d'] });
    expect((await greedy.closed).code).toBe(CLOSE_TOO_MANY_TOPICS);
    expect(logs.filter((e) => e.kind === 'too-many-topics')).toHaveLength(1);
    await stillServes(h, b);
  });

  it('closes a connection that exceeds the rate limit (4008), after letting its burst through', async () => {
    const { hub: h, logs } = await hub({ limits: { rateBurst: 10, ratePerSecond: 1 } });
    const b = await bystander(h);
    const flood = await client(h);
    for (let i = 0; i < 50; i++) flood.send({ type: 'ping' });
    expect((await flood.closed).code).toBe(CLOSE_RATE_LIMIT);
    expect(flood.messages.filter((m) => m.type === 'pong').length).toBeLessThanOrEqual(10);
    expect(logs.filter((e) => e.kind === 'rate-limit')).toHaveLength(1);
    await stillServes(h, b);
  });

  it('charges big messages more than small ones', async () => {
    const { hub: h } = await hub({ limits: { rateBurst: 10, ratePerSecond: 1, bytesPerToken: 1024 } });
    const heavy = await client(h);
    heavy.send({ type: 'publish', topic: 'room', data: 'x'.repeat(12 * 1024) }); // 13 tokens > 10
    expect((await heavy.closed).code).toBe(CLOSE_RATE_LIMIT);
  });

  it('ignores malformed messages (and logs the first only), then closes a persistent offender (4010)', async () => {
    const { hub: h, logs } = await hub({ limits: { maxMalformed: 8 } });
    const b = await bystander(h);
    const bad = await client(h);
    bad.sendRaw('not json');
    bad.sendRaw('{"type":"subscribe","topics":"room"}'); // makes bin/server.js throw
    bad.sendRaw('{"type":"publish","topic":{"no":1}}');
    bad.sendRaw('[1,2,3]');
    bad.sendRaw('null');
    bad.sendRaw(Buffer.from('{"type":"publish","topic":"room","data":"binary"}'), true);
    bad.sendRaw('{"type":"no-such-type"}'); // unknown types are ignored like bin/server.js, not counted
    await roundTrip(bad);
    expect(bad.ws.readyState).toBe(bad.ws.OPEN);
    expect(publishesOn(b, 'room')).toEqual([]);
    expect(logs.filter((e) => e.kind === 'malformed')).toHaveLength(1);
    for (let i = 0; i < 3; i++) bad.sendRaw('{'); // 6 + 3 > 8
    expect((await bad.closed).code).toBe(CLOSE_MALFORMED);
    expect(logs.filter((e) => e.kind === 'malformed')).toHaveLength(1);
    await stillServes(h, b);
  });

  it('closes a connection that sends invalid UTF-8 in a text frame (1007, by ws itself)', async () => {
    const { hub: h } = await hub();
    const b = await bystander(h);
    const bad = await client(h);
    bad.sendRaw(Buffer.from([0xc3, 0x28]));
    expect((await bad.closed).code).toBe(1007);
    await stillServes(h, b);
  });

  it('drops a connection that stops answering keepalive pings, and keeps live ones', async () => {
    const { hub: h, logs } = await hub({ keepaliveIntervalMs: 100 });
    const b = await bystander(h);
    const dead = await connectClient(h.url, { autoPong: false });
    cleanups.push(() => dead.close());
    const started = Date.now();
    expect((await dead.closed).code).toBe(1006); // terminated, no close frame
    expect(Date.now() - started).toBeLessThan(1000);
    expect(logs.filter((e) => e.kind === 'dead')).toHaveLength(1);
    await sleep(300);
    expect(b.ws.readyState).toBe(b.ws.OPEN);
    await stillServes(h, b);
  });
});
