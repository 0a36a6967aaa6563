/**
 * One Yjs document and its awareness, synced with a room of peers over links
 * this peer holds to a few of them (the transport is the caller's: y-webrtc
 * data channels in the app, in-memory queues in the fuzz tests). Wire format:
 * wire.ts.
 *
 * - **Live changes** (local Yjs updates, local presence and carets) are
 *   broadcasts routed by the epidemic broadcast tree (broadcast-tree.ts), so
 *   each crosses the room about once and reaches peers two hops away.
 *   Presence is sent at most every AWARENESS_INTERVAL_MS; each new link
 *   gets every presence the peer knows, and a peer with few links (still
 *   joining) repeats its own, so nobody waits for the 15 s renewal.
 * - **Catching up** (a new peer, or one back from offline work): both ends
 *   of a new link send HELLO with their state vector and degree. The
 *   neighbour on a peer's first link sends it the difference at once; after
 *   that, a peer that still lacks something asks one neighbour for it
 *   (STATE_REQUEST with its state vector, answered by exactly the difference),
 *   the one that has most, and only when that answer is in asks another
 *   (state-requests.ts). So a joiner receives the room's state once, not
 *   once per neighbour.
 * - **Offline work**: local updates made while this peer had no link are kept
 *   (the outbox) and sent as one broadcast as soon as a link opens, so they
 *   cross the room once too.
 * - **Knowing, not guessing**: after its document changes a peer sends its
 *   neighbours a digest (SHA-256 of state vector and delete set) at most every
 *   DIGEST_INTERVAL_MS. A neighbour whose last digest equals ours holds what
 *   we hold. A digest that still differs after RECONCILE_DELAY_MS of quiet
 *   makes this peer ask that neighbour for what it lacks (STATE_REQUEST);
 *   both ends do so, so any gap closes, deletions included.
 * - **Signed changes**: with a change gate (shared/sync/signed-changes), a
 *   local update goes out as the signed change the gate seals, a received one
 *   is applied only by the gate (which checks signer and rules first), and a
 *   catch-up is answered with the kept signed changes the asker lacks, so
 *   every change keeps its author's signature however it travels. Without a
 *   gate (the fuzz tests), updates travel bare.
 * - **Bad peers**: a malformed message is dropped and counted, a peer
 *   speaking another protocol or version is named, and broadcasts over an
 *   origin's rate (flood-guard.ts) are dropped where they first arrive.
 */
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { stateVectorGap, type StateVector } from '../state-vector-gap';
import { BroadcastTree } from './broadcast-tree';
import { DEFAULT_FLOOD_LIMITS, FloodGuard, type FloodLimits } from './flood-guard';
import { realScheduler, type Scheduler } from './scheduler';
import { sameBytes, stateDigest } from './state-digest';
import { StateRequests } from './state-requests';
import { Throttle } from './throttle';
import { TokenBucket } from '../token-bucket';
import { linkToShed, TARGET_DEGREE } from './topology';
import { LocalOutbox } from './local-outbox';
import { Channel, decodeMeshMessage, encodeMeshMessage, MeshWireError, type Broadcast, type MeshMessage } from './wire';

/** Presence (carets) goes out at most this often: smooth enough to follow a caret, a tenth of the messages of every keystroke. */
export const AWARENESS_INTERVAL_MS = 100;
/** Digests go out at most this often after changes; the status is at most this late. */
export const DIGEST_INTERVAL_MS = 500;
/** A digest mismatch must persist this long, with no change on either side, before state is asked for: in-flight broadcasts close most gaps first. */
export const RECONCILE_DELAY_MS = 2000;
/** After leave(), links should stay open this long so the goodbye reaches the neighbours (closing a connection drops what is queued on it). */
export const LEAVE_GRACE_MS = 200;
/** A neighbour that sends this many malformed messages is disconnected. */
export const MAX_MALFORMED_MESSAGES = 20;
/**
 * State requests one neighbour may make in a burst, and per second after it: each costs encoding the difference.
 * An honest peer asks at most once per RECONCILE_DELAY_MS; one refused waits out its timeout before asking again.
 */
export const STATE_REQUEST_BURST = 10;
export const STATE_REQUESTS_PER_SECOND = 1;

export interface MeshLink {
  send(message: Uint8Array): void;
  close(): void;
}

export type NeighbourProblem = { kind: 'notMesh' } | { kind: 'otherVersion'; version: number };

export interface NeighbourSummary {
  readonly id: string;
  /** True when the neighbour's last digest equals ours; undefined before it sent one. */
  readonly even: boolean | undefined;
  readonly degree: number | undefined;
  /** The neighbour's origin (its awareness client id), from its HELLO. */
  readonly origin: number | undefined;
  readonly problem: NeighbourProblem | undefined;
  readonly malformed: number;
}

/** Signs, checks and keeps document changes (shared/sync/signed-changes/signed-change-log.ts). */
export interface ChangeGate {
  seal(update: Uint8Array): Promise<Uint8Array>;
  /** Checks and applies, in order, with `origin` on the document update. */
  receive(changes: readonly Uint8Array[], origin: unknown): Promise<void>;
  /** Kept changes a peer at `snapshot` lacks. */
  covering(snapshot: Y.Snapshot): Uint8Array[];
  /** Tries held changes again (who belongs changed). */
  retry(origin: unknown): Promise<void>;
  /** Checkpoints this device seals on its own: broadcast, so partners who hold all it covers drop their kept changes too. */
  onCheckpoint?(listener: (change: Uint8Array) => void): () => void;
}

export interface MeshSyncOptions {
  readonly changes?: ChangeGate;
  readonly scheduler?: Scheduler;
  readonly floodLimits?: FloodLimits;
  /** Network-edge problems (a peer's bad message), logged by the caller. */
  readonly warn?: (message: string, detail?: unknown) => void;
}

interface Neighbour {
  readonly link: MeshLink;
  stateVector: StateVector | undefined;
  digest: Uint8Array | undefined;
  degree: number | undefined;
  origin: number | undefined;
  problem: NeighbourProblem | undefined;
  malformed: number;
  reconcileTimer: unknown;
  lastSentDigest: Uint8Array | undefined;
  readonly stateRequests: TokenBucket;
}

export class MeshSync {
  private readonly neighbours = new Map<string, Neighbour>();
  private readonly tree: BroadcastTree;
  private readonly guard: FloodGuard;
  private readonly scheduler: Scheduler;
  private readonly warn: (message: string, detail?: unknown) => void;
  private seq = 0;
  private readonly gate: ChangeGate | undefined;
  private readonly local: LocalOutbox;
  private digestCache: Uint8Array | undefined;
  private readonly digests: Throttle;
  private readonly presence: Throttle;
  private readonly requests: StateRequests;
  private readonly changeListeners = new Set<() => void>();
  private destroyed = false;
  private readonly stopCheckpoints: () => void;

  constructor(
    private readonly doc: Y.Doc,
    private readonly awareness: Awareness,
    options: MeshSyncOptions = {},
  ) {
    this.scheduler = options.scheduler ?? realScheduler;
    this.warn = options.warn ?? (() => {});
    this.gate = options.changes;
    const gate = this.gate;
    this.local = new LocalOutbox({ seal: gate && ((update) => gate.seal(update)), broadcast: (payload) => this.broadcast(Channel.Doc, payload), destroyed: () => this.destroyed, warn: this.warn });
    this.guard = new FloodGuard(this.scheduler, options.floodLimits ?? DEFAULT_FLOOD_LIMITS);
    this.tree = new BroadcastTree({ send: (to, message) => this.send(to, message), deliver: (broadcast) => this.deliver(broadcast) }, this.scheduler);
    this.digests = new Throttle(this.scheduler, DIGEST_INTERVAL_MS, () => this.sendDigests());
    this.presence = new Throttle(this.scheduler, AWARENESS_INTERVAL_MS, () => this.broadcastAwareness());
    this.requests = new StateRequests(
      {
        doc,
        neighbourStates: () => [...this.neighbours].map(([id, n]) => [id, n.stateVector]),
        sendRequest: (to) => this.send(to, { kind: 'stateRequest', snapshot: this.snapshot() }),
      },
      this.scheduler,
    );
    doc.on('update', this.onDocUpdate);
    awareness.on('update', this.onAwarenessUpdate);
    this.stopCheckpoints = this.gate?.onCheckpoint?.((change) => this.broadcast(Channel.Doc, change)) ?? (() => {});
  }

  /** This peer's id in broadcasts: its Yjs client id, which is also its awareness id. */
  get origin(): number {
    return this.doc.clientID;
  }

  /** Held changes may be taken now (a member was admitted): the gate tries them again. */
  retryChanges(): void {
    this.gate?.retry(this).catch((error: unknown) => this.warn('mesh sync: could not retry held changes', error));
  }

  get degree(): number {
    return this.neighbours.size;
  }

  addNeighbour(id: string, link: MeshLink): void {
    if (this.destroyed || this.neighbours.has(id)) return;
    const first = this.neighbours.size === 0;
    const digest = this.digest();
    const stateRequests = new TokenBucket(STATE_REQUEST_BURST, STATE_REQUESTS_PER_SECOND, () => this.scheduler.now());
    this.neighbours.set(id, { link, stateVector: undefined, digest: undefined, degree: undefined, origin: undefined, problem: undefined, malformed: 0, reconcileTimer: undefined, lastSentDigest: digest, stateRequests });
    // The first link of either end is eager (the other end's HELLO tells), the rest lazy: see broadcast-tree.ts.
    this.tree.addNeighbour(id, first);
    this.send(id, { kind: 'hello', snapshot: this.snapshot(), digest, degree: this.neighbours.size, origin: this.origin });
    // Everyone this peer knows is present, for the new neighbour; and while this peer is still joining (few
    // links), its own presence goes room-wide again, so peers that linked up after its first link learn of it too.
    this.send(id, { kind: 'awarenessState', update: encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]) });
    if (first) {
      this.local.flush();
      this.requests.expect(id);
    }
    if (this.neighbours.size <= TARGET_DEGREE && this.awareness.getLocalState() !== null) this.presence.trigger();
    this.notifyChange();
  }

  removeNeighbour(id: string): void {
    const neighbour = this.neighbours.get(id);
    if (!neighbour) return;
    this.scheduler.clearTimeout(neighbour.reconcileTimer);
    this.neighbours.delete(id);
    this.tree.removeNeighbour(id);
    this.requests.settled(id);
    this.notifyChange();
  }

  /**
   * Calls `listener` whenever what neighbourSummaries() reports may have changed: a link came or went, a
   * neighbour sent its digest, ours went out (at most every DIGEST_INTERVAL_MS), a neighbour turned out to speak
   * another protocol. The status follows these rather than every document update.
   */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** One message from a neighbour's link. Never throws on the neighbour's behalf. */
  receive(id: string, bytes: Uint8Array): void {
    const neighbour = this.neighbours.get(id);
    if (!neighbour || this.destroyed) return;
    let message: MeshMessage;
    try {
      message = decodeMeshMessage(bytes);
    } catch (error) {
      this.refuse(id, neighbour, error);
      return;
    }
    neighbour.problem = undefined;
    this.handle(id, neighbour, message);
  }

  neighbourSummaries(): NeighbourSummary[] {
    const local = this.digest();
    return [...this.neighbours].map(([id, n]) => ({
      id,
      even: n.digest === undefined ? undefined : sameBytes(n.digest, local),
      degree: n.degree,
      origin: n.origin,
      problem: n.problem,
      malformed: n.malformed,
    }));
  }

  /** Origins (awareness client ids) whose broadcasts were dropped for flooding lately. */
  flooding(): { origin: number; dropped: number }[] {
    return this.guard.flooding();
  }

  /** Tells the room this peer's presence is gone, before its links close (going offline, closing). */
  leave(): void {
    removeAwarenessStates(this.awareness, [this.awareness.clientID], 'leave');
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.doc.off('update', this.onDocUpdate);
    this.stopCheckpoints();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.tree.destroy();
    this.digests.cancel();
    this.presence.cancel();
    this.requests.stop();
    for (const n of this.neighbours.values()) this.scheduler.clearTimeout(n.reconcileTimer);
    this.neighbours.clear();
    this.changeListeners.clear();
  }

  private handle(id: string, neighbour: Neighbour, message: MeshMessage): void {
    switch (message.kind) {
      case 'hello': {
        const snapshot = Y.decodeSnapshot(message.snapshot);
        neighbour.stateVector = snapshot.sv;
        neighbour.degree = message.degree;
        neighbour.origin = message.origin;
        if (message.degree === 1) {
          this.tree.makeEager(id);
          // Its first link: it waits for the difference from us, unasked (state-requests.ts).
          this.reply(id, snapshot);
        }
        this.noteDigest(neighbour, message.digest);
        this.requests.scheduleCatchUp();
        this.shedExcessLink();
        return;
      }
      case 'broadcast':
        if (!this.guard.admit(message.origin, message.channel, message.payload.length)) {
          this.tree.markSeen(message);
          return;
        }
        this.tree.onBroadcast(id, message);
        return;
      case 'ihave':
        this.tree.onIHave(id, message.ids);
        return;
      case 'graft':
        this.tree.onGraft(id, message);
        return;
      case 'prune':
        this.tree.onPrune(id, message.origin);
        return;
      case 'stateRequest': {
        // Unanswered, the requester asks again after its timeout: a peer cannot make us encode state in a loop.
        if (!neighbour.stateRequests.take()) return;
        const snapshot = Y.decodeSnapshot(message.snapshot);
        neighbour.stateVector = snapshot.sv;
        this.reply(id, snapshot);
        if (stateVectorGap(this.localStateVector(), snapshot.sv).localLacks > 0) this.requests.scheduleCatchUp();
        return;
      }
      case 'stateReply':
        neighbour.stateVector = Y.decodeStateVector(message.stateVector);
        this.applyChanges(message.changes, 'state reply');
        this.requests.settled(id);
        this.requests.scheduleCatchUp();
        return;
      case 'digest':
        neighbour.degree = message.degree;
        this.noteDigest(neighbour, message.digest);
        this.shedExcessLink();
        return;
      case 'awarenessState':
        this.applyRemote(() => applyAwarenessUpdate(this.awareness, message.update, this), 'presence');
        return;
    }
  }

  private deliver(broadcast: Broadcast): void {
    if (broadcast.channel === Channel.Doc) this.applyChanges([broadcast.payload], 'update');
    else this.applyRemote(() => applyAwarenessUpdate(this.awareness, broadcast.payload, this), 'presence');
  }

  private applyChanges(changes: readonly Uint8Array[], what: string): void {
    if (this.gate) {
      this.gate.receive(changes, this).catch((error: unknown) => this.warn(`mesh sync: could not take a ${what}`, error));
      return;
    }
    for (const update of changes) this.applyRemote(() => Y.applyUpdate(this.doc, update, this), what);
  }

  /** What a neighbour at `snapshot` lacks: our kept signed changes, or (without a gate) one update. */
  private reply(to: string, snapshot: Y.Snapshot): void {
    const changes = this.gate ? this.gate.covering(snapshot) : [Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(snapshot.sv))];
    this.send(to, { kind: 'stateReply', stateVector: Y.encodeStateVector(this.doc), changes });
  }

  private snapshot(): Uint8Array {
    return Y.encodeSnapshot(Y.snapshot(this.doc));
  }

  /** A peer's Yjs or awareness bytes that do not decode must not break this peer. */
  private applyRemote(apply: () => void, what: string): void {
    try {
      apply();
    } catch (error) {
      this.warn(`mesh sync: dropped a damaged ${what} from the room`, error);
    }
  }

  private refuse(id: string, neighbour: Neighbour, error: unknown): void {
    if (error instanceof MeshWireError && (error.problem === 'notMesh' || error.problem === 'otherVersion')) {
      neighbour.problem = error.problem === 'notMesh' ? { kind: 'notMesh' } : { kind: 'otherVersion', version: error.version ?? 0 };
      // It will send no state we could wait for.
      this.requests.settled(id);
      this.notifyChange();
    } else {
      neighbour.malformed += 1;
      this.warn(`mesh sync: dropped a malformed message from ${id}`, error);
      if (neighbour.malformed >= MAX_MALFORMED_MESSAGES) neighbour.link.close();
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    this.digestCache = undefined;
    this.digests.trigger();
    for (const n of this.neighbours.values()) if (n.reconcileTimer !== undefined) this.scheduleReconcile(n);
    if (origin === this) return;
    // Only what was made here is signed as ours: an update from storage or from another tab of this browser is not.
    if (this.gate && !transaction.local) return;
    this.local.made(update, this.neighbours.size > 0);
  };

  private readonly onAwarenessUpdate = ({ removed }: { removed: number[] }, origin: unknown): void => {
    if (this.neighbours.size === 0) return;
    // Our presence removed (leave(), y-webrtc's disconnect, the window unloading): said at once, while links are open.
    if (removed.includes(this.awareness.clientID)) {
      this.presence.cancel();
      this.broadcastAwareness();
    } else if (origin === 'local') this.presence.trigger();
  };

  private broadcastAwareness(): void {
    if (this.neighbours.size > 0) this.broadcast(Channel.Awareness, encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]));
  }

  private broadcast(channel: Channel, payload: Uint8Array): void {
    this.tree.originate({ channel, origin: this.origin, seq: ++this.seq, payload });
  }

  /** Signs the offline work now (local-outbox.ts), so the change log holds it; it still goes out when a link opens. */
  sealOffline(): Promise<void> {
    return this.local.sealOffline();
  }

  private send(to: string, message: MeshMessage): void {
    const neighbour = this.neighbours.get(to);
    if (!neighbour) return;
    try {
      neighbour.link.send(encodeMeshMessage(message));
    } catch (error) {
      // The network edge: a link closing under us is noticed by its owner, which removes the neighbour.
      this.warn(`mesh sync: could not send to ${to}`, error);
    }
  }

  private localStateVector(): StateVector {
    return Y.decodeStateVector(Y.encodeStateVector(this.doc));
  }

  private digest(): Uint8Array {
    this.digestCache ??= stateDigest(this.doc);
    return this.digestCache;
  }

  private sendDigests(): void {
    const digest = this.digest();
    for (const [id, n] of this.neighbours) {
      if (sameBytes(n.lastSentDigest, digest)) continue;
      n.lastSentDigest = digest;
      this.send(id, { kind: 'digest', digest, degree: this.neighbours.size });
    }
    // Our digest changed since the neighbours' last ones: whether they are even may have too.
    this.notifyChange();
  }

  private noteDigest(neighbour: Neighbour, digest: Uint8Array): void {
    neighbour.digest = digest;
    if (sameBytes(digest, this.digest())) {
      this.scheduler.clearTimeout(neighbour.reconcileTimer);
      neighbour.reconcileTimer = undefined;
    } else this.scheduleReconcile(neighbour);
    this.notifyChange();
  }

  private scheduleReconcile(neighbour: Neighbour): void {
    this.scheduler.clearTimeout(neighbour.reconcileTimer);
    neighbour.reconcileTimer = this.scheduler.setTimeout(() => {
      neighbour.reconcileTimer = undefined;
      const id = [...this.neighbours].find(([, n]) => n === neighbour)?.[0];
      if (id === undefined || sameBytes(neighbour.digest, this.digest())) return;
      if (!this.requests.request(id)) this.scheduleReconcile(neighbour);
    }, RECONCILE_DELAY_MS);
  }

  private shedExcessLink(): void {
    const degrees = new Map<string, number>();
    for (const [id, n] of this.neighbours) if (n.degree !== undefined) degrees.set(id, n.degree);
    const shed = linkToShed(this.neighbours.size, degrees);
    if (shed !== undefined) this.neighbours.get(shed)?.link.close();
  }

  private notifyChange(): void {
    for (const listener of this.changeListeners) listener();
  }
}
