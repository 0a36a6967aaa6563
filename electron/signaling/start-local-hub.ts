/**
 * What the rest of the app calls: this device's signaling hub, with LAN
 * discovery feeding found hubs into federation, plus the facts an invite
 * needs (the addresses partners can reach it on). The Electron main process
 * and the web host each run one; `npm run signal` runs one standalone.
 *
 * Discovery is on only when asked for: tests and the loopback-only web host
 * pass `discovery: false`, so nothing is multicast unless a user's app does it.
 */
import type { Server } from 'node:http';
import type { NetworkInterfaceInfo } from 'node:os';
import { networkInterfaces } from 'node:os';
import type { BonjourFactoryOptions, BonjourLike, HubDiscovery } from './hub-discovery.ts';
import { startHubDiscovery } from './hub-discovery.ts';
import type { HubLimits } from './hub-connection.ts';
import type { HubLogger } from './hub-log.ts';
import { consoleHubLogger } from './hub-log.ts';
import type { PeerHubStatus } from './peer-hub-link.ts';
import { normalizePeerUrl, startSignalingHub } from './signaling-hub.ts';

export interface DiscoverySettings {
  /** IPv4 address of the interface to announce and browse on; defaults to `host` when that is one specific address. */
  interface?: string;
  createBonjour?: (options: BonjourFactoryOptions) => BonjourLike;
  requeryMs?: number;
}

export interface LocalHubOptions {
  host?: string;
  port?: number;
  /** Attach to this HTTP server (it may still be starting) instead of listening. */
  server?: Server;
  /** With `server`: the WebSocket path, e.g. "/signal". */
  path?: string;
  discovery: boolean | DiscoverySettings;
  /** Hubs to link to from the start (ws:// or wss:// URLs). */
  peers?: readonly string[];
  hubId?: string;
  limits?: Partial<HubLimits>;
  log?: HubLogger;
  /** Injected in tests; defaults to os.networkInterfaces. */
  interfaces?: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
}

export interface LocalHub {
  readonly hubId: string;
  /** ws:// URL on which this machine reaches the hub (loopback for wildcard binds). Throws before listening. */
  readonly url: string;
  readonly port: number;
  /** Non-internal IPv4 addresses partners can reach the hub on: what goes in an invite. */
  readonly addresses: string[];
  addPeerHub(url: string): boolean;
  removePeerHub(url: string): boolean;
  peerHubs(): PeerHubStatus[];
  close(): Promise<void>;
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);
const isIPv4 = (address: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(address);

/** The addresses a hub bound to `bound` can be reached on from other machines. */
export function reachableAddresses(bound: string, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const external = Object.values(interfaces)
    .flat()
    .filter((entry): entry is NetworkInterfaceInfo => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
  if (WILDCARD.has(bound)) return [...new Set(external)];
  return external.includes(bound) ? [bound] : [];
}

export async function startLocalHub(options: LocalHubOptions): Promise<LocalHub> {
  const log = options.log ?? consoleHubLogger;
  const hub = await startSignalingHub({
    ...(options.server === undefined ? { host: options.host ?? '127.0.0.1', port: options.port ?? 0 } : { server: options.server }),
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.hubId === undefined ? {} : { hubId: options.hubId }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    log,
  });
  const interfaces = options.interfaces ?? networkInterfaces;
  for (const peer of options.peers ?? []) hub.addPeerHub(peer);

  /** URLs added by hand stay when mDNS says the hub behind them left; discovered ones go. */
  const manual = new Set((options.peers ?? []).map(normalizePeerUrl));
  let discovery: HubDiscovery | undefined;
  let closed = false;

  const startDiscovery = (): void => {
    if (closed || options.discovery === false) return;
    const settings: DiscoverySettings = options.discovery === true ? {} : options.discovery;
    const bound = hub.address().address;
    const pinned = settings.interface ?? (isIPv4(bound) && !WILDCARD.has(bound) ? bound : undefined);
    discovery = startHubDiscovery({
      hubId: hub.hubId,
      port: hub.address().port,
      // A hub sharing a server answers on its path only: others must be told it, or they knock on the wrong door.
      ...(options.path === undefined ? {} : { path: options.path }),
      ...(pinned === undefined ? {} : { interface: pinned }),
      ...(settings.createBonjour === undefined ? {} : { createBonjour: settings.createBonjour }),
      ...(settings.requeryMs === undefined ? {} : { requeryMs: settings.requeryMs }),
      log,
      onUp: (found) => void hub.addPeerHub(found.url),
      onDown: (gone) => {
        if (!manual.has(normalizePeerUrl(gone.url))) hub.removePeerHub(gone.url);
      },
    });
  };
  // Discovery announces our port, which an attached server only has once it listens.
  if (options.server === undefined || options.server.listening) startDiscovery();
  else options.server.once('listening', startDiscovery);

  return {
    hubId: hub.hubId,
    get url() {
      return hub.url;
    },
    get port() {
      return hub.address().port;
    },
    get addresses() {
      return reachableAddresses(hub.address().address, interfaces());
    },
    addPeerHub(url) {
      const added = hub.addPeerHub(url);
      manual.add(normalizePeerUrl(url));
      return added;
    },
    removePeerHub(url) {
      manual.delete(normalizePeerUrl(url));
      return hub.removePeerHub(url);
    },
    peerHubs: () => hub.peerHubs(),
    async close() {
      closed = true;
      options.server?.off('listening', startDiscovery);
      await discovery?.stop();
      await hub.close();
    },
  };
}
