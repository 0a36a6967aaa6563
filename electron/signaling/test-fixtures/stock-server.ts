/**
 * Runs y-webrtc's reference signaling server (node_modules/y-webrtc/bin/server.js)
 * as a child process. It listens on every interface (it takes no host
 * option); tests only ever connect to it through 127.0.0.1.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { waitFor } from './test-client.ts';

const serverScript = fileURLToPath(new URL('../../../node_modules/y-webrtc/bin/server.js', import.meta.url));

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface StockServer {
  url: string;
  stop(): Promise<void>;
}

export async function startStockServer(): Promise<StockServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [serverScript], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `ws://127.0.0.1:${port}`;
  // It prints its banner before listening completes; wait until it answers HTTP.
  let up = false;
  const deadline = Date.now() + 5000;
  while (!up && Date.now() < deadline && child.exitCode === null) {
    up = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);
    if (!up) await new Promise((r) => setTimeout(r, 50));
  }
  if (!up) {
    child.kill('SIGKILL');
    throw new Error(`bin/server.js did not come up: ${output}`);
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await waitFor(() => child.exitCode !== null || child.signalCode !== null, 'bin/server.js to exit', 3000).catch(() => child.kill('SIGKILL'));
    },
  };
}
