import { describe, expect, it } from 'vitest';
import { BridgeArgumentError, bridgeEntries, FILE_PIECE_MAX_BYTES, createBridgeClient, dispatchBridgeCall, type BridgeHandlers } from './contract';

function handlers(opened: string[]): BridgeHandlers {
  return {
    app: { getInfo: () => Promise.resolve({ name: 'Stroomkring', version: '1.2.3', host: 'web', platform: 'test' }) },
    shell: {
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
    },
    sync: {
      localHub: () => Promise.resolve({ signalingUrl: 'ws://127.0.0.1:5178/signal', reachableAt: [] }),
      addPeerHubs: (urls) => {
        opened.push(...urls);
        return Promise.resolve();
      },
    },
    files: {
      beginSave: () => Promise.resolve({ cancelled: true as const }),
      beginOpen: () => Promise.resolve({ token: 'a'.repeat(32) }),
      write: (_token, piece) => Promise.resolve(piece.byteLength > 0 ? { ok: true as const } : { ok: false as const, problem: 'failed' as const }),
      finish: () => Promise.resolve({ ok: true as const }),
      abort: () => Promise.resolve(),
    },
  };
}

describe('bridge contract', () => {
  it('names one channel per method, namespaced', () => {
    expect(bridgeEntries().map((entry) => entry.channel)).toEqual([
      'app:getInfo',
      'shell:openExternal',
      'sync:localHub',
      'sync:addPeerHubs',
      'files:beginSave',
      'files:beginOpen',
      'files:write',
      'files:finish',
      'files:abort',
    ]);
  });

  it('round-trips calls through a client and the dispatcher', async () => {
    const opened: string[] = [];
    const client = createBridgeClient((channel, args) => dispatchBridgeCall(handlers(opened), channel, args));
    await expect(client.app.getInfo()).resolves.toEqual({ name: 'Stroomkring', version: '1.2.3', host: 'web', platform: 'test' });
    await client.shell.openExternal('https://www.res-hollandrijnland.nl/');
    expect(opened).toEqual(['https://www.res-hollandrijnland.nl/']);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'stroomkring://app/index.html', 'not a url'])('refuses to open %s', async (url) => {
    const opened: string[] = [];
    const client = createBridgeClient((channel, args) => dispatchBridgeCall(handlers(opened), channel, args));
    await expect(client.shell.openExternal(url)).rejects.toBeInstanceOf(BridgeArgumentError);
    await expect(dispatchBridgeCall(handlers(opened), 'shell:openExternal', [url])).rejects.toBeInstanceOf(BridgeArgumentError);
    expect(opened).toEqual([]);
  });

  it('refuses unknown channels and wrong argument counts', async () => {
    await expect(dispatchBridgeCall(handlers([]), 'fs:readFile', ['/etc/passwd'])).rejects.toThrow(/unknown channel/);
    await expect(dispatchBridgeCall(handlers([]), 'shell:openExternal', [])).rejects.toBeInstanceOf(BridgeArgumentError);
    await expect(dispatchBridgeCall(handlers([]), 'app:getInfo', ['extra'])).rejects.toBeInstanceOf(BridgeArgumentError);
  });

  it('validates what a handler returns', async () => {
    const broken = { ...handlers([]), app: { getInfo: () => Promise.resolve({ name: 1 }) } } as unknown as BridgeHandlers;
    await expect(dispatchBridgeCall(broken, 'app:getInfo', [])).rejects.toThrow();
  });

  it('carries file pieces only as bounded byte arrays under a well-formed token', async () => {
    const client = createBridgeClient((channel, args) => dispatchBridgeCall(handlers([]), channel, args));
    await expect(client.files.write('a'.repeat(32), new Uint8Array(3))).resolves.toEqual({ ok: true });
    await expect(client.files.write('a'.repeat(32), [1, 2, 3] as unknown as Uint8Array)).rejects.toBeInstanceOf(BridgeArgumentError);
    await expect(client.files.write('A'.repeat(32), new Uint8Array(3))).rejects.toBeInstanceOf(BridgeArgumentError);
    await expect(client.files.write('a'.repeat(32), new Uint8Array(FILE_PIECE_MAX_BYTES + 1))).rejects.toBeInstanceOf(BridgeArgumentError);
    await expect(client.files.beginSave({ suggestedName: 'x', size: 1.5 })).rejects.toBeInstanceOf(BridgeArgumentError);
  });
});
