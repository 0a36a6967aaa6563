import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startDesktopHub, type DesktopHub } from './desktop-hub';

const started: DesktopHub[] = [];
const blockers: Server[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((desktop) => desktop.hub.close()));
  await Promise.all(blockers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function occupiedPort(): Promise<number> {
  const server = createServer();
  blockers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

describe('desktop hub', () => {
  it('listens on the requested port and describes itself for the renderer and for invites', async () => {
    const desktop = await startDesktopHub({ host: '127.0.0.1', port: 0, discovery: false });
    started.push(desktop);
    expect(desktop.signalingUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(desktop.reachableAt()).toEqual([`ws://127.0.0.1:${desktop.hub.port}`]);
  });

  it('falls back to a free port when its port is taken', async () => {
    const port = await occupiedPort();
    const desktop = await startDesktopHub({ host: '127.0.0.1', port, discovery: false });
    started.push(desktop);
    expect(desktop.hub.port).not.toBe(port);
  });
});
