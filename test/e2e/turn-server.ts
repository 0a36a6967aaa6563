import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * coturn (Debian's `turnserver`) on loopback for one test: its own port and
 * relay port range per Playwright worker, a fresh password, loopback peers
 * allowed (both partners' relays are on 127.0.0.1). `stop()` kills it
 * outright, as a server that went away.
 */
export const TURN_AVAILABLE = spawnSync('turnserver', ['--version'], { stdio: 'ignore' }).error === undefined;

export interface TurnServer {
  /** The line a user types in Verbindingen: address, username, password. */
  readonly settingsLine: string;
  output(): string;
  stop(): Promise<void>;
}

export async function startTurnServer(): Promise<TurnServer> {
  const index = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
  const port = 3480 + index;
  const password = randomBytes(8).toString('hex');
  const args = ['-n', '--listening-ip=127.0.0.1', '--relay-ip=127.0.0.1', `--listening-port=${port}`, `--min-port=${50_000 + index * 500}`, `--max-port=${50_499 + index * 500}`];
  args.push('--lt-cred-mech', `--user=partner:${password}`, '--realm=stroomkring.test', '--allow-loopback-peers', '--no-tls', '--no-dtls', '--no-cli', '--log-file=stdout', '--simple-log', '--verbose', `--pidfile=${join(tmpdir(), `turnserver-e2e-${index}.pid`)}`);
  const child: ChildProcessWithoutNullStreams = spawn('turnserver', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`coturn did not come up: ${output.slice(-2000)}`)), 20_000);
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      if (/UDP listener opened on|Total General servers/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.once('exit', (code) => reject(new Error(`coturn exited (${code}): ${output.slice(-2000)}`)));
  });
  return {
    settingsLine: `turn:127.0.0.1:${port}?transport=udp partner ${password}`,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
