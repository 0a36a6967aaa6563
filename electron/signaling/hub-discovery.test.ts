/**
 * Discovery logic with the mDNS machinery replaced by a fake, so nothing is
 * multicast. Real mDNS runs only in hub-discovery.netns.test.ts.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { BonjourFactoryOptions, BonjourLike, BrowserLike, DiscoveredHub, FoundService } from './hub-discovery.ts';
import { DISCOVERY_PROTOCOL_VERSION, hubFromService, SERVICE_TYPE, startHubDiscovery } from './hub-discovery.ts';
import type { HubLogEvent } from './hub-log.ts';

class FakeBrowser extends EventEmitter implements BrowserLike {
  updates = 0;
  stopped = false;
  update(): void {
    this.updates += 1;
  }
  expire(): void {}
  stop(): void {
    this.stopped = true;
  }
}

class FakeBonjour implements BonjourLike {
  published: unknown[] = [];
  browser = new FakeBrowser();
  findOptions: unknown;
  goodbye = false;
  destroyed = false;
  constructor(readonly options: BonjourFactoryOptions) {}
  publish(options: unknown): unknown {
    this.published.push(options);
    return {};
  }
  find(options: unknown): BrowserLike {
    this.findOptions = options;
    return this.browser;
  }
  unpublishAll(callback?: () => void): void {
    this.goodbye = true;
    callback?.();
  }
  destroy(callback?: () => void): void {
    this.destroyed = true;
    callback?.();
  }
}

const service = (id: string, extra: Partial<FoundService> = {}): FoundService => ({
  port: 4444,
  txt: { id, v: DISCOVERY_PROTOCOL_VERSION },
  addresses: ['192.168.1.20', 'fe80::1'],
  referer: { address: '192.168.1.20', family: 'IPv4' },
  ...extra,
});

function setup(interfaceAddress?: string) {
  let fake: FakeBonjour | undefined;
  const up: DiscoveredHub[] = [];
  const down: DiscoveredHub[] = [];
  const logs: HubLogEvent[] = [];
  const discovery = startHubDiscovery({
    hubId: 'me',
    port: 5000,
    ...(interfaceAddress === undefined ? {} : { interface: interfaceAddress }),
    onUp: (h) => up.push(h),
    onDown: (h) => down.push(h),
    createBonjour: (options) => (fake = new FakeBonjour(options)),
    requeryMs: 20,
    log: (e) => logs.push(e),
  });
  return { discovery, fake: fake!, up, down, logs };
}

describe('hub discovery', () => {
  it('announces _stroomkring._tcp with its hub id and protocol version, on the given interface', async () => {
    const { discovery, fake } = setup('10.251.0.1');
    expect(fake.options.interface).toBe('10.251.0.1');
    expect(fake.published).toEqual([
      { name: 'stroomkring-me', type: SERVICE_TYPE, port: 5000, host: 'stroomkring-me.local', txt: { id: 'me', v: DISCOVERY_PROTOCOL_VERSION }, disableIPv6: true },
    ]);
    expect(fake.findOptions).toEqual({ type: 'stroomkring' });
    await discovery.stop();
  });

  it('hands found hubs over once, ignoring itself and other protocol versions (logged once)', async () => {
    const { discovery, fake, up, logs } = setup();
    fake.browser.emit('up', service('me'));
    fake.browser.emit('up', service('other'));
    fake.browser.emit('txt-update', service('other'));
    fake.browser.emit('up', service('future', { txt: { id: 'future', v: '99' } }));
    fake.browser.emit('up', service('future2', { txt: { id: 'future2', v: '99' } }));
    expect(up).toEqual([{ hubId: 'other', url: 'ws://192.168.1.20:4444' }]);
    expect(discovery.known()).toEqual(up);
    expect(logs.filter((e) => e.kind === 'other-version')).toHaveLength(1);
    await discovery.stop();
  });

  it('follows a hub that moves, and drops one that says goodbye', async () => {
    const { discovery, fake, up, down } = setup();
    fake.browser.emit('up', service('other'));
    fake.browser.emit('srv-update', service('other', { port: 4445 }));
    expect(up.map((h) => h.url)).toEqual(['ws://192.168.1.20:4444', 'ws://192.168.1.20:4445']);
    expect(down.map((h) => h.url)).toEqual(['ws://192.168.1.20:4444']);
    fake.browser.emit('down', service('other', { port: 4445 }));
    expect(down.map((h) => h.url)).toEqual(['ws://192.168.1.20:4444', 'ws://192.168.1.20:4445']);
    expect(discovery.known()).toEqual([]);
    await discovery.stop();
  });

  it('re-asks the network periodically, and on stop says goodbye and stops everything', async () => {
    const { discovery, fake } = setup();
    await new Promise((r) => setTimeout(r, 70));
    expect(fake.browser.updates).toBeGreaterThanOrEqual(2);
    await discovery.stop();
    await discovery.stop(); // idempotent
    expect([fake.browser.stopped, fake.goodbye, fake.destroyed]).toEqual([true, true, true]);
    const updates = fake.browser.updates;
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.browser.updates).toBe(updates);
  });

  it('reads the hub URL from the answer’s source address, else an advertised IPv4 address, and rejects junk', () => {
    expect(hubFromService(service('x', { referer: { address: '10.0.0.9', family: 'IPv4' } }))).toEqual({ hubId: 'x', url: 'ws://10.0.0.9:4444' });
    expect(hubFromService(service('x', { referer: { address: 'fe80::2', family: 'IPv6' } }))).toEqual({ hubId: 'x', url: 'ws://192.168.1.20:4444' });
    expect(hubFromService(service('x', { referer: undefined, addresses: ['fe80::1'] }))).toBeUndefined();
    expect(hubFromService(service('x', { port: 0 }))).toBeUndefined();
    expect(hubFromService({ port: 1, txt: 'nonsense' })).toBeUndefined();
    expect(hubFromService({ port: 1 })).toBeUndefined();
  });

  it('announces the WebSocket path of a hub that shares a server, and connects to the path another hub announces', async () => {
    let fake: FakeBonjour | undefined;
    const discovery = startHubDiscovery({ hubId: 'me', port: 5000, path: '/signal', onUp: () => {}, createBonjour: (o) => (fake = new FakeBonjour(o)), log: () => {} });
    expect(fake?.published).toEqual([expect.objectContaining({ txt: { id: 'me', v: DISCOVERY_PROTOCOL_VERSION, path: '/signal' } })]);
    await discovery.stop();
    const withPath = (path: unknown) => service('x', { txt: { id: 'x', v: DISCOVERY_PROTOCOL_VERSION, path } });
    expect(hubFromService(withPath('/signal'))).toEqual({ hubId: 'x', url: 'ws://192.168.1.20:4444/signal' });
    for (const junk of ['signal', '/signal?x=1', '//evil.example/x', '/a b', '/#x']) expect(hubFromService(withPath(junk))).toBeUndefined();
  });
});
