/**
 * Issue 15: two partners whose direct path is blocked still sync, through a
 * TURN relay (coturn, Debian's package). All of it inside network
 * namespaces this test makes, so nothing reaches the machine's own
 * interfaces:
 *
 *   site A (10.x.1.2) ──veth── R (10.x.1.1 | 10.x.2.1) ──veth── site B (10.x.2.2)
 *
 * R runs the signaling hub and coturn. A and B route everything through R,
 * but R forwards nothing (a new namespace's default), so A and B reach R's
 * own addresses and never each other: their host candidates can never
 * connect, and the only way between them is a relay on R. Needs root,
 * iproute2 and coturn; skipped with the reason printed without them.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runScript } from './test-fixtures/child-process.ts';

const isRoot = process.getuid?.() === 0;
const has = (command: string, flag: string) => spawnSync(command, [flag], { stdio: 'ignore' }).error === undefined;
const skipReason = !isRoot ? 'not running as root (ip netns needs it)' : !has('ip', '-V') ? 'the `ip` command (iproute2) is not available' : !has('turnserver', '--version') ? 'coturn (turnserver) is not installed' : undefined;
if (skipReason) console.warn(`[turn-relay.netns.test] skipping the TURN namespace test: ${skipReason}`);

const suffix = randomBytes(3).toString('hex');
const subnet = `10.252.${randomInt(0, 128) * 2}`;
const next = subnet.replace(/\d+$/, (last) => String(Number(last) + 1));
const R = { ns: `sk-r-${suffix}`, toA: `${subnet}.1`, toB: `${next}.1` };
const A = { ns: `sk-ta-${suffix}`, address: `${subnet}.2` };
const B = { ns: `sk-tb-${suffix}`, address: `${next}.2` };
const HUB = `ws://${R.toA}:4444`;
const TURN = { urls: `turn:${R.toA}:3478?transport=udp`, username: 'partner', credential: `geheim-${suffix}` };
const CHILD = fileURLToPath(new URL('./test-fixtures/sync-child.ts', import.meta.url));
const HUB_CLI = fileURLToPath(new URL('../signaling/cli.ts', import.meta.url));
const PIDFILE = join(tmpdir(), `turnserver-${suffix}.pid`);

function ip(...args: string[]): void {
  const result = spawnSync('ip', args, { encoding: 'utf8', timeout: 5000 });
  if (result.status !== 0) throw new Error(`ip ${args.join(' ')} failed: ${result.stderr}`);
}

function createSites(): void {
  for (const { ns } of [R, A, B]) ip('netns', 'add', ns);
  for (const [site, rAddress, name] of [[A, R.toA, 'a'], [B, R.toB, 'b']] as const) {
    // Both ends made inside their namespaces: the pair never exists on the host.
    ip('link', 'add', `skr${name}${suffix}`, 'netns', R.ns, 'type', 'veth', 'peer', 'name', `sk${name}${suffix}`, 'netns', site.ns);
    ip('-n', R.ns, 'addr', 'add', `${rAddress}/24`, 'dev', `skr${name}${suffix}`);
    ip('-n', R.ns, 'link', 'set', `skr${name}${suffix}`, 'up');
    ip('-n', site.ns, 'addr', 'add', `${site.address}/24`, 'dev', `sk${name}${suffix}`);
    ip('-n', site.ns, 'link', 'set', `sk${name}${suffix}`, 'up');
    ip('-n', site.ns, 'link', 'set', 'lo', 'up');
    ip('-n', site.ns, 'route', 'add', 'default', 'via', rAddress);
  }
  ip('-n', R.ns, 'link', 'set', 'lo', 'up');
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => {
  if (skipReason) return;
  rmSync(PIDFILE, { force: true });
  for (const { ns } of [A, B, R]) spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore', timeout: 5000 });
});

/** A server in R, up once it printed `ready`; `output()` is all it printed so far. */
function serverInR(command: string, args: readonly string[], ready: RegExp): Promise<{ child: ChildProcessWithoutNullStreams; output: () => string }> {
  const child = spawn('ip', ['netns', 'exec', R.ns, command, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  cleanups.push(() => void child.kill('SIGKILL'));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not come up: ${output.slice(-2000)}`)), 20_000);
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}): ${output.slice(-2000)}`)));
  });
}

describe('TURN when the direct path is blocked', () => {
  it.skipIf(skipReason !== undefined)('two partners in sites that cannot reach each other sync through a coturn relay', async () => {
    createSites();
    await serverInR(process.execPath, ['--import', 'tsx', HUB_CLI, '--host', R.toA, '--port', '4444', '--no-discovery'], /listening on/);
    const turn = await serverInR(
      'turnserver',
      ['-n', `--listening-ip=${R.toA}`, `--relay-ip=${R.toA}`, '--listening-port=3478', '--lt-cred-mech', `--user=${TURN.username}:${TURN.credential}`, '--realm=stroomkring.test', '--no-tls', '--no-dtls', '--no-cli', '--log-file=stdout', '--simple-log', '--verbose', `--pidfile=${PIDFILE}`],
      /Total General servers|listener opened on|IPv4\. UDP listener opened/,
    );
    const env = { SYNC_ICE_SERVERS: JSON.stringify([TURN]) };
    const workspaceId = crypto.randomUUID();
    const key = 'k'.repeat(43);
    const anne = runScript(CHILD, ['founder', HUB, workspaceId, key], cleanups, { wrap: ['ip', 'netns', 'exec', A.ns], env });
    const anneReady = JSON.parse(await anne.until((line) => line.includes('"ready"'), 'Anne ready')) as { publicKey: string };
    const bram = runScript(CHILD, ['member', HUB, workspaceId, key, anneReady.publicKey], cleanups, { wrap: ['ip', 'netns', 'exec', B.ns], env });
    const bramReady = JSON.parse(await bram.until((line) => line.includes('"ready"'), 'Bram ready')) as { publicKey: string; displayName: string; organisationName: string };
    anne.send({ admit: { publicKey: bramReady.publicKey, displayName: bramReady.displayName, organisationName: bramReady.organisationName } });
    await anne.until((line) => line.includes('"started"'), 'Anne online');
    anne.send({ write: 'from-anne' });
    bram.send({ write: 'from-bram' });
    const both = (line: string) => line.includes('"ideas"') && line.includes('from-anne') && line.includes('from-bram');
    const held = await Promise.all([anne.until(both, 'Anne to hold both ideas'), bram.until(both, 'Bram to hold both ideas')]);
    expect(held.map((line) => (JSON.parse(line) as { ids: string[] }).ids)).toEqual([
      ['from-anne', 'from-bram'],
      ['from-anne', 'from-bram'],
    ]);
    // Both partners took a relay on R and let the other's relay in: the path between them runs through coturn.
    expect(turn.output().match(/ALLOCATE processed, success/g)?.length).toBeGreaterThanOrEqual(2);
    expect(turn.output()).toMatch(/CREATE_PERMISSION processed, success/);
    // Each one's connection statistics say so too: what the connections view shows as "via relay".
    for (const each of [anne, bram]) each.send({ routes: true });
    const routes = await Promise.all([anne, bram].map((each) => each.until((line) => line.includes('"routes"'), 'the routes')));
    expect(routes.map((line) => (JSON.parse(line) as { routes: string[] }).routes)).toEqual([['relay'], ['relay']]);

    // With the TURN server stopped, Bram comes back and cannot connect: his status says why.
    bram.send({ stop: true });
    await bram.until((line) => line.includes('"stopped"'), 'Bram to stop');
    turn.child.kill('SIGKILL');
    const again = runScript(CHILD, ['member', HUB, workspaceId, key, anneReady.publicKey], cleanups, { wrap: ['ip', 'netns', 'exec', B.ns], env });
    const ask = setInterval(() => again.send({ status: true }), 2_000);
    cleanups.push(() => clearInterval(ask));
    const status = await again.until((line) => line.includes('"cannotConnect"'), 'a status that says why Bram cannot connect');
    expect((JSON.parse(status) as { status: unknown }).status).toEqual({ kind: 'looking', cannotConnect: 'relayUnreachable' });
  }, 150_000);
});
