import type { LocalHub } from './start-local-hub.ts';

/**
 * The hub URLs that go into an invite: one per LAN address partners can
 * reach; a hub bound to loopback only (browser mode on one machine, tests)
 * offers its loopback URL, which works for partners on the same machine.
 */
export function inviteHubUrls(hub: Pick<LocalHub, 'addresses' | 'url' | 'port'>, path = ''): string[] {
  const hosts = hub.addresses.length > 0 ? hub.addresses : [new URL(hub.url).hostname];
  return hosts.map((host) => `ws://${host}:${hub.port}${path}`);
}
