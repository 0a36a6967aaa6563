/**
 * Two network namespaces joined by a veth pair, for end-to-end tests that
 * need a real LAN between two app instances (mDNS discovery): each side gets
 * its own web host and its own Chromium, started inside its namespace, so
 * neither traffic nor multicast ever reaches the machine's own interfaces.
 * Needs root and iproute2 (`netnsSkipReason` says why not, when not).
 *
 * The veth pair is created with both ends directly inside the namespaces (it
 * never exists on the host), each side gets lo up, a 224.0.0.0/4 route on its
 * veth so multicast has an outgoing interface, and a default route via the
 * other side. Chromium needs that default route: without media permission it
 * does not enumerate interfaces for WebRTC but offers only the address of the
 * default route as host candidate, so with no default route it gathers no
 * candidates at all. Nothing can escape by it: the other side has no
 * interface but its end of the veth.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './chromium';

const isRoot = process.getuid?.() === 0;
const hasIp = spawnSync('ip', ['-V'], { stdio: 'ignore' }).status === 0;
export const netnsSkipReason: string | undefined = !isRoot
  ? 'not running as root (ip netns needs it)'
  : !hasIp
    ? 'the `ip` command (iproute2) is not available'
    : undefined;

/** Starting `vite preview` takes a few seconds here; a busy machine may need more. */
const HOST_READY_DEADLINE_MS = 60_000;
/** How long a host gets to close its hub (and send mDNS goodbyes) before it is killed. */
const HOST_STOP_GRACE_MS = 3000;

export interface NetnsSide {
  readonly ns: string;
  readonly veth: string;
  readonly address: string;
}

function ip(...args: string[]): void {
  const result = spawnSync('ip', args, { encoding: 'utf8', timeout: 5000 });
  if (result.status !== 0) throw new Error(`ip ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
}

/** Names and a random 10.25x.y.0/24 subnet for a pair; nothing is created yet. */
export function planNamespacePair(label: string): readonly [NetnsSide, NetnsSide] {
  const suffix = randomBytes(3).toString('hex');
  const subnet = `10.${randomInt(250, 256)}.${randomInt(0, 256)}`;
  return [
    { ns: `${label}-a-${suffix}`, veth: `${label}a${suffix}`, address: `${subnet}.1` },
    { ns: `${label}-b-${suffix}`, veth: `${label}b${suffix}`, address: `${subnet}.2` },
  ];
}

export function createNamespacePair([a, b]: readonly [NetnsSide, NetnsSide]): void {
  for (const side of [a, b]) ip('netns', 'add', side.ns);
  ip('link', 'add', a.veth, 'netns', a.ns, 'type', 'veth', 'peer', 'name', b.veth, 'netns', b.ns);
  for (const side of [a, b]) {
    ip('-n', side.ns, 'addr', 'add', `${side.address}/24`, 'dev', side.veth);
    ip('-n', side.ns, 'link', 'set', 'lo', 'up');
    ip('-n', side.ns, 'link', 'set', side.veth, 'up');
    ip('-n', side.ns, 'route', 'add', '224.0.0.0/4', 'dev', side.veth);
  }
  ip('-n', a.ns, 'route', 'add', 'default', 'via', b.address, 'dev', a.veth);
  ip('-n', b.ns, 'route', 'add', 'default', 'via', a.address, 'dev', b.veth);
}

/** Removes the namespaces (and with them the veth pair); quiet about ones that were never made. */
export function removeNamespaces(sides: readonly NetnsSide[]): void {
  for (const side of sides) spawnSync('ip', ['netns', 'del', side.ns], { stdio: 'ignore', timeout: 5000 });
}

export interface NetnsWebHost {
  readonly url: string;
  /** Everything the host printed so far (hub and discovery warnings go to stderr). */
  output(): string;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts `vite preview` (the built renderer plus this device's hub) inside
 * the namespace, bound to the side's veth address, and resolves once it
 * answers HTTP there. The process runs in its own process group so stop()
 * ends npx, vite and anything they started, and only those.
 */
export async function startWebHost(side: NetnsSide, port: number, env: Record<string, string>): Promise<NetnsWebHost> {
  const args = ['netns', 'exec', side.ns, 'npx', 'vite', 'preview', '--config', 'vite.web.config.ts', '--host', side.address, '--port', String(port), '--strictPort'];
  const child = spawn('ip', args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://${side.address}:${port}/`;
  const host: NetnsWebHost = {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      const pid = child.pid;
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-pid, signal);
        } catch {
          // the group is already gone
        }
      };
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), HOST_STOP_GRACE_MS);
      await exited(child);
      clearTimeout(timer);
      signalGroup('SIGKILL'); // anything in the group that outlived its parent
    },
  };
  try {
    await waitForHttp(side, url, child);
  } catch (error) {
    await host.stop();
    throw new Error(`${(error as Error).message}\nweb host output:\n${output}`);
  }
  return host;
}

/** The test runner is outside the namespace and cannot reach the veth address: ask from inside, in one process with its own deadline. */
async function waitForHttp(side: NetnsSide, url: string, host: ChildProcess): Promise<void> {
  const poll = `
    const deadline = Date.now() + ${HOST_READY_DEADLINE_MS};
    const attempt = () => fetch(${JSON.stringify(url)}).then((r) => process.exit(r.ok ? 0 : 2), () => {
      if (Date.now() > deadline) process.exit(1);
      setTimeout(attempt, 200);
    });
    attempt();`;
  const probe = spawn('ip', ['netns', 'exec', side.ns, process.execPath, '-e', poll], { stdio: 'ignore' });
  const outcome = await Promise.race([
    exited(probe).then(() => (probe.exitCode === 0 ? 'ready' : `no answer (probe exit ${probe.exitCode})`)),
    exited(host).then(() => `the host exited (code ${host.exitCode}, signal ${host.signalCode})`),
  ]);
  if (probe.exitCode === null) probe.kill('SIGKILL');
  if (outcome !== 'ready') throw new Error(`web host in ${side.ns} at ${url}: ${outcome}`);
}

/**
 * An executable that starts Debian's Chromium inside the namespace, for
 * `chromium.launch({ executablePath })`. Playwright talks to Chromium over
 * inherited pipes, which `ip netns exec` passes through unchanged.
 */
export function chromiumInNamespace(side: NetnsSide): { executablePath: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `chromium-${side.ns}-`));
  const executablePath = join(dir, 'chromium');
  writeFileSync(executablePath, `#!/bin/sh\nexec ip netns exec '${side.ns}' '${CHROMIUM_PATH}' "$@"\n`);
  chmodSync(executablePath, 0o755);
  return { executablePath, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
