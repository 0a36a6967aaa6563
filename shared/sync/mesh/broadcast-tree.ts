/**
 * Epidemic broadcast tree (Plumtree: Leitão, Pereira, Rodrigues, 2007; the
 * IHAVE/GRAFT/PRUNE names as in libp2p's GossipSub). Every broadcast reaches
 * every peer of the room, whether directly connected or not, and crosses each
 * link about once:
 *
 * - Each neighbour is *eager* (gets every broadcast pushed in full) or *lazy*
 *   (gets only its id, in a batched IHAVE). The caller says which a new
 *   neighbour starts as (mesh-sync.ts makes a link eager when it is the first
 *   link of either end, so each newcomer hangs on the tree by one link and
 *   the first broadcast after a join is not flooded over every link).
 * - A broadcast seen for the first time is delivered, pushed to the eager
 *   neighbours and announced to the lazy ones, never back to where it came
 *   from. A duplicate means two eager paths: the link it came over turns lazy
 *   and the sender is told so (PRUNE). The eager links thus settle into a
 *   spanning tree, on which one broadcast costs (peers − 1) transfers.
 * - An id announced by IHAVE that has not arrived in full within
 *   IHAVE_TIMEOUT_MS means the tree is broken (a peer left): the announcer is
 *   asked for it (GRAFT), which also makes that link eager again: the tree
 *   repairs itself where it broke.
 *
 * - Each origin has a tree of its own (eager and lazy sets per origin, PRUNE
 *   naming the origin): with one shared tree, duplicates from several origins
 *   at once prune different links of the same cycle and the tree falls apart
 *   (measured in a 30-peer simulation: 4 of 30 peers reachable by eager links).
 *   A new origin starts from the default sets, which the caller shapes.
 *
 * The tree only routes; what a broadcast means is the caller's `deliver`.
 */
import type { Scheduler } from './scheduler';
import { broadcastKey, MAX_IHAVE_IDS, type Broadcast, type BroadcastId, type MeshMessage } from './wire';

/** Long enough for the eager copy to arrive over a few busy hops first; a GRAFT before that is a wasted copy. */
export const IHAVE_TIMEOUT_MS = 1000;
/** If the first announcer does not deliver after a GRAFT, the next one is asked after this. */
export const GRAFT_RETRY_MS = 2000;
/** IHAVEs to one neighbour are batched this long: keystrokes then cost one small message, not one each. */
export const IHAVE_FLUSH_MS = 50;
/** Broadcast ids are remembered this long: far longer than any broadcast takes to cross the room. */
export const SEEN_TTL_MS = 120_000;
/** Broadcasts are kept this long to answer GRAFTs; a later GRAFT is left to the state reconcile. */
export const CACHE_TTL_MS = 30_000;
/** And the kept broadcasts take at most this much memory. */
export const CACHE_MAX_BYTES = 32 * 1024 * 1024;

export interface BroadcastTreeHost {
  send(to: string, message: MeshMessage): void;
  /** A broadcast seen for the first time, right after it is forwarded. */
  deliver(broadcast: Broadcast, from: string | undefined): void;
}

/** Trees of this many origins are kept; the oldest is forgotten (it falls back to the default sets). */
export const MAX_ORIGIN_TREES = 1000;

interface Links {
  readonly eager: Set<string>;
  readonly lazy: Set<string>;
}

interface Missing {
  readonly id: BroadcastId;
  readonly announcers: string[];
  timer: unknown;
}

function setEager(links: Links, id: string, eager: boolean): void {
  (eager ? links.lazy : links.eager).delete(id);
  (eager ? links.eager : links.lazy).add(id);
}

export class BroadcastTree {
  private readonly defaults: Links = { eager: new Set(), lazy: new Set() };
  private readonly origins = new Map<number, Links>();
  private readonly seen = new Map<string, number>();
  private readonly cache = new Map<string, { broadcast: Broadcast; at: number }>();
  private cacheBytes = 0;
  private readonly missing = new Map<string, Missing>();
  private readonly pendingIHave = new Map<string, BroadcastId[]>();
  private flushTimer: unknown;
  private lastSweep = 0;

  constructor(
    private readonly host: BroadcastTreeHost,
    private readonly scheduler: Scheduler,
  ) {}

  addNeighbour(id: string, eager: boolean): void {
    for (const links of this.allLinks()) setEager(links, id, eager);
  }

  /** Makes a link eager in the default sets and for every origin (the other end's first link). */
  makeEager(id: string): void {
    this.addNeighbour(id, true);
  }

  removeNeighbour(id: string): void {
    for (const links of this.allLinks()) {
      links.eager.delete(id);
      links.lazy.delete(id);
    }
    this.pendingIHave.delete(id);
    for (const entry of this.missing.values()) {
      const at = entry.announcers.indexOf(id);
      if (at >= 0) entry.announcers.splice(at, 1);
    }
  }

  /** Remembers an id without delivering or forwarding it (a broadcast dropped by a rate limit). */
  markSeen(id: BroadcastId): void {
    this.remember(broadcastKey(id));
  }

  /** A broadcast of our own. */
  originate(broadcast: Broadcast): void {
    const key = broadcastKey(broadcast);
    this.remember(key);
    this.keep(key, broadcast);
    this.forward(broadcast, undefined);
  }

  onBroadcast(from: string, broadcast: Broadcast): 'new' | 'duplicate' {
    const key = broadcastKey(broadcast);
    if (this.seen.has(key)) {
      const links = this.linksOf(broadcast.origin);
      if (links.eager.has(from)) {
        setEager(links, from, false);
        this.host.send(from, { kind: 'prune', origin: broadcast.origin });
      }
      return 'duplicate';
    }
    this.remember(key);
    const wanted = this.missing.get(key);
    if (wanted) {
      this.scheduler.clearTimeout(wanted.timer);
      this.missing.delete(key);
    }
    this.keep(key, broadcast);
    // Passed on before it is applied here: applying runs this peer's observers (a whole screen may recompute),
    // and peers further down the tree should not wait for that.
    this.forward(broadcast, from);
    this.host.deliver(broadcast, from);
    return 'new';
  }

  onPrune(from: string, origin: number): void {
    const links = this.linksOf(origin);
    if (links.eager.has(from)) setEager(links, from, false);
  }

  onIHave(from: string, ids: readonly BroadcastId[]): void {
    for (const id of ids) {
      const key = broadcastKey(id);
      if (this.seen.has(key)) continue;
      const entry = this.missing.get(key);
      if (entry) {
        if (!entry.announcers.includes(from)) entry.announcers.push(from);
        continue;
      }
      const fresh: Missing = { id, announcers: [from], timer: undefined };
      fresh.timer = this.scheduler.setTimeout(() => this.graft(key), IHAVE_TIMEOUT_MS);
      this.missing.set(key, fresh);
    }
  }

  onGraft(from: string, id: BroadcastId): void {
    const links = this.linksOf(id.origin);
    if (links.lazy.has(from)) setEager(links, from, true);
    const kept = this.cache.get(broadcastKey(id));
    if (kept) this.host.send(from, { kind: 'broadcast', ...kept.broadcast });
  }

  destroy(): void {
    for (const entry of this.missing.values()) this.scheduler.clearTimeout(entry.timer);
    this.missing.clear();
    this.scheduler.clearTimeout(this.flushTimer);
  }

  private graft(key: string): void {
    const entry = this.missing.get(key);
    if (!entry) return;
    const announcer = entry.announcers.shift();
    if (announcer === undefined) {
      this.missing.delete(key);
      return;
    }
    const links = this.linksOf(entry.id.origin);
    if (links.lazy.has(announcer)) setEager(links, announcer, true);
    this.host.send(announcer, { kind: 'graft', ...entry.id });
    entry.timer = this.scheduler.setTimeout(() => this.graft(key), GRAFT_RETRY_MS);
  }

  private forward(broadcast: Broadcast, from: string | undefined): void {
    const links = this.linksOf(broadcast.origin);
    for (const id of links.eager) if (id !== from) this.host.send(id, { kind: 'broadcast', ...broadcast });
    for (const id of links.lazy) {
      if (id === from) continue;
      const queue = this.pendingIHave.get(id) ?? [];
      queue.push({ origin: broadcast.origin, seq: broadcast.seq });
      this.pendingIHave.set(id, queue);
    }
    if (this.pendingIHave.size > 0) this.flushTimer ??= this.scheduler.setTimeout(() => this.flushIHave(), IHAVE_FLUSH_MS);
  }

  private flushIHave(): void {
    this.flushTimer = undefined;
    for (const [id, ids] of this.pendingIHave) {
      if (!this.defaults.eager.has(id) && !this.defaults.lazy.has(id)) continue;
      // A receiver refuses longer IHAVEs as malformed, so a large burst goes out in several.
      for (let at = 0; at < ids.length; at += MAX_IHAVE_IDS) this.host.send(id, { kind: 'ihave', ids: ids.slice(at, at + MAX_IHAVE_IDS) });
    }
    this.pendingIHave.clear();
  }

  private *allLinks(): Iterable<Links> {
    yield this.defaults;
    yield* this.origins.values();
  }

  private linksOf(origin: number): Links {
    let links = this.origins.get(origin);
    if (!links) {
      links = { eager: new Set(this.defaults.eager), lazy: new Set(this.defaults.lazy) };
      this.origins.set(origin, links);
      if (this.origins.size > MAX_ORIGIN_TREES) this.origins.delete(this.origins.keys().next().value as number);
    }
    return links;
  }

  private remember(key: string): void {
    const now = this.scheduler.now();
    this.seen.set(key, now);
    if (now - this.lastSweep < SEEN_TTL_MS / 4) return;
    this.lastSweep = now;
    // Maps iterate in insertion order, so the oldest entries come first.
    for (const [k, at] of this.seen) {
      if (now - at < SEEN_TTL_MS) break;
      this.seen.delete(k);
    }
  }

  private keep(key: string, broadcast: Broadcast): void {
    const now = this.scheduler.now();
    this.cache.set(key, { broadcast, at: now });
    this.cacheBytes += broadcast.payload.length;
    for (const [k, kept] of this.cache) {
      if (now - kept.at < CACHE_TTL_MS && this.cacheBytes <= CACHE_MAX_BYTES) break;
      this.cache.delete(k);
      this.cacheBytes -= kept.broadcast.payload.length;
    }
  }
}
