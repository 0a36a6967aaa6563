/**
 * Two hubs find each other by real mDNS and relay a topic — inside two
 * network namespaces this test creates (a veth pair between them, addresses
 * 10.251.x.1 and 10.251.x.2), so no multicast ever reaches the machine's own
 * interfaces. Needs root and iproute2; skipped (with the reason printed)
 * without them.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from './test-fixtures/test-client.ts';

const isRoot = process.getuid?.() === 0;
const hasIp = spawnSync('ip', ['-V'], { stdio: 'ignore' }).status === 0;
const skipReason = !isRoot ? 'not running as root (ip netns needs it)' : !hasIp ? 'the `ip` command (iproute2) is not available' : undefined;
if (skipReason) console.warn(`[hub-discovery.netns.test] skipping the mDNS namespace test: ${skipReason}`);

/** Discovery plus linking takes about a second here; allow for a slow, busy machine. */
const DISCOVERY_DEADLINE_MS = 20_000;

const suffix = randomBytes(3).toString('hex');
const subnet = `10.251.${randomInt(0, 256)}`;
const sides = [
  { ns: `sk-a-${suffix}`, veth: `ska${suffix}`, address: `${subnet}.1`, name: 'a' },
  { ns: `sk-b-${suffix}`, veth: `skb${suffix}`, address: `${subnet}.2`, name: 'b' },
] as const;
const fixture = fileURLToPath(new URL('./test-fixtures/netns-hub.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function ip(...args: string[]): void {
  const result = spawnSync('ip', args, { encoding: 'utf8', timeout: 5000 });
  if (result.status !== 0) throw new Error(`ip ${args.join(' ')} failed: ${result.stderr}`);
}

function createNamespaces(): void {
  for (const side of sides) ip('netns', 'add', side.ns);
  // Both ends are created directly inside their namespaces: the pair never exists on the host.
  ip('link', 'add', sides[0].veth, 'netns', sides[0].ns, 'type', 'veth', 'peer', 'name', sides[1].veth, 'netns', sides[1].ns);
  for (const side of sides) {
    ip('-n', side.ns, 'addr', 'add', `${side.address}/24`, 'dev', side.veth);
    ip('-n', side.ns, 'link', 'set', 'lo', 'up');
    ip('-n', side.ns, 'link', 'set', side.veth, 'up');
    ip('-n', side.ns, 'route', 'add', '224.0.0.0/4', 'dev', side.veth);
  }
}

interface HubProcess {
  child: ChildProcessWithoutNullStreams;
  events: Array<Record<string, unknown>>;
  stderr: string;
}

function startHub(side: (typeof sides)[number]): HubProcess {
  const child = spawn('ip', ['netns', 'exec', side.ns, process.execPath, '--import', 'tsx', fixture, side.address, 'room-netns', side.name], { cwd: repoRoot });
  const hub: HubProcess = { child, events: [], stderr: '' };
  createInterface({ input: child.stdout }).on('line', (line) => hub.events.push(JSON.parse(line) as Record<string, unknown>));
  child.stderr.on('data', (d: Buffer) => (hub.stderr += d.toString()));
  return hub;
}

const running: HubProcess[] = [];
afterAll(async () => {
  for (const hub of running) {
    if (hub.child.exitCode === null) {
      hub.child.stdin.write('quit\n');
      await waitFor(() => hub.child.exitCode !== null, 'hub to quit', 3000).catch(() => hub.child.kill('SIGKILL'));
    }
  }
  if (skipReason) return;
  for (const side of sides) spawnSync('ip', ['netns', 'del', side.ns], { stdio: 'ignore', timeout: 5000 });
});

const received = (hub: HubProcess): unknown[] => hub.events.filter((e) => e.event === 'received').map((e) => e.data);

describe('hub discovery over real mDNS, inside network namespaces', () => {
  it.skipIf(skipReason !== undefined)(
    'two hubs discover each other, link, and relay a topic both ways',
    async () => {
      createNamespaces();
      const [a, b] = [startHub(sides[0]), startHub(sides[1])];
      running.push(a, b);
      const diagnose = () => `a: ${JSON.stringify(a.events)} ${a.stderr}\nb: ${JSON.stringify(b.events)} ${b.stderr}`;
      try {
        await waitFor(() => [a, b].every((h) => h.events.some((e) => e.event === 'ready')), 'both hubs ready', DISCOVERY_DEADLINE_MS);
        const idOf = (h: HubProcess) => h.events.find((e) => e.event === 'ready')?.hubId;
        const started = Date.now();
        await waitFor(() => [a, b].every((h) => h.events.some((e) => e.event === 'linked')), 'both hubs to find and link to each other', DISCOVERY_DEADLINE_MS);
        const linkedAfterMs = Date.now() - started;
        // Each found the other at its veth address, and identified it by hub id.
        expect(a.events.find((e) => e.event === 'linked')).toMatchObject({ url: `ws://${sides[1].address}:4444/`, remoteHubId: idOf(b) });
        expect(b.events.find((e) => e.event === 'linked')).toMatchObject({ url: `ws://${sides[0].address}:4444/`, remoteHubId: idOf(a) });
        // The hellos were sent before the hubs knew each other: they arrive by announce replay.
        await waitFor(() => received(a).includes('hello from b') && received(b).includes('hello from a'), 'the early hellos', DISCOVERY_DEADLINE_MS);
        a.child.stdin.write('publish ping from a\n');
        b.child.stdin.write('publish pong from b\n');
        await waitFor(() => received(b).includes('ping from a') && received(a).includes('pong from b'), 'the live publishes', DISCOVERY_DEADLINE_MS);
        await new Promise((r) => setTimeout(r, 500));
        expect(received(b).filter((d) => d === 'ping from a')).toHaveLength(1);
        expect(received(a).filter((d) => d === 'pong from b')).toHaveLength(1);
        console.info(`[hub-discovery.netns.test] hubs found and linked each other ${linkedAfterMs} ms after both were ready`);
      } catch (error) {
        throw new Error(`${(error as Error).message}\n${diagnose()}`);
      }
    },
    60_000,
  );
});
