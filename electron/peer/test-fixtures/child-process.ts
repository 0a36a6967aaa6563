/**
 * A TypeScript script run as its own Node process for the peer's tests:
 * its output lines are kept, and waited for with a bounded timeout (a
 * process that never prints what is awaited fails the test with what it did
 * print). Killed after the test unless it exited.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

const WAIT_MS = 60_000;

export interface ScriptProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: string[];
  until(match: (line: string) => boolean, what: string): Promise<string>;
  send(command: object): void;
  exited(): Promise<number | null>;
}

/** `wrap`: a command the script runs under, e.g. `ip netns exec NAME` to run it in a network namespace. */
export function runScript(script: string, args: readonly string[], cleanups: Array<() => void>, options: { wrap?: readonly string[]; env?: Record<string, string> } = {}): ScriptProcess {
  const [command = process.execPath, ...prefix] = [...(options.wrap ?? []), process.execPath];
  const env = { ...process.env, ...options.env, ...(process.env.PEER_DEBUG ? { LOG: '*' } : {}) };
  const child = spawn(command, [...prefix, '--import', 'tsx', script, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
  if (process.env.PEER_DEBUG) child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[${args[0]}] ${chunk.toString()}`));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const waiter of waiters) waiter();
  });
  const until = (match: (line: string) => boolean, what: string) =>
    new Promise<string>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        waiters.delete(look);
        clearTimeout(timer);
        child.off('exit', gone);
        outcome();
      };
      const look = () => {
        const found = lines.find(match);
        if (found !== undefined) finish(() => resolve(found));
      };
      const gone = (code: number | null) => {
        look();
        if (waiters.has(look)) finish(() => reject(new Error(`exited (${code}) while waiting for ${what}; printed ${JSON.stringify(lines)}; stderr ${errors.slice(-2000)}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`waiting for ${what}; printed ${JSON.stringify(lines)}; stderr ${errors.slice(-2000)}`))), WAIT_MS);
      waiters.add(look);
      child.once('exit', gone);
      look();
    });
  return {
    child,
    lines,
    until,
    send: (command) => child.stdin.write(`${JSON.stringify(command)}\n`),
    exited: () => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)))),
  };
}
