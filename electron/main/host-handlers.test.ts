import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppInfoSchema, dispatchBridgeCall } from '../../shared/bridge/contract';
import { createFileExports } from './file-export';
import { createHostHandlers, type HostDependencies } from './host-handlers';

function setup(): { deps: HostDependencies; opened: string[]; peerHubs: string[] } {
  const opened: string[] = [];
  const peerHubs: string[] = [];
  const deps: HostDependencies = {
    appName: 'Stroomkring',
    appVersion: '0.1.0',
    platform: 'win32',
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    hub: {
      signalingUrl: 'ws://127.0.0.1:4455/signal',
      reachableAt: () => ['ws://192.168.1.20:4455/signal'],
      addPeerHub: (url) => peerHubs.push(url),
    },
    files: createFileExports({ tempRoot: join(tmpdir(), 'unused'), showSaveDialog: () => Promise.resolve(undefined), openPath: () => Promise.resolve('') }),
  };
  return { deps, opened, peerHubs };
}

describe('Electron host handlers', () => {
  it('report the app info as an Electron host', async () => {
    const { deps } = setup();
    const info = await createHostHandlers(deps).app.getInfo();
    expect(info).toEqual({ name: 'Stroomkring', version: '0.1.0', host: 'electron', platform: 'win32' });
    expect(AppInfoSchema.safeParse(info).success).toBe(true);
  });

  it('satisfy the contract through dispatchBridgeCall', async () => {
    const { deps, opened } = setup();
    const handlers = createHostHandlers(deps);
    await expect(dispatchBridgeCall(handlers, 'app:getInfo', [])).resolves.toMatchObject({ host: 'electron' });
    await expect(dispatchBridgeCall(handlers, 'shell:openExternal', ['https://example.org/'])).resolves.toBeUndefined();
    expect(opened).toEqual(['https://example.org/']);
  });

  it('open only http(s) links, even when called directly', async () => {
    const { deps, opened } = setup();
    const handlers = createHostHandlers(deps);
    await handlers.shell.openExternal('http://example.org/a');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ms-settings:', 'not a url']) {
      await expect(handlers.shell.openExternal(url), url).rejects.toThrow();
    }
    expect(opened).toEqual(['http://example.org/a']);
  });

  it('describe the local hub and hand peer hubs to it, validated', async () => {
    const { deps, peerHubs } = setup();
    const handlers = createHostHandlers(deps);
    await expect(dispatchBridgeCall(handlers, 'sync:localHub', [])).resolves.toEqual({ signalingUrl: 'ws://127.0.0.1:4455/signal', reachableAt: ['ws://192.168.1.20:4455/signal'] });
    await dispatchBridgeCall(handlers, 'sync:addPeerHubs', [['ws://192.168.1.30:4455/signal']]);
    await expect(dispatchBridgeCall(handlers, 'sync:addPeerHubs', [['http://evil.example/']])).rejects.toThrow();
    expect(peerHubs).toEqual(['ws://192.168.1.30:4455/signal']);
  });

  it('pass failures of the operating system back to the caller', async () => {
    const { deps } = setup();
    const failing = createHostHandlers({ ...deps, openExternal: () => Promise.reject(new Error('no browser')) });
    await expect(failing.shell.openExternal('https://example.org/')).rejects.toThrow('no browser');
  });

  it('save a copy in pieces through the contract', async () => {
    const { deps } = setup();
    const dir = await mkdtemp(join(tmpdir(), 'stroomkring-host-'));
    try {
      const target = join(dir, 'kopie.txt');
      const handlers = createHostHandlers({ ...deps, files: createFileExports({ tempRoot: join(dir, 'open'), showSaveDialog: () => Promise.resolve(target), openPath: () => Promise.resolve('') }) });
      const start = (await dispatchBridgeCall(handlers, 'files:beginSave', [{ suggestedName: 'kopie.txt', size: 5 }])) as { token: string };
      await expect(dispatchBridgeCall(handlers, 'files:write', [start.token, new TextEncoder().encode('hallo')])).resolves.toEqual({ ok: true });
      await expect(dispatchBridgeCall(handlers, 'files:finish', [start.token])).resolves.toEqual({ ok: true });
      expect(await readFile(target, 'utf8')).toBe('hallo');
      await expect(dispatchBridgeCall(handlers, 'files:beginSave', [{ suggestedName: '', size: 5 }])).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
