/**
 * Issue 15, step 1: the app's own sync (shared/sync/webrtc: y-webrtc, the
 * framing, proven membership, the mesh, signed changes) runs in Node over
 * real WebRTC from a well-kept package (@roamhq/wrtc), so the always-on
 * region peer can be the same code as the app rather than a copy of it.
 * Two member devices, each in its own Node process (test-fixtures/sync-child.ts),
 * meet through a signaling server on loopback and converge: the app's own
 * hub, and y-webrtc's reference server (bin/server.js, unchanged) with a
 * recording proxy in front that keeps what such a server's operator could
 * see. Host candidates only (no STUN), so nothing leaves this machine.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { roomNameFor } from '../../shared/invite/workspace-key';
import { startSignalingHub, type SignalingHub } from '../signaling/signaling-hub.ts';
import { startStockServer } from '../signaling/test-fixtures/stock-server.ts';
import { runScript } from './test-fixtures/child-process.ts';
import { startRecordingProxy } from './test-fixtures/recording-proxy.ts';

const CHILD = fileURLToPath(new URL('./test-fixtures/sync-child.ts', import.meta.url));

interface ChildEvent {
  readonly event: string;
  readonly [detail: string]: unknown;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A member device (test-fixtures/sync-child.ts) that reports events as JSON lines. */
function device(args: readonly string[]) {
  const script = runScript(CHILD, args, cleanups);
  return {
    send: script.send,
    next: async (match: (event: ChildEvent) => boolean, what: string): Promise<ChildEvent> => JSON.parse(await script.until((line) => line.startsWith('{') && match(JSON.parse(line) as ChildEvent), what)) as ChildEvent,
  };
}

const holdsBoth = (event: ChildEvent) => event.event === 'ideas' && JSON.stringify(event.ids) === JSON.stringify(['from-anne', 'from-bram']);

/** Two member devices meet through `signalingUrl` and each ends holding the other's idea. */
async function twoDevicesConverge(signalingUrl: string, workspaceId: string, key: string): Promise<void> {
  const anne = device(['founder', signalingUrl, workspaceId, key]);
  const anneReady = await anne.next((event) => event.event === 'ready', 'Anne ready');
  const bram = device(['member', signalingUrl, workspaceId, key, String(anneReady.publicKey)]);
  const bramReady = await bram.next((event) => event.event === 'ready', 'Bram ready');
  anne.send({ admit: { publicKey: bramReady.publicKey, displayName: bramReady.displayName, organisationName: bramReady.organisationName } });
  await anne.next((event) => event.event === 'started', 'Anne online');
  anne.send({ write: 'from-anne' });
  bram.send({ write: 'from-bram' });
  const held = await Promise.all([anne.next(holdsBoth, 'Anne to hold both ideas'), bram.next(holdsBoth, 'Bram to hold both ideas')]);
  expect(held.map((event) => event.ids)).toEqual([
    ['from-anne', 'from-bram'],
    ['from-anne', 'from-bram'],
  ]);
  // On one network the two reach each other directly, and their statistics say so.
  for (const each of [anne, bram]) each.send({ routes: true });
  const routes = await Promise.all([anne, bram].map((each) => each.next((event) => event.event === 'routes', 'the routes')));
  expect(routes.map((event) => event.routes)).toEqual([['direct'], ['direct']]);
  for (const each of [anne, bram]) each.send({ stop: true });
  await Promise.all([anne, bram].map((each) => each.next((event) => event.event === 'stopped', 'a clean stop')));
}

describe('the app sync in Node over real WebRTC', () => {
  it('two member devices in separate processes prove each other and converge through a loopback hub', async () => {
    const hub: SignalingHub = await startSignalingHub({ host: '127.0.0.1', port: 0, log: () => {} });
    cleanups.push(() => hub.close());
    await twoDevicesConverge(hub.url, crypto.randomUUID(), 'k'.repeat(43));
  }, 120_000);

  it("converge through y-webrtc's own signaling server, which sees a hashed room name and nothing of the workspace", async () => {
    const stock = await startStockServer();
    cleanups.push(() => stock.stop());
    const tap = await startRecordingProxy(stock.url);
    cleanups.push(() => tap.close());
    const workspaceId = crypto.randomUUID();
    const key = 'k'.repeat(43);
    await twoDevicesConverge(tap.url, workspaceId, key);

    const messages = tap.frames.map((frame) => JSON.parse(frame) as { type: string; topics?: string[]; topic?: string; data?: unknown });
    const rooms = new Set(messages.flatMap((message) => message.topics ?? (message.topic ? [message.topic] : [])));
    expect([...rooms]).toEqual([await roomNameFor(workspaceId, key)]);
    expect(messages.filter((message) => message.type === 'publish').length).toBeGreaterThan(0);
    // What the server routes on (everything but the sealed payload) names no id, person, key or content.
    const envelopes = messages.map(({ data: _sealed, ...envelope }) => JSON.stringify(envelope)).join('\n');
    for (const secret of [workspaceId, key, 'Anne', 'Bram', 'Org ', 'Idee', 'from-anne', 'from-bram', 'candidate', 'sdp']) expect(envelopes).not.toContain(secret);
    // Every signal is sealed with the workspace key (y-webrtc's password). The sealed bytes are checked, not
    // their base64 text, and only for strings long enough that ciphertext cannot hold them by chance: a word
    // like 'sdp' turns up in some 40 kB of random base64 about one run in six.
    const sealed = messages.filter((message) => message.type === 'publish').map((message) => Buffer.from(String(message.data), 'base64'));
    for (const bytes of sealed) {
      expect(bytes.subarray(1, 8).toString('latin1')).toBe('AES-GCM');
      for (const secret of [workspaceId, key, 'from-anne', 'from-bram', 'candidate:', 'a=fingerprint']) expect(bytes.includes(secret)).toBe(false);
    }
  }, 120_000);
});
