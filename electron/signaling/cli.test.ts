import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';
import { connectClient, waitFor } from './test-fixtures/test-client.ts';

describe('npm run signal: arguments', () => {
  it('defaults to y-webrtc’s port on all interfaces with discovery', () => {
    expect(parseCliArgs([])).toEqual({ ok: true, options: { host: '0.0.0.0', port: 4444, peers: [], discovery: true } });
  });

  it('takes host, port, repeated peers, --no-discovery and an mDNS interface', () => {
    const argv = ['--host', '127.0.0.1', '--port', '0', '--peer', 'ws://10.0.0.2:4444', '--peer', 'wss://hub.example/s', '--no-discovery', '--mdns-interface', '10.0.0.1'];
    expect(parseCliArgs(argv)).toEqual({
      ok: true,
      options: { host: '127.0.0.1', port: 0, peers: ['ws://10.0.0.2:4444', 'wss://hub.example/s'], discovery: false, mdnsInterface: '10.0.0.1' },
    });
  });

  it.each([[['--port', '70000']], [['--port', 'x']], [['--peer', 'http://x']], [['--bogus']], [['stray']]])('refuses %j', (argv) => {
    expect(parseCliArgs(argv)).toMatchObject({ ok: false, help: false });
  });

  it('answers --help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ ok: false, help: true });
  });
});

describe('npm run signal: the process', () => {
  it('prints its bound address, serves, and exits 0 on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
      const child = spawn(process.execPath, ['--import', 'tsx', cli, '--host', '127.0.0.1', '--port', '0', '--no-discovery'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        await waitFor(() => /\(ws:\/\/127\.0\.0\.1:\d+\)/.test(out), 'the bound address', 15_000);
        const url = /\((ws:\/\/127\.0\.0\.1:\d+)\)/.exec(out)![1]!;
        const client = await connectClient(url);
        client.send({ type: 'ping' });
        await client.next((m) => m.type === 'pong');
        child.kill(signal);
        expect((await client.closed).code).toBe(1001);
        expect(await exited).toBe(0);
        expect(out).toContain(`${signal}: stopping`);
      } finally {
        child.kill('SIGKILL');
      }
    }
  }, 40_000);
});
