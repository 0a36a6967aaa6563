/**
 * Keeps one flooding peer from freezing the room. Every broadcast is charged
 * to its origin (the peer that made it, wherever it was relayed from): a
 * bucket of messages and one of bytes, per origin and per channel. A broadcast
 * over the limit is dropped here, neither applied nor forwarded, so a flood
 * dies at the first honest peer instead of crossing the whole room; what a
 * flooder's dropped edits held comes back later through the state reconcile,
 * at the honest peers' pace. Honest typing stays far below the limits.
 */
import type { Scheduler } from './scheduler';
import { TokenBucket } from '../token-bucket';
import { Channel } from './wire';

export interface FloodLimits {
  /** Document updates per second one origin may sustain; fast typing makes about 10. */
  readonly docPerSecond: number;
  readonly docBurst: number;
  /** Awareness changes per second one origin may sustain; the sender throttles itself to 10. */
  readonly awarenessPerSecond: number;
  readonly awarenessBurst: number;
  /** Bytes per second of broadcasts one origin may sustain: a large paste or file list passes in the burst. */
  readonly bytesPerSecond: number;
  readonly bytesBurst: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = {
  docPerSecond: 60,
  docBurst: 300,
  awarenessPerSecond: 20,
  awarenessBurst: 60,
  bytesPerSecond: 2 * 1024 * 1024,
  bytesBurst: 32 * 1024 * 1024,
};

/** An origin counts as flooding this long after its last dropped broadcast. */
export const FLOODING_SHOWN_MS = 30_000;

interface OriginBuckets {
  readonly doc: TokenBucket;
  readonly awareness: TokenBucket;
  readonly bytes: TokenBucket;
  lastDropped: number | undefined;
  dropped: number;
}

export class FloodGuard {
  private readonly origins = new Map<number, OriginBuckets>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly limits: FloodLimits = DEFAULT_FLOOD_LIMITS,
  ) {}

  /** Charges one broadcast to its origin; false means drop it. */
  admit(origin: number, channel: Channel, bytes: number): boolean {
    const buckets = this.bucketsOf(origin);
    const count = channel === Channel.Doc ? buckets.doc : buckets.awareness;
    // One update larger than the whole burst still passes when the bucket is full, rather than never.
    if (count.take() && buckets.bytes.take(Math.min(bytes, this.limits.bytesBurst))) return true;
    buckets.lastDropped = this.scheduler.now();
    buckets.dropped += 1;
    return false;
  }

  /** Origins that had a broadcast dropped recently, with how many were dropped in all. */
  flooding(): { origin: number; dropped: number }[] {
    const now = this.scheduler.now();
    return [...this.origins]
      .filter(([, b]) => b.lastDropped !== undefined && now - b.lastDropped < FLOODING_SHOWN_MS)
      .map(([origin, b]) => ({ origin, dropped: b.dropped }));
  }

  private bucketsOf(origin: number): OriginBuckets {
    let buckets = this.origins.get(origin);
    if (!buckets) {
      const now = () => this.scheduler.now();
      const { docBurst, docPerSecond, awarenessBurst, awarenessPerSecond, bytesBurst, bytesPerSecond } = this.limits;
      buckets = {
        doc: new TokenBucket(docBurst, docPerSecond, now),
        awareness: new TokenBucket(awarenessBurst, awarenessPerSecond, now),
        bytes: new TokenBucket(bytesBurst, bytesPerSecond, now),
        lastDropped: undefined,
        dropped: 0,
      };
      this.origins.set(origin, buckets);
    }
    return buckets;
  }
}
