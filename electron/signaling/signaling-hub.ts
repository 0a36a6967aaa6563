/**
 * The signaling hub: a y-webrtc-compatible signaling server (wire format in
 * hub-protocol.ts) that behaves like y-webrtc's bin/server.js towards its
 * clients, enforces limits (hub-connection.ts), and federates with other hubs.
 *
 * Federation, so that a renderer only ever needs its own hub:
 * - Outbound: `addPeerHub(url)` opens a PeerHubLink. Over it this hub
 *   subscribes to every topic its ordinary clients hold, and pushes each of
 *   their publishes tagged `relay: {hub: <this hub>, seq}`.
 * - Inbound: another hub connecting here (it sends the x-stroomkring-hub
 *   header) is a subscriber like any other, but it receives the tagged form.
 * - A publish that arrives tagged, or from or via another hub, goes to this
 *   hub's ordinary clients only — never on to another hub (one hop), never
 *   back to its origin (echoes of our own id are dropped), and at most once
 *   (duplicates over several links are dropped by (hub, seq)).
 * - y-webrtc clients announce themselves only when they connect, so a link
 *   that comes up later would leave them strangers. Each client's first
 *   publish on a topic (its announce) is therefore kept, small, and replayed
 *   to a hub when it links up or subscribes to that topic.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { HubLimits } from './hub-connection.ts';
import { CLOSE_GOING_AWAY, CLOSE_MALFORMED, CLOSE_RATE_LIMIT, CLOSE_SELF, CLOSE_TOO_MANY_TOPICS, DEFAULT_HUB_LIMITS, HubConnection } from './hub-connection.ts';
import type { HubLogger } from './hub-log.ts';
import { consoleHubLogger } from './hub-log.ts';
import { HUB_ID_HEADER, parseSignalingFrame } from './hub-protocol.ts';
import { HubRouter } from './hub-router.ts';
import type { PeerHubStatus } from './peer-hub-link.ts';
import { PeerHubLink } from './peer-hub-link.ts';
import { DEFAULT_HUB_PORT } from '../../shared/sync/hub-address.ts';

/** Same as bin/server.js: a client that misses one ping round is dropped. */
export const KEEPALIVE_INTERVAL_MS = 30_000;

export interface SignalingHubOptions {
  /**
   * Attach to this HTTP server instead of listening; the caller owns, starts
   * and closes it. It need not listen yet (Vite's preview hooks run before
   * listen); `url` and `address()` work once it does.
   */
  server?: Server;
  /** Only with `server`: accept WebSocket upgrades on this path only. */
  path?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  hubId?: string;
  limits?: Partial<HubLimits>;
  keepaliveIntervalMs?: number;
  peerReconnectBaseMs?: number;
  peerReconnectMaxMs?: number;
  log?: HubLogger;
}

export interface SignalingHub {
  readonly hubId: string;
  /** Where the hub is reachable, e.g. ws://127.0.0.1:4444 (wildcard hosts shown as 127.0.0.1). Throws before listening. */
  readonly url: string;
  /** The bound address. Throws before listening. */
  address(): AddressInfo;
  /** Returns false if a link to this URL already exists. Throws on a URL that is not ws:// or wss://. */
  addPeerHub(url: string): boolean;
  removePeerHub(url: string): boolean;
  peerHubs(): PeerHubStatus[];
  close(): Promise<void>;
}

export function normalizePeerUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') throw new TypeError(`peer hub URL must be ws:// or wss://, got ${url}`);
  return parsed.href;
}

const wildcardHosts = new Set(['0.0.0.0', '::', '']);

export function hubUrl(address: AddressInfo): string {
  if (wildcardHosts.has(address.address)) return `ws://127.0.0.1:${address.port}`;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `ws://${host}:${address.port}`;
}

export async function startSignalingHub(options: SignalingHubOptions = {}): Promise<SignalingHub> {
  const hubId = options.hubId ?? randomUUID();
  const limits: HubLimits = { ...DEFAULT_HUB_LIMITS, ...options.limits };
  const log = options.log ?? consoleHubLogger;
  const ownServer = options.server === undefined;
  const httpServer =
    options.server ??
    createServer((_request, response) => {
      // bin/server.js answers plain HTTP with "okay"; handy as a health check.
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('okay');
    });
  // Upgrades are routed here rather than by ws's `server` option: with a `path`, ws answers every
  // other upgrade on a shared server with 400, which would cut off its owner's own WebSockets
  // (Vite's HMR socket in `npm run web:dev`, for one).
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const pathname = (request.url ?? '/').split('?')[0];
    if (options.path !== undefined && pathname !== options.path) return;
    wss.handleUpgrade(request, socket, head, (client) => wss.emit('connection', client, request));
  };
  httpServer.on('upgrade', onUpgrade);
  wss.on('headers', (headers) => headers.push(`${HUB_ID_HEADER}: ${hubId}`));

  const links = new Map<string, PeerHubLink>();
  const router = new HubRouter(hubId, limits.maxReplayBytes, () => links.values());

  function onConnection(socket: WebSocket, request: IncomingMessage): void {
    const remote = `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`;
    const header = request.headers[HUB_ID_HEADER];
    const peerHubId = typeof header === 'string' && header.length > 0 ? header.slice(0, 128) : undefined;
    const conn = new HubConnection(socket, remote, peerHubId, limits, log);
    socket.on('error', (error) => {
      // ws reports oversize frames (then closes with 1009) and protocol errors here.
      conn.log.report('socket-error', error.message);
    });
    if (peerHubId === hubId) {
      conn.close(CLOSE_SELF, 'this is the same hub');
      return;
    }
    router.add(conn);
    socket.on('pong', () => {
      conn.alive = true;
    });
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (conn.closed) return;
      const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
      if (!conn.admit(bytes)) {
        conn.log.report('rate-limit', 'closing');
        conn.close(CLOSE_RATE_LIMIT, 'rate limit');
        return;
      }
      const parsed = parseSignalingFrame(data, isBinary);
      if (!parsed.ok) {
        if (parsed.reason === 'unknown-type') return; // like bin/server.js: not ours to judge
        conn.malformed += 1;
        conn.log.report('malformed', `${parsed.reason}${parsed.detail ? ` (${parsed.detail})` : ''}; ignored, further ones not logged`);
        if (conn.malformed > limits.maxMalformed) conn.close(CLOSE_MALFORMED, 'malformed messages');
        return;
      }
      const message = parsed.message;
      switch (message.type) {
        case 'subscribe':
          if (router.subscribe(conn, message.topics) === 'too-many-topics') {
            conn.log.report('too-many-topics', `over ${conn.maxTopics}`);
            conn.close(CLOSE_TOO_MANY_TOPICS, 'too many topics');
          }
          break;
        case 'unsubscribe':
          router.unsubscribe(conn, message.topics);
          break;
        case 'publish':
          router.publish(conn, message);
          break;
        case 'ping':
          conn.send({ type: 'pong' });
          break;
        case 'pong':
          break;
      }
    });
    socket.on('close', () => {
      conn.closed = true;
      router.remove(conn);
    });
  }

  wss.on('connection', onConnection);
  wss.on('error', (error) => log({ edge: 'signaling-hub', kind: 'server-error', detail: error.message }));

  const keepalive = setInterval(() => {
    for (const conn of router.allConnections()) {
      if (!conn.alive) {
        conn.log.report('dead', 'no pong within keepalive interval');
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      try {
        conn.socket.ping();
      } catch {
        conn.socket.terminate();
      }
    }
  }, options.keepaliveIntervalMs ?? KEEPALIVE_INTERVAL_MS);
  keepalive.unref();

  if (ownServer) {
    try {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(options.port ?? DEFAULT_HUB_PORT, options.host ?? '127.0.0.1', () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      clearInterval(keepalive);
      wss.close();
      throw error;
    }
  }

  const address = (): AddressInfo => {
    const a = httpServer.address();
    if (a === null || typeof a === 'string') throw new Error('signaling hub: server is not listening on a TCP port yet');
    return a;
  };

  return {
    hubId,
    get url() {
      return hubUrl(address()) + (options.path ?? '');
    },
    address,
    addPeerHub(peerUrl) {
      const key = normalizePeerUrl(peerUrl);
      if (links.has(key)) return false;
      const link = new PeerHubLink({
        url: key,
        hubId,
        maxMessageBytes: limits.maxMessageBytes,
        ...(options.peerReconnectBaseMs === undefined ? {} : { reconnectBaseMs: options.peerReconnectBaseMs }),
        ...(options.peerReconnectMaxMs === undefined ? {} : { reconnectMaxMs: options.peerReconnectMaxMs }),
        ...(options.keepaliveIntervalMs === undefined ? {} : { keepaliveMs: options.keepaliveIntervalMs }),
        log,
        onOpen: (l) => {
          l.subscribe(router.clientTopics());
          for (const replay of router.announcesFor(undefined)) l.send(replay);
        },
        onPublish: (_l, message) => router.deliverRelayed(message, undefined),
      });
      links.set(key, link);
      return true;
    },
    removePeerHub(peerUrl) {
      const key = normalizePeerUrl(peerUrl);
      const link = links.get(key);
      if (!link) return false;
      link.close();
      links.delete(key);
      return true;
    },
    peerHubs: () => [...links.values()].map((l) => l.status()),
    async close() {
      clearInterval(keepalive);
      for (const link of links.values()) link.close();
      links.clear();
      const open = [...router.allConnections()];
      for (const conn of open) conn.close(CLOSE_GOING_AWAY, 'hub shutting down');
      httpServer.off('upgrade', onUpgrade);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const conn of open) conn.socket.terminate();
      if (ownServer) {
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeAllConnections();
        });
      }
    },
  };
}
