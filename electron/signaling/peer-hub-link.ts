/**
 * The client side of hub federation: one hub's connection to another hub
 * (a Stroomkring hub, or any y-webrtc-compatible server such as y-webrtc's
 * bin/server.js). Speaks the protocol in hub-protocol.ts as a client:
 * subscribes to the topics the owning hub's clients want, pushes their
 * publishes (tagged with a relay marker), and hands publishes that arrive to
 * the owner. Keeps itself connected: reconnects with capped exponential
 * backoff and detects a dead peer with WebSocket pings.
 */
import type { RawData } from 'ws';
import { WebSocket } from 'ws';
import type { HubLogger } from './hub-log.ts';
import { LogOnce } from './hub-log.ts';
import type { PublishMessage } from './hub-protocol.ts';
import { encodeSignalingMessage, HUB_ID_HEADER, parseSignalingFrame } from './hub-protocol.ts';
import { CLOSE_SELF } from './hub-connection.ts';

/** First retry comes quickly: the usual cause is a peer that is just restarting. */
export const PEER_RECONNECT_BASE_MS = 500;
/** A peer that stays away (laptop closed) is retried twice a minute, not hammered. */
export const PEER_RECONNECT_MAX_MS = 30_000;
/** Same cadence as bin/server.js; a peer that misses one ping round is considered dead. */
export const PEER_KEEPALIVE_MS = 30_000;
/** Unsent bytes queued for a peer before publishes to it are dropped: it is not keeping up. */
export const PEER_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** A LAN handshake takes milliseconds; a peer that needs longer is not reachable. */
export const PEER_HANDSHAKE_TIMEOUT_MS = 10_000;

export type PeerHubState = 'connecting' | 'open' | 'waiting' | 'self' | 'closed';

export interface PeerHubStatus {
  url: string;
  state: PeerHubState;
  /** The peer's hub id, when it is a Stroomkring hub. */
  remoteHubId?: string;
  /** Failed attempts since the link was last open. */
  failures: number;
}

export interface PeerHubLinkOptions {
  url: string;
  hubId: string;
  maxMessageBytes: number;
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  keepaliveMs?: number;
  log: HubLogger;
  /** The link (re)opened: the owner subscribes and replays what the peer missed. */
  onOpen: (link: PeerHubLink) => void;
  onPublish: (link: PeerHubLink, message: PublishMessage) => void;
}

export class PeerHubLink {
  readonly url: string;
  private socket: WebSocket | null = null;
  private state: PeerHubState = 'connecting';
  private failures = 0;
  private remoteHubId: string | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private keepaliveTimer: NodeJS.Timeout | undefined;
  private readonly log: LogOnce;

  constructor(private readonly options: PeerHubLinkOptions) {
    this.url = options.url;
    this.log = new LogOnce(options.log, 'peer-hub-link', options.url);
    this.connect();
  }

  status(): PeerHubStatus {
    return { url: this.url, state: this.state, failures: this.failures, ...(this.remoteHubId ? { remoteHubId: this.remoteHubId } : {}) };
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  subscribe(topics: readonly string[]): void {
    if (topics.length > 0) this.send({ type: 'subscribe', topics: [...topics] });
  }

  unsubscribe(topics: readonly string[]): void {
    if (topics.length > 0) this.send({ type: 'unsubscribe', topics: [...topics] });
  }

  /** Sends if open; signaling is best effort and the owner replays announces on reopen. */
  send(message: Record<string, unknown>): void {
    const socket = this.socket;
    if (this.state !== 'open' || socket?.readyState !== WebSocket.OPEN) return;
    if (socket.bufferedAmount > PEER_MAX_BUFFERED_BYTES) {
      this.log.report('slow-peer', `${socket.bufferedAmount} bytes queued; dropping publishes until it catches up`);
      return;
    }
    socket.send(encodeSignalingMessage(message));
  }

  close(): void {
    this.state = 'closed';
    clearTimeout(this.retryTimer);
    clearInterval(this.keepaliveTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.removeAllListeners();
      socket.on('error', () => {}); // a late error on a socket we are discarding is not news
      socket.terminate();
    }
  }

  private connect(): void {
    if (this.state === 'closed' || this.state === 'self') return;
    this.state = 'connecting';
    const socket = new WebSocket(this.url, {
      headers: { [HUB_ID_HEADER]: this.options.hubId },
      maxPayload: this.options.maxMessageBytes,
      handshakeTimeout: PEER_HANDSHAKE_TIMEOUT_MS,
      perMessageDeflate: false,
    });
    this.socket = socket;
    let alive = true;
    socket.on('upgrade', (response) => {
      const id = response.headers[HUB_ID_HEADER];
      this.remoteHubId = typeof id === 'string' && id.length > 0 ? id : undefined;
    });
    socket.on('open', () => {
      this.state = 'open';
      this.failures = 0;
      this.log.reset('unreachable');
      this.keepaliveTimer = setInterval(() => {
        if (!alive) {
          this.log.report('dead', 'no pong within keepalive interval');
          socket.terminate();
          return;
        }
        alive = false;
        socket.ping();
      }, this.options.keepaliveMs ?? PEER_KEEPALIVE_MS);
      this.options.onOpen(this);
    });
    socket.on('pong', () => {
      alive = true;
    });
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const parsed = parseSignalingFrame(data, isBinary);
      if (!parsed.ok) {
        if (parsed.reason !== 'unknown-type') this.log.report('malformed', parsed.reason);
        return;
      }
      if (parsed.message.type === 'publish') this.options.onPublish(this, parsed.message);
    });
    socket.on('error', (error) => {
      this.log.report('unreachable', error.message);
    });
    socket.on('close', (code) => {
      clearInterval(this.keepaliveTimer);
      if (this.socket !== socket) return;
      this.socket = null;
      if (code === CLOSE_SELF) {
        // The URL leads back to this very hub; retrying would only repeat that.
        this.state = 'self';
        this.log.report('self', 'URL points at this hub; not retrying');
        return;
      }
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (this.state === 'closed') return;
    this.state = 'waiting';
    const base = this.options.reconnectBaseMs ?? PEER_RECONNECT_BASE_MS;
    const max = this.options.reconnectMaxMs ?? PEER_RECONNECT_MAX_MS;
    const ceiling = Math.min(max, base * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    // Jitter keeps hubs that lost the same peer from reconnecting in lockstep.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => this.connect(), delay);
    this.retryTimer.unref();
  }
}
