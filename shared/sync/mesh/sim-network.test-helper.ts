/**
 * A simulated room for the mesh tests: peers with real Yjs documents, real
 * awareness and the real MeshSync, joined by in-memory links with per-link
 * latency, in-order delivery and byte counters, on a simulated clock. Every
 * random choice comes from one seeded generator, so a run is reproduced
 * exactly by its seed.
 */
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LEAVE_GRACE_MS, MeshSync, type MeshLink } from './mesh-sync';
import type { Scheduler } from './scheduler';

export { seededRandom } from '../seeded-random';


interface Timer {
  readonly at: number;
  readonly order: number;
  readonly callback: () => void;
  cancelled: boolean;
}

export class SimClock implements Scheduler {
  private time = 0;
  private order = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const timer: Timer = { at: this.time + Math.max(0, ms), order: this.order++, callback, cancelled: false };
    this.timers.push(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    if (handle) (handle as Timer).cancelled = true;
  }

  /** Runs every timer due within `ms`, in time order. Returns false if the events did not run out by then. */
  advance(ms: number): boolean {
    const end = this.time + ms;
    for (;;) {
      this.timers = this.timers.filter((t) => !t.cancelled);
      if (this.timers.length === 0) {
        this.time = end;
        return true;
      }
      let next = this.timers[0] as Timer;
      for (const t of this.timers) if (t.at < next.at || (t.at === next.at && t.order < next.order)) next = t;
      if (next.at > end) {
        this.time = end;
        return false;
      }
      this.time = next.at;
      next.cancelled = true;
      next.callback();
    }
  }

  pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }
}

export interface SimPeer {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly mesh: MeshSync;
  online: boolean;
  /** Bytes this peer handed to its links. */
  sent: number;
}

interface SimLink {
  readonly a: string;
  readonly b: string;
  /** Delivery time of the last message per direction, so a link never reorders. */
  lastAt: Map<string, number>;
  closed: boolean;
}

export class SimNetwork {
  readonly clock = new SimClock();
  readonly peers = new Map<string, SimPeer>();
  private readonly links = new Map<string, SimLink>();
  /** Every send is recorded here when set, e.g. to count a broadcast's bytes. */
  readonly warnings: string[] = [];

  constructor(readonly random: () => number) {}

  private static key(a: string, b: string): string {
    return a < b ? `${a}|${b}` : `${b}|${a}`;
  }

  addPeer(name: string): SimPeer {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name } });
    const mesh = new MeshSync(doc, awareness, { scheduler: this.clock, warn: (message) => this.warnings.push(`${name}: ${message}`) });
    const peer: SimPeer = { name, doc, awareness, mesh, online: true, sent: 0 };
    this.peers.set(name, peer);
    return peer;
  }

  peer(name: string): SimPeer {
    const p = this.peers.get(name);
    if (!p) throw new Error(`no peer ${name}`);
    return p;
  }

  linked(a: string, b: string): boolean {
    const link = this.links.get(SimNetwork.key(a, b));
    return link !== undefined && !link.closed;
  }

  neighboursOf(name: string): string[] {
    const out: string[] = [];
    for (const link of this.links.values()) {
      if (link.closed) continue;
      if (link.a === name) out.push(link.b);
      else if (link.b === name) out.push(link.a);
    }
    return out;
  }

  connect(a: string, b: string): void {
    if (a === b || this.linked(a, b)) return;
    const link: SimLink = { a, b, lastAt: new Map(), closed: false };
    this.links.set(SimNetwork.key(a, b), link);
    // Both ends learn of the open link a moment apart, as with WebRTC.
    this.clock.setTimeout(() => this.open(link, a, b), 1 + Math.floor(this.random() * 3));
    this.clock.setTimeout(() => this.open(link, b, a), 1 + Math.floor(this.random() * 3));
  }

  private open(link: SimLink, self: string, other: string): void {
    if (link.closed) return;
    const mesh = this.peer(self).mesh;
    const handle: MeshLink = {
      send: (bytes) => this.transmit(link, self, other, bytes),
      close: () => this.disconnect(self, other),
    };
    mesh.addNeighbour(other, handle);
  }

  private transmit(link: SimLink, from: string, to: string, bytes: Uint8Array): void {
    if (link.closed) return;
    this.peer(from).sent += bytes.length;
    const latency = 2 + Math.floor(this.random() * 20);
    const at = Math.max(this.clock.now() + latency, link.lastAt.get(from) ?? 0);
    link.lastAt.set(from, at);
    const copy = bytes.slice();
    this.clock.setTimeout(() => {
      if (!link.closed) this.peer(to).mesh.receive(from, copy);
    }, at - this.clock.now());
  }

  disconnect(a: string, b: string): void {
    const link = this.links.get(SimNetwork.key(a, b));
    if (!link || link.closed) return;
    link.closed = true;
    this.peer(a).mesh.removeNeighbour(b);
    this.peer(b).mesh.removeNeighbour(a);
  }

  /** As the app does it: say goodbye, give the goodbye LEAVE_GRACE_MS to leave, then close every link. */
  goOffline(name: string): void {
    const peer = this.peer(name);
    peer.mesh.leave();
    this.clock.advance(LEAVE_GRACE_MS);
    peer.online = false;
    for (const other of this.neighboursOf(name)) this.disconnect(name, other);
  }

  totalSent(): number {
    let sum = 0;
    for (const p of this.peers.values()) sum += p.sent;
    return sum;
  }

  /** Runs until nothing is scheduled any more (or the budget is spent). */
  settle(budgetMs = 120_000): boolean {
    return this.clock.advance(budgetMs);
  }

  destroy(): void {
    for (const p of this.peers.values()) {
      p.mesh.destroy();
      p.awareness.destroy();
      p.doc.destroy();
    }
  }
}

/** What a peer's document holds, for comparing replicas. */
export function contentOf(doc: Y.Doc): unknown {
  return { text: doc.getText('text').toString(), map: doc.getMap('map').toJSON() };
}
