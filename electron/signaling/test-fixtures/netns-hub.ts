/**
 * Child process for hub-discovery.netns.test.ts, run inside a network
 * namespace: a local hub with mDNS discovery pinned to the namespace's veth
 * address, plus one client of its own on a topic.
 *
 *   argv: <bind address> <topic> <name>
 *   stdout, one JSON object per line:
 *     {"event":"ready","hubId":...,"url":...}
 *     {"event":"linked","url":...,"remoteHubId":...}   a peer link opened
 *     {"event":"received","data":...}                 a publish reached our client
 *   stdin, one command per line:  "publish <text>"  |  "quit"
 * The client publishes "hello from <name>" right after subscribing, before any
 * hub is found: it must reach the other side through announce replay.
 */
import { createInterface } from 'node:readline';
import { WebSocket } from 'ws';
import { startLocalHub } from '../start-local-hub.ts';

/** The parent test has its own deadline; this one only guarantees an orphan never lingers. */
const SELF_DESTRUCT_MS = 60_000;
/** Re-query often: the test should not wait the production 15 s for a lost packet. */
const TEST_REQUERY_MS = 1000;

const [address = '', topic = 'topic', name = 'hub'] = process.argv.slice(2);
const emit = (event: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(event)}\n`);
setTimeout(() => process.exit(3), SELF_DESTRUCT_MS).unref();

const hub = await startLocalHub({
  host: address,
  port: 4444,
  discovery: { interface: address, requeryMs: TEST_REQUERY_MS },
  log: (e) => process.stderr.write(`${JSON.stringify(e)}\n`),
});
const client = new WebSocket(hub.url);
client.on('message', (data) => {
  const message = JSON.parse(data.toString()) as { type?: string; data?: unknown };
  if (message.type === 'publish') emit({ event: 'received', data: message.data });
});
await new Promise<void>((resolve, reject) => {
  client.once('open', () => resolve());
  client.once('error', reject);
});
client.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
client.send(JSON.stringify({ type: 'publish', topic, data: `hello from ${name}` }));
emit({ event: 'ready', hubId: hub.hubId, url: hub.url });

const reported = new Set<string>();
const watch = setInterval(() => {
  for (const peer of hub.peerHubs()) {
    if (peer.state === 'open' && !reported.has(peer.url)) {
      reported.add(peer.url);
      emit({ event: 'linked', url: peer.url, remoteHubId: peer.remoteHubId });
    }
  }
}, 50);

for await (const line of createInterface({ input: process.stdin })) {
  if (line.startsWith('publish ')) client.send(JSON.stringify({ type: 'publish', topic, data: line.slice('publish '.length) }));
  if (line === 'quit') break;
}
clearInterval(watch);
client.close();
await hub.close();
process.exit(0);
