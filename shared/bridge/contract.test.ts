import { describe, expect, it } from 'vitest';
import { BridgeArgumentError, bridgeEntries, createBridgeClient, dispatchBridgeCall, type BridgeHandlers } from './contract';

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
  };
}

describe('bridge contract', () => {
  it('names one channel per method, namespaced', () => {
    expect(bridgeEntries().map((entry) => entry.channel)).toEqual(['app:getInfo', 'shell:openExternal', 'sync:localHub', 'sync:addPeerHubs']);
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
});
