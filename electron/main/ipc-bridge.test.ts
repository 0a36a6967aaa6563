import { describe, expect, it } from 'vitest';
import { BridgeArgumentError, bridgeEntries, type BridgeHandlers } from '../../shared/bridge/contract';
import { registerIpcBridge, UntrustedSenderError, type InvokeEventLike, type IpcMainLike } from './ipc-bridge';
import { isTrustedIpcSender } from './navigation-policy';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** Records what would be registered on ipcMain, so the test can invoke it like the renderer would. */
class RecordingIpc implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  invoke(channel: string, senderUrl: string | null | undefined, ...args: unknown[]): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    const event: InvokeEventLike = senderUrl === undefined ? {} : { senderFrame: senderUrl === null ? null : { url: senderUrl } };
    return listener(event, ...args);
  }
}

const APP = 'stroomkring://app/index.html';

function setup(overrides: Partial<{ openExternal: (url: string) => Promise<void>; getInfoResult: unknown }> = {}) {
  const ipc = new RecordingIpc();
  const opened: string[] = [];
  const refused: UntrustedSenderError[] = [];
  const handlers: BridgeHandlers = {
    app: {
      getInfo: () =>
        Promise.resolve((overrides.getInfoResult ?? { name: 'Stroomkring', version: '0.1.0', host: 'electron', platform: 'linux' }) as never),
    },
    sync: {
      localHub: () => Promise.resolve({ signalingUrl: 'ws://127.0.0.1:4455/signal', reachableAt: [] }),
      addPeerHubs: () => Promise.resolve(),
    },
    files: {
      beginSave: () => Promise.resolve({ cancelled: true as const }),
      beginOpen: () => Promise.reject(new Error('not in this test')),
      write: () => Promise.resolve({ ok: true as const }),
      finish: () => Promise.resolve({ ok: true as const }),
      abort: () => Promise.resolve(),
    },
    shell: {
      openExternal:
        overrides.openExternal ??
        ((url: string) => {
          opened.push(url);
          return Promise.resolve();
        }),
    },
  };
  const channels = registerIpcBridge({ ipc, handlers, isTrustedSender: isTrustedIpcSender, onUntrustedSender: (error) => refused.push(error) });
  return { ipc, opened, refused, channels };
}

describe('IPC bridge registration', () => {
  it('registers exactly one handler per contract channel', () => {
    const { ipc, channels } = setup();
    const expected = bridgeEntries().map((entry) => entry.channel);
    expect(channels).toEqual(expected);
    expect([...ipc.listeners.keys()].sort()).toEqual([...expected].sort());
    expect(channels).toContain('app:getInfo');
    expect(channels).toContain('shell:openExternal');
  });

  it('answers a trusted sender', async () => {
    const { ipc, opened } = setup();
    await expect(ipc.invoke('app:getInfo', APP)).resolves.toEqual({ name: 'Stroomkring', version: '0.1.0', host: 'electron', platform: 'linux' });
    await expect(ipc.invoke('shell:openExternal', APP, 'https://example.org/')).resolves.toBeUndefined();
    expect(opened).toEqual(['https://example.org/']);
  });

  it.each([
    ['a remote page', 'https://evil.example/'],
    ['a look-alike scheme host', 'stroomkring://evil/index.html'],
    ['a file page', 'file:///tmp/x.html'],
    ['about:blank', 'about:blank'],
    ['a destroyed frame', null],
    ['no frame at all', undefined],
  ])('refuses %s before any handler runs', async (_label, senderUrl) => {
    const { ipc, opened, refused } = setup();
    await expect(ipc.invoke('shell:openExternal', senderUrl, 'https://example.org/')).rejects.toBeInstanceOf(UntrustedSenderError);
    await expect(ipc.invoke('app:getInfo', senderUrl)).rejects.toThrow(/is not the app/);
    expect(opened).toEqual([]);
    expect(refused.map((error) => error.channel)).toEqual(['shell:openExternal', 'app:getInfo']);
  });

  it.each([
    ['no argument', []],
    ['a number', [42]],
    ['a file URL', ['file:///etc/passwd']],
    ['a javascript URL', ['javascript:alert(1)']],
    ['extra arguments', ['https://example.org/', 'more']],
    ['an over-long URL', [`https://example.org/${'a'.repeat(3000)}`]],
  ])('refuses bad arguments from a trusted sender: %s', async (_label, args) => {
    const { ipc, opened } = setup();
    await expect(ipc.invoke('shell:openExternal', APP, ...args)).rejects.toBeInstanceOf(BridgeArgumentError);
    expect(opened).toEqual([]);
  });

  it('refuses arguments to a method that takes none', async () => {
    const { ipc } = setup();
    await expect(ipc.invoke('app:getInfo', APP, 'surprise')).rejects.toBeInstanceOf(BridgeArgumentError);
  });

  it('validates what a handler returns', async () => {
    const { ipc } = setup({ getInfoResult: { name: 'Stroomkring', host: 'toaster' } });
    await expect(ipc.invoke('app:getInfo', APP)).rejects.toThrow();
  });

  it('passes handler failures back to the renderer', async () => {
    const { ipc } = setup({ openExternal: () => Promise.reject(new Error('no browser installed')) });
    await expect(ipc.invoke('shell:openExternal', APP, 'https://example.org/')).rejects.toThrow('no browser installed');
  });
});
