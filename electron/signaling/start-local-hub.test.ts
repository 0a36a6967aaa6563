import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { NetworkInterfaceInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { BonjourLike, BrowserLike } from './hub-discovery.ts';
import { DISCOVERY_PROTOCOL_VERSION } from './hub-discovery.ts';
import type { LocalHub } from './start-local-hub.ts';
import { reachableAddresses, startLocalHub } from './start-local-hub.ts';
import { connectClient, waitFor } from './test-fixtures/test-client.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const iface = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4'): NetworkInterfaceInfo =>
  ({ address, internal, family, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;
const interfaces = { lo: [iface('127.0.0.1', true)], eth0: [iface('192.168.1.5'), iface('fe80::5', false, 'IPv6')], wlan0: [iface('10.0.0.7')] };

async function local(options: Parameters<typeof startLocalHub>[0]): Promise<LocalHub> {
  const hub = await startLocalHub({ log: () => {}, ...options });
  cleanups.push(() => hub.close());
  return hub;
}

function fakeBonjour() {
  const browser = Object.assign(new EventEmitter(), { update() {}, expire() {}, stop() {} }) as BrowserLike & EventEmitter;
  const published: Array<{ port: number; txt?: Record<string, string> }> = [];
  const bonjour: BonjourLike = {
    publish: (o) => published.push(o),
    find: () => browser,
    unpublishAll: (cb) => cb?.(),
    destroy: (cb) => cb?.(),
  };
  return { bonjour, browser, published };
}

describe('reachableAddresses', () => {
  it('lists every external IPv4 address for a wildcard bind, the one address for a specific bind, none for loopback', () => {
    expect(reachableAddresses('0.0.0.0', interfaces)).toEqual(['192.168.1.5', '10.0.0.7']);
    expect(reachableAddresses('::', interfaces)).toEqual(['192.168.1.5', '10.0.0.7']);
    expect(reachableAddresses('10.0.0.7', interfaces)).toEqual(['10.0.0.7']);
    expect(reachableAddresses('127.0.0.1', interfaces)).toEqual([]);
  });
});

describe('startLocalHub', () => {
  it('runs a loopback hub without discovery, links to the given peers, and serves clients', async () => {
    const peer = await local({ discovery: false });
    const hub = await local({ host: '127.0.0.1', port: 0, discovery: false, peers: [peer.url], interfaces: () => interfaces });
    expect(hub.url).toBe(`ws://127.0.0.1:${hub.port}`);
    expect(hub.addresses).toEqual([]);
    await waitFor(() => hub.peerHubs()[0]?.state === 'open', 'link to the configured peer');
    expect(hub.peerHubs()[0]?.remoteHubId).toBe(peer.hubId);
    const client = await connectClient(hub.url);
    cleanups.push(() => client.close());
    client.send({ type: 'ping' });
    await client.next((m) => m.type === 'pong');
    expect(hub.removePeerHub(peer.url)).toBe(true);
    expect(hub.peerHubs()).toEqual([]);
  });

  it('feeds discovered hubs into federation and drops them when they leave, but keeps hand-added ones', async () => {
    const fake = fakeBonjour();
    const other = await local({ discovery: false });
    const manualPeer = await local({ discovery: false });
    const hub = await local({ discovery: { createBonjour: () => fake.bonjour }, peers: [manualPeer.url] });
    expect(fake.published[0]?.port).toBe(hub.port);
    const found = (h: LocalHub) => ({ port: h.port, txt: { id: h.hubId, v: DISCOVERY_PROTOCOL_VERSION }, referer: { address: '127.0.0.1', family: 'IPv4' } });
    fake.browser.emit('up', found(other));
    fake.browser.emit('up', found(manualPeer));
    await waitFor(() => hub.peerHubs().length === 2 && hub.peerHubs().every((p) => p.state === 'open'), 'both links open');
    fake.browser.emit('down', found(other));
    fake.browser.emit('down', found(manualPeer));
    expect(hub.peerHubs().map((p) => p.url)).toEqual([`${manualPeer.url}/`]);
  });

  it('attached to a server that is not listening yet, starts discovery once it listens', async () => {
    const fake = fakeBonjour();
    const server = createServer();
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const hub = await local({ server, path: '/signal', discovery: { createBonjour: () => fake.bonjour } });
    expect(fake.published).toEqual([]);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    expect(fake.published[0]?.port).toBe(hub.port);
    expect(fake.published[0]?.txt?.path).toBe('/signal');
    expect(hub.url).toBe(`ws://127.0.0.1:${hub.port}/signal`);
  });
});
