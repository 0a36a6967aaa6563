/**
 * One WebSocket connected to the hub (an ordinary y-webrtc client, or another
 * hub that identified itself with the `x-stroomkring-hub` header) and the
 * limits that apply to it. Routing between connections is signaling-hub.ts's
 * job; this module only knows about a single connection.
 *
 * Close codes the hub uses (a y-webrtc client reconnects after any close):
 *   1009 message over maxMessageBytes (sent by `ws` itself, via maxPayload)
 *   4008 rate limit exceeded
 *   4009 too many topics
 *   4010 too many malformed messages
 *   4011 a hub connected to itself
 *   4012 slow reader: too much unsent data queued
 *   1001 hub shutting down
 */
import { WebSocket } from 'ws';
import type { HubLogger } from './hub-log.ts';
import { LogOnce } from './hub-log.ts';
import type { PublishMessage, SignalingMessage } from './hub-protocol.ts';
import { encodeSignalingMessage } from './hub-protocol.ts';
import { RecentIds } from './recent-ids.ts';
import { TokenBucket } from '../../shared/sync/token-bucket.ts';

export const CLOSE_RATE_LIMIT = 4008;
export const CLOSE_TOO_MANY_TOPICS = 4009;
export const CLOSE_MALFORMED = 4010;
export const CLOSE_SELF = 4011;
export const CLOSE_SLOW_READER = 4012;
export const CLOSE_GOING_AWAY = 1001;

/**
 * Relay ids remembered per client. Duplicates over parallel links arrive
 * within milliseconds of each other; this covers thousands of publishes.
 */
export const MAX_RELAY_IDS_PER_CONNECTION = 4096;

export interface HubLimits {
  /** Largest frame accepted; bigger ones close the connection (1009). */
  maxMessageBytes: number;
  maxTopicsPerConnection: number;
  /** A peer hub subscribes on behalf of all its clients, so it may hold more topics. */
  maxTopicsPerHubLink: number;
  /** Token bucket: burst size in tokens. */
  rateBurst: number;
  /** Token bucket: sustained tokens per second. */
  ratePerSecond: number;
  /** A peer hub carries many clients' traffic, so its bucket is this many times larger. */
  hubRateFactor: number;
  /** A message costs 1 token plus one per this many bytes, so big messages count for more. */
  bytesPerToken: number;
  /** Malformed messages tolerated (and ignored) before the connection is closed. */
  maxMalformed: number;
  /** Unsent bytes queued for one connection before it is dropped as a slow reader. */
  maxBufferedBytes: number;
  /** Largest first publish (y-webrtc's announce) kept for replay to hubs that link up later. */
  maxReplayBytes: number;
}

export const DEFAULT_HUB_LIMITS: HubLimits = {
  // Signaling messages are encrypted SDP/ICE blobs of a few KiB; 1 MiB leaves
  // a wide margin while bounding what one frame can cost the hub.
  maxMessageBytes: 1024 * 1024,
  // One topic per y-webrtc room: a workspace plus its confidential rooms.
  maxTopicsPerConnection: 256,
  maxTopicsPerHubLink: 4096,
  // Joining a room with 30 peers costs each side about a dozen offers, answers
  // and ICE candidates per peer, all at once: a burst of several hundred.
  rateBurst: 600,
  // Afterwards signaling is quiet; 100/s is far above honest steady use.
  ratePerSecond: 100,
  hubRateFactor: 8,
  bytesPerToken: 16 * 1024,
  // A few stray frames can be a buggy client; dozens are an attack or a foreign protocol.
  maxMalformed: 20,
  // Several full-size messages; a reader further behind than that is not keeping up.
  maxBufferedBytes: 8 * 1024 * 1024,
  // y-webrtc's encrypted announce is ~150 bytes; anything large is not an announce.
  maxReplayBytes: 4 * 1024,
};

/** The first publish a client made on a topic after subscribing: y-webrtc's announce. */
export interface StoredAnnounce {
  message: PublishMessage;
  seq: number;
}

export class HubConnection {
  readonly topics = new Set<string>();
  /**
   * Ordinary clients only: topic → the announce to replay; 'pending' until the
   * first publish after subscribing, 'none' if that one was too big to keep.
   */
  readonly announces = new Map<string, StoredAnnounce | 'pending' | 'none'>();
  readonly log: LogOnce;
  readonly bucket: TokenBucket;
  /** (origin hub, seq) of relayed publishes already delivered here, so each arrives once. */
  readonly relayed = new RecentIds(MAX_RELAY_IDS_PER_CONNECTION);
  /** Cleared when a keepalive ping goes out, set again by the pong. */
  alive = true;
  malformed = 0;
  closed = false;

  constructor(
    readonly socket: WebSocket,
    readonly remote: string,
    /** Set when the other side is a hub that said who it is. */
    readonly peerHubId: string | undefined,
    readonly limits: HubLimits,
    logger: HubLogger,
  ) {
    const factor = peerHubId === undefined ? 1 : limits.hubRateFactor;
    this.bucket = new TokenBucket(limits.rateBurst * factor, limits.ratePerSecond * factor);
    this.log = new LogOnce(logger, 'signaling-hub', remote);
  }

  get isHub(): boolean {
    return this.peerHubId !== undefined;
  }

  get maxTopics(): number {
    return this.isHub ? this.limits.maxTopicsPerHubLink : this.limits.maxTopicsPerConnection;
  }

  /** Charges one incoming frame of `bytes` against the rate limit. */
  admit(bytes: number): boolean {
    return this.bucket.take(1 + Math.floor(bytes / this.limits.bytesPerToken));
  }

  send(message: SignalingMessage | Record<string, unknown>): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.log.report('slow-reader', `${this.socket.bufferedAmount} bytes queued`);
      this.close(CLOSE_SLOW_READER, 'slow reader');
      return;
    }
    this.socket.send(encodeSignalingMessage(message));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
    // A client that ignores the close handshake must not keep its socket open.
    setTimeout(() => this.socket.terminate(), 2000).unref();
  }
}
