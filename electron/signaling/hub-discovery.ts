/**
 * Finding other Stroomkring hubs on the local network with mDNS / DNS-SD
 * (bonjour-service), so that hubs can federate without anyone typing an
 * address.
 *
 * What goes on the air:
 *   service type  _stroomkring._tcp.local
 *   instance name stroomkring-<hub id>      (unique, so no name conflicts to probe away)
 *   SRV           <port of the hub's WebSocket server>
 *   TXT           id=<hub id>  v=<DISCOVERY_PROTOCOL_VERSION>
 *                 path=<WebSocket path>   only when the hub shares an HTTP server
 *                                         and accepts upgrades on that path alone
 *                                         (the web host's /signal)
 * A found hub's URL is ws://<address>:<port><path>, the address being the one
 * the mDNS answer came from (reachable on that link by construction), else the
 * first IPv4 address it advertised. Our own announcement, and hubs of another
 * protocol version, are ignored.
 *
 * The mDNS machinery is injected (`createBonjour`) so unit tests run without
 * any multicast; real multicast is only exercised inside network namespaces.
 */
import type { EventEmitter } from 'node:events';
import { Bonjour } from 'bonjour-service';
import type { HubLogger } from './hub-log.ts';
import { consoleHubLogger } from './hub-log.ts';

export const SERVICE_TYPE = 'stroomkring';
/** Bumped when hubs of different versions could no longer relay for each other. */
export const DISCOVERY_PROTOCOL_VERSION = '1';
/** Re-asks the network now and then: a multicast answer lost on busy Wi-Fi is otherwise never repeated. */
export const DISCOVERY_REQUERY_MS = 15_000;

/** Sending goodbyes takes one UDP send; if that has not happened by now, it will not. */
export const GOODBYE_TIMEOUT_MS = 1000;

export interface DiscoveredHub {
  hubId: string;
  url: string;
}

/** The slice of a bonjour-service Service that discovery reads. */
export interface FoundService {
  port: number;
  txt?: unknown;
  addresses?: string[];
  referer?: { address: string; family: string };
}

export interface BrowserLike extends Pick<EventEmitter, 'on'> {
  update(): void;
  expire(): void;
  stop(): void;
}

export interface BonjourLike {
  publish(options: { name: string; type: string; port: number; host?: string; txt: Record<string, string>; disableIPv6?: boolean }): unknown;
  find(options: { type: string }): BrowserLike;
  unpublishAll(callback?: () => void): void;
  destroy(callback?: () => void): void;
}

export interface BonjourFactoryOptions {
  /** IPv4 address of the one interface to use; all interfaces when absent. */
  interface?: string;
  onError: (error: Error) => void;
}

export interface HubDiscoveryOptions {
  hubId: string;
  /** Port of this hub's WebSocket server, as announced. */
  port: number;
  /** The one path this hub accepts WebSocket upgrades on (e.g. "/signal"), announced so others can connect; absent means any. */
  path?: string;
  interface?: string;
  onUp: (hub: DiscoveredHub) => void;
  onDown?: (hub: DiscoveredHub) => void;
  createBonjour?: (options: BonjourFactoryOptions) => BonjourLike;
  requeryMs?: number;
  log?: HubLogger;
}

export interface HubDiscovery {
  /** Hubs currently known, other than this one. */
  known(): DiscoveredHub[];
  stop(): Promise<void>;
}

export function createRealBonjour(options: BonjourFactoryOptions): BonjourLike {
  // multicast-dns binds its socket to `interface` when given, and a socket
  // bound to a unicast address never receives multicast on Linux: bind to the
  // wildcard and let `interface` choose membership and outgoing interface.
  const mdnsOptions = options.interface === undefined ? {} : { interface: options.interface, bind: '0.0.0.0' };
  const bonjour = new Bonjour(mdnsOptions as ConstructorParameters<typeof Bonjour>[0], options.onError);
  // bonjour-service leaves socket errors (port 5353 taken, no permission) unhandled, which would crash the process.
  const mdns = (bonjour as unknown as { server?: { mdns?: EventEmitter } }).server?.mdns;
  mdns?.on('error', options.onError);
  mdns?.on('warning', options.onError);
  return bonjour as unknown as BonjourLike;
}

const isIPv4 = (address: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(address);
/** An absolute URL path of plain characters: what goes after host:port, never a way to smuggle in a query or another host. */
const isUrlPath = (path: string): boolean => /^\/(?!\/)[A-Za-z0-9._~/-]{0,200}$/.test(path);

/** Reads a found service; undefined when it is not a usable hub. */
export function hubFromService(service: FoundService): DiscoveredHub | 'other-version' | undefined {
  const txt = (service.txt ?? {}) as Record<string, unknown>;
  const hubId = txt.id;
  if (typeof hubId !== 'string' || hubId.length === 0) return undefined;
  if (String(txt.v) !== DISCOVERY_PROTOCOL_VERSION) return 'other-version';
  const referer = service.referer?.family === 'IPv4' && isIPv4(service.referer.address) ? service.referer.address : undefined;
  const address = referer ?? service.addresses?.find(isIPv4);
  if (address === undefined || !Number.isInteger(service.port) || service.port <= 0 || service.port > 65535) return undefined;
  const path = txt.path === undefined ? '' : String(txt.path);
  if (path !== '' && !isUrlPath(path)) return undefined;
  return { hubId, url: `ws://${address}:${service.port}${path}` };
}

export function startHubDiscovery(options: HubDiscoveryOptions): HubDiscovery {
  const log = options.log ?? consoleHubLogger;
  const reported = new Set<string>();
  const logOnce = (kind: string, detail: string): void => {
    if (reported.has(kind)) return;
    reported.add(kind);
    log({ edge: 'hub-discovery', kind, detail });
  };
  const bonjour = (options.createBonjour ?? createRealBonjour)({
    ...(options.interface === undefined ? {} : { interface: options.interface }),
    onError: (error) => logOnce('mdns-error', error.message),
  });
  const known = new Map<string, DiscoveredHub>();

  bonjour.publish({
    name: `stroomkring-${options.hubId}`,
    type: SERVICE_TYPE,
    port: options.port,
    // Machines (and network namespaces) can share a host name; ours must not clash.
    host: `stroomkring-${options.hubId.slice(0, 8)}.local`,
    txt: { id: options.hubId, v: DISCOVERY_PROTOCOL_VERSION, ...(options.path === undefined ? {} : { path: options.path }) },
    disableIPv6: true,
  });

  const browser = bonjour.find({ type: SERVICE_TYPE });
  const onFound = (service: FoundService): void => {
    const hub = hubFromService(service);
    if (hub === 'other-version') return logOnce('other-version', `ignoring hub with TXT v=${String((service.txt as Record<string, unknown>).v)}`);
    if (hub === undefined || hub.hubId === options.hubId) return;
    const previous = known.get(hub.hubId);
    if (previous?.url === hub.url) return;
    if (previous) options.onDown?.(previous);
    known.set(hub.hubId, hub);
    options.onUp(hub);
  };
  const onLost = (service: FoundService): void => {
    const hub = hubFromService(service);
    if (typeof hub !== 'object') return;
    const previous = known.get(hub.hubId);
    if (!previous) return;
    known.delete(hub.hubId);
    options.onDown?.(previous);
  };
  browser.on('up', onFound);
  browser.on('srv-update', onFound);
  browser.on('txt-update', onFound);
  browser.on('down', onLost);

  const requery = setInterval(() => {
    browser.expire();
    browser.update();
  }, options.requeryMs ?? DISCOVERY_REQUERY_MS);
  requery.unref();

  let stopped: Promise<void> | undefined;
  return {
    known: () => [...known.values()],
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        clearInterval(requery);
        browser.stop();
        let done = false;
        const finish = (): void => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          bonjour.destroy(() => resolve());
        };
        // A lost goodbye must not hold up shutdown.
        const timer = setTimeout(finish, GOODBYE_TIMEOUT_MS);
        // Goodbye packets (TTL 0) let peers drop us now instead of at TTL expiry.
        bonjour.unpublishAll(finish);
      });
      return stopped;
    },
  };
}
