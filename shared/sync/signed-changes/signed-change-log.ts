/**
 * Every change to a document, signed by the member who made it, kept, and
 * checked against the write rules before it is applied: the receive path of
 * proven membership (issue 12, item 2).
 *
 * Why signed updates, not one document per organisation: the rules cut
 * across records (a stance inside a shared goal, one's own vote inside a
 * shared idea, a profile per person), so splitting documents by owner would
 * still leave most rules to check, and a merged Yjs update says nothing about
 * who wrote it. So each local Yjs update is sealed as one signed change
 * (change-envelope.ts), and that change, never a re-encoding of it, is what
 * crosses the room: in a broadcast, relayed unchanged, and in a catch-up,
 * where the peer that answers sends the kept changes the asker lacks
 * (`covering`, judged by the asker's state vector and delete set) instead of
 * one merged update. So a change reaches everyone with its author's
 * signature however it travels; this is how secsync and p2panda treat
 * updates (signed operations, kept), here without their encryption layer
 * (data channels are DTLS); checkpoints, below, compact it.
 *
 * A received change is applied only when:
 *   - its signature holds and it is for this document;
 *   - its signer is a member (membership held back while the admission that
 *     makes them one has not arrived yet; refused when removed);
 *   - what it changes (update-effects.ts) keeps the write rules
 *     (write-rules.ts) for that member. A baseline from the founder is taken
 *     as the founder's word for the workspace as it was before signing.
 * A change that builds on something not here yet is held, as Yjs holds such
 * updates, and tried again when anything new is applied. A refused change is
 * shown (refusals()) and not applied; a placeholder takes its clocks instead
 * (refused-placeholder.ts), so the author's later changes within the rules
 * still arrive, and it is kept and passed on in catch-ups for every peer to
 * judge itself. A change carrying items under a Yjs client id whose changes
 * another member signed is refused outright (its clocks would otherwise be
 * taken from that member): a client id belongs to the first member who
 * signed a change with it.
 *
 * In an open workspace (from before proven membership, not upgraded yet)
 * changes are signed and kept, but nobody can be checked against a member
 * list: they are applied as they come, as before.
 *
 * Checkpoints keep the log bounded (issue 13). Every change carries a
 * signature of 64 bytes and its signer's key, about 200 bytes where the
 * compacted document grows by some 10 per edit, so a log kept whole would
 * soon be many times the document. The founder's device therefore seals a
 * checkpoint after every `checkpointEvery` kept changes: its whole document
 * (garbage-collected, as y-dexie holds it) as one signed change, taken on
 * receive as the founder's word, like the founder's baseline. A device that
 * holds a checkpoint drops the kept changes it covers (every item below its
 * state vector, every deletion in its delete set): the store gets them in
 * `compact` and may keep them as history without their signatures
 * (renderer/src/storage/signed-change-store.ts), and catch-ups answer with
 * the checkpoint and what came after. A change that arrives after it and is
 * covered by it is known already. A checkpoint signed by anyone else is
 * refused. The sealing device sends its checkpoint to the room at once
 * (mesh-sync.ts, onCheckpoint); a partner who is away then keeps its
 * changes until the next one reaches it. Only the device holding the
 * founder's key checkpoints (a room's founder is the workspace's): while
 * it stays away, the logs grow.
 *
 * What is left: a change refused here but
 * taken by the author (their own copy) leaves the two apart on that part;
 * the author is not told yet.
 */
import * as Y from 'yjs';
import { updateEffects } from '../../rules/update-effects';
import { refusedEffects, type DocumentKind, type RefusedEffect, type WriteAuthor } from '../../rules/write-rules';
import { ChangeFormatError, openChange, sealChange, type ChangeKind, type SignedChange } from './change-envelope';
import { covers, coversDeletions, describeUpdate, mergedDeletions } from './delete-coverage';
import { refusedPlaceholder } from './refused-placeholder';
import { hashOf, storedSummary, summarise, type ChangeSummary } from './change-summary';

/** Held changes (waiting for what they build on, or for their signer's admission) are bounded; a catch-up brings dropped ones again. */
export const MAX_HELD_CHANGES = 2000;
/** The connections view lists this many recent refusals. */
export const MAX_SHOWN_REFUSALS = 50;
/** The founder's device seals a checkpoint once this many changes were kept since the last one. */
export const CHECKPOINT_EVERY = 1000;

export type AuthorStanding = { kind: 'member'; author: WriteAuthor } | { kind: 'open' } | { kind: 'unknown' } | { kind: 'removed' };

/** A kept change as stored: a refused one is kept (its clocks are taken, and others need it to judge it) but never applied. */
export interface StoredChange {
  readonly bytes: Uint8Array;
  readonly refused?: boolean;
  /** A checkpoint that holds nothing the kept changes before it did not: history has no use for it. */
  readonly restates?: boolean;
  /** Kept with the change so that opening does not decode it again (change-summary.ts); checked when loaded. */
  readonly summary?: unknown;
}

export interface ChangeStore {
  load(): Promise<StoredChange[]>;
  append(changes: readonly StoredChange[]): Promise<void>;
  /** Drops kept changes a checkpoint now covers, oldest first, in one step; the store may keep them as history. */
  compact?(covered: readonly StoredChange[]): Promise<void>;
}

export interface SignedChangeLogOptions {
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly signer: { readonly publicKeyB64: string; sign(message: Uint8Array): Promise<Uint8Array> };
  /** Where the signer of a change stands now: a member (with what the rules need), removed, unknown, or an open workspace. */
  standingOf(publicKey: string): Promise<AuthorStanding>;
  /** The founder's key, whose baseline is taken without the rules; null in an open workspace. */
  founderKey(): string | null;
  verify(publicKey: string, signature: Uint8Array, message: Uint8Array): Promise<boolean>;
  readonly store?: ChangeStore;
  /** Kept changes between two checkpoints on the founder's device (CHECKPOINT_EVERY). */
  readonly checkpointEvery?: number;
  readonly now?: () => number;
  readonly warn?: (message: string, detail?: unknown) => void;
}

export type RefusalCause =
  | { kind: 'rules'; effects: RefusedEffect[] }
  | { kind: 'removed' }
  | { kind: 'notMember' }
  | { kind: 'badSignature' }
  | { kind: 'otherDocument' }
  | { kind: 'otherClient' }
  | { kind: 'notFounder' };

export interface ChangeRefusal {
  readonly signer: string;
  readonly at: number;
  readonly receivedAt: number;
  readonly cause: RefusalCause;
}

/** `collected`: a refused change's clock ranges, which its placeholder holds here as collected (deleted) structs. */
interface Kept extends ChangeSummary {
  readonly bytes: Uint8Array;
  readonly kind: ChangeKind;
  readonly refused: boolean;
  readonly restates: boolean;
}

/** 'placed': refused, and its placeholder taken in (which can unblock held changes as an applied one does). */
type Outcome = 'applied' | 'placed' | 'held' | 'refused' | 'known';

const movesOn = (outcome: Outcome): boolean => outcome === 'applied' || outcome === 'placed';

const storedOf = (k: Kept): StoredChange => ({
  bytes: k.bytes,
  ...(k.refused ? { refused: true } : {}),
  ...(k.restates ? { restates: true } : {}),
  summary: { hash: k.hash, to: k.to, deletions: k.deletions, ...(k.collected ? { collected: k.collected } : {}) } satisfies ChangeSummary,
});

export class SignedChangeLog {
  private kept: Kept[] = [];
  /** The newest checkpoint kept, which stands in for every change it covers. */
  private checkpoint: Kept | undefined;
  private sinceCheckpoint = 0;
  /** While the kept changes load, no checkpoint is sealed: the stored one may come later in the load. */
  private checkpointDue = true;
  private readonly known = new Set<string>();
  /** Which member's changes each Yjs client id carries: the first signer of a change with items of it. */
  private readonly clientOwners = new Map<number, string>();
  private readonly held = new Map<string, { bytes: Uint8Array; change: SignedChange }>();
  private readonly refusalLog: ChangeRefusal[] = [];
  private queue: Promise<void> = Promise.resolve();
  /** Kept changes go to the store one after another, in the order kept. */
  private storing: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly refusalListeners = new Set<(refusal: ChangeRefusal) => void>();
  private readonly checkpointListeners = new Set<(change: Uint8Array) => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: SignedChangeLogOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Loads the kept changes, and seals what the document holds that none of them covers (a baseline). */
  async open(): Promise<void> {
    const stored = (await this.options.store?.load()) ?? [];
    for (const { bytes, refused, restates, summary } of stored) {
      try {
        const known = storedSummary(summary, refused === true);
        this.keep(openChange(bytes), bytes, known?.hash ?? hashOf(bytes), { persist: false, refused: refused === true, restates: restates === true }, known);
      } catch (error) {
        this.options.warn?.('signed changes: a stored change does not open', error);
      }
    }
    const covered = new Map<number, number>();
    for (const k of this.kept) for (const [client, clock] of k.to) covered.set(client, Math.max(covered.get(client) ?? 0, clock));
    const lacksItems = [...Y.decodeStateVector(Y.encodeStateVector(this.doc))].some(([client, clock]) => clock > (covered.get(client) ?? 0));
    // Deletions made offline (or that arrived from another tab) move no clock: compared by delete set.
    const known = mergedDeletions(this.kept.flatMap((k) => (k.collected ? [k.deletions, k.collected] : [k.deletions])));
    const lacksDeletions = !coversDeletions({ clients: known }, Y.snapshot(this.doc).ds.clients);
    if (lacksItems || lacksDeletions) {
      const encodedCovered = Y.encodeStateVector(covered);
      await this.seal(Y.encodeStateAsUpdate(this.doc, encodedCovered), 'baseline');
    }
    this.checkpointDue = false;
    this.checkpointIfDue();
  }

  /** Signs a local update and keeps it; returns what goes on the wire. */
  async seal(update: Uint8Array, kind: ChangeKind = 'change'): Promise<Uint8Array> {
    const { publicKeyB64, sign } = this.options.signer;
    const change = { kind, documentId: this.options.documentId, signer: publicKeyB64, at: this.now(), update };
    const bytes = await sealChange(change, (message) => sign(message));
    this.keep(change, bytes, hashOf(bytes), { persist: true, refused: false });
    return bytes;
  }

  /** Changes from the room, checked and applied in the order given (origin: what the document update is tagged with). */
  receive(changes: readonly Uint8Array[], origin: unknown): Promise<void> {
    this.queue = this.queue.then(async () => {
      let applied = false;
      for (const bytes of changes) if (movesOn(await this.ingest(bytes, origin))) applied = true;
      if (applied) await this.retryHeld(origin);
    });
    return this.queue;
  }

  /** Tries held changes again (a member was admitted, say). */
  retry(origin: unknown): Promise<void> {
    this.queue = this.queue.then(() => this.retryHeld(origin));
    return this.queue;
  }

  /** The kept changes a peer whose document is at `snapshot` lacks, oldest first. */
  covering(snapshot: Y.Snapshot): Uint8Array[] {
    return this.kept
      .filter((k) => [...k.to].some(([client, clock]) => clock > (snapshot.sv.get(client) ?? 0)) || !coversDeletions(snapshot.ds, k.deletions))
      .map((k) => k.bytes);
  }

  /** Calls `listener` with each refused change, for the caller to show and log. */
  onRefusal(listener: (refusal: ChangeRefusal) => void): () => void {
    this.refusalListeners.add(listener);
    return () => this.refusalListeners.delete(listener);
  }

  /** Calls `listener` with each checkpoint this device seals, for the caller to send. */
  onCheckpoint(listener: (change: Uint8Array) => void): () => void {
    this.checkpointListeners.add(listener);
    return () => this.checkpointListeners.delete(listener);
  }

  /** Resolves once every change kept so far (and a checkpoint being sealed) has reached the store. */
  stored(): Promise<void> {
    return this.queue.then(() => this.storing);
  }

  refusals(): readonly ChangeRefusal[] {
    return this.refusalLog;
  }

  get heldCount(): number {
    return this.held.size;
  }

  /**
   * Keeps a change once. A refused one keeps its clocks (answered in catch-ups, so a peer that lacks them
   * can judge it too) but no deletions: it deleted nothing here, and would otherwise be sent in every catch-up.
   */
  private keep(change: Pick<SignedChange, 'kind' | 'signer' | 'update'>, bytes: Uint8Array, hash: string, how: { persist: boolean; refused: boolean; restates?: boolean }, summary?: ChangeSummary): void {
    if (this.known.has(hash)) return;
    this.known.add(hash);
    const { to, deletions, collected } = summary ?? summarise(change.update, hash, how.refused);
    const restates = how.restates ?? (change.kind === 'checkpoint' && this.keptHold({ to, deletions }));
    const kept: Kept = { bytes, kind: change.kind, refused: how.refused, restates, hash, to, deletions, ...(collected ? { collected } : {}) };
    this.kept.push(kept);
    if (change.kind === 'change') for (const client of to.keys()) if (!this.clientOwners.has(client)) this.clientOwners.set(client, change.signer);
    const store = this.options.store;
    if (how.persist && store) {
      const stored = storedOf(kept);
      this.storing = this.storing.then(() => store.append([stored])).catch((error: unknown) => this.options.warn?.('signed changes: could not store a change', error));
    }
    if (kept.kind === 'checkpoint' && !kept.refused) this.adopt(kept);
    else this.sinceCheckpoint += 1;
    this.checkpointIfDue();
  }

  /** Whether the kept changes together hold all of `change` (the newest checkpoint stands in for all before it). */
  private keptHold(change: Pick<Kept, 'to' | 'deletions'>): boolean {
    const to = new Map<number, number>();
    for (const k of this.kept) for (const [client, clock] of k.to) to.set(client, Math.max(to.get(client) ?? 0, clock));
    return covers({ to, deletions: mergedDeletions(this.kept.flatMap((k) => (k.collected ? [k.deletions, k.collected] : [k.deletions]))) }, change);
  }

  /** A checkpoint now stands in for the kept changes (and older checkpoints) it covers: they are dropped, and the store told. */
  private adopt(checkpoint: Kept): void {
    if (this.checkpoint && !covers(checkpoint, this.checkpoint)) return;
    this.checkpoint = checkpoint;
    const covered = this.kept.filter((k) => k !== checkpoint && covers(checkpoint, k));
    this.sinceCheckpoint = this.kept.length - 1 - covered.length;
    if (covered.length === 0) return;
    const dropped = new Set(covered);
    this.kept = this.kept.filter((k) => !dropped.has(k));
    const store = this.options.store;
    if (store?.compact) {
      const compact = store.compact.bind(store);
      this.storing = this.storing.then(() => compact(covered.map(storedOf))).catch((error: unknown) => this.options.warn?.('signed changes: could not compact the kept changes', error));
    }
  }

  /** On the founder's device, seals a checkpoint of the whole document once enough changes were kept since the last. */
  private checkpointIfDue(): void {
    const founder = this.options.founderKey();
    if (this.checkpointDue || founder === null || founder !== this.options.signer.publicKeyB64) return;
    if (this.sinceCheckpoint < (this.options.checkpointEvery ?? CHECKPOINT_EVERY)) return;
    this.checkpointDue = true;
    this.queue = this.queue
      .then(async () => {
        // Only a document whose every change is kept: an edit still being signed would otherwise reach partners
        // after the checkpoint that already holds it, and be taken as known there, its author lost from their history.
        // The next change kept tries again.
        if (!this.keptHold({ to: new Map(Y.decodeStateVector(Y.encodeStateVector(this.doc))), deletions: Y.snapshot(this.doc).ds.clients })) return;
        const change = await this.seal(Y.encodeStateAsUpdate(this.doc), 'checkpoint');
        for (const listener of this.checkpointListeners) listener(change);
      })
      .then(
        () => undefined,
        (error: unknown) => this.options.warn?.('signed changes: could not seal a checkpoint', error),
      )
      .finally(() => (this.checkpointDue = false));
  }

  private refuse(change: Pick<SignedChange, 'signer' | 'at'>, hash: string, cause: RefusalCause): Outcome {
    this.known.add(hash);
    const refusal: ChangeRefusal = { signer: change.signer, at: change.at, receivedAt: this.now(), cause };
    this.refusalLog.push(refusal);
    if (this.refusalLog.length > MAX_SHOWN_REFUSALS) this.refusalLog.shift();
    for (const listener of this.refusalListeners) listener(refusal);
    return 'refused';
  }

  /** A signed, well-formed change refused for what it does or who sent it: its placeholder takes its clocks (refused-placeholder.ts). */
  private refuseInPlace(change: SignedChange, bytes: Uint8Array, hash: string, cause: RefusalCause, origin: unknown): Outcome {
    this.refuse(change, hash, cause);
    this.known.delete(hash);
    Y.applyUpdate(this.doc, refusedPlaceholder(change.update), origin);
    this.keep(change, bytes, hash, { persist: true, refused: true });
    return 'placed';
  }

  /** A change with items of a client id that another member's changes carry: it could take that member's clocks. */
  private claimsOthersClient(change: SignedChange, to: ReadonlyMap<number, number>): boolean {
    if (change.kind !== 'change') return false;
    for (const client of to.keys()) {
      const owner = this.clientOwners.get(client);
      if (owner !== undefined && owner !== change.signer) return true;
    }
    return false;
  }

  private async ingest(bytes: Uint8Array, origin: unknown): Promise<Outcome> {
    const hash = hashOf(bytes);
    if (this.known.has(hash)) return 'known';
    let change: SignedChange;
    try {
      change = openChange(bytes);
    } catch (error) {
      this.options.warn?.(`signed changes: dropped ${error instanceof ChangeFormatError ? error.problem : 'damaged'} change`, error);
      return 'refused';
    }
    if (change.documentId !== this.options.documentId) return this.refuse(change, hash, { kind: 'otherDocument' });
    if (this.coveredByCheckpoint(change)) {
      this.known.add(hash);
      return 'known';
    }
    if (!(await this.options.verify(change.signer, change.signature, change.signed))) return this.refuse(change, hash, { kind: 'badSignature' });
    if (change.kind === 'checkpoint' && change.signer !== this.options.founderKey()) return this.refuse(change, hash, { kind: 'notFounder' });
    const standing = await this.options.standingOf(change.signer);
    if (standing.kind === 'unknown') return this.hold(hash, bytes, change);
    if (standing.kind !== 'open' && this.claimsOthersClient(change, describeUpdate(change.update).to)) return this.refuse(change, hash, { kind: 'otherClient' });
    if (standing.kind === 'removed') return this.refuseInPlace(change, bytes, hash, { kind: 'removed' }, origin);
    let effects;
    try {
      effects = updateEffects(this.doc, change.update);
    } catch (error) {
      this.options.warn?.('signed changes: a change whose update does not decode', error);
      return this.refuse(change, hash, { kind: 'rules', effects: [] });
    }
    if (effects.unresolved > 0) return this.hold(hash, bytes, change);
    const trusted = standing.kind === 'open' || (change.kind !== 'change' && change.signer === this.options.founderKey());
    if (!trusted && standing.kind === 'member') {
      const refused = refusedEffects(this.doc, effects.effects, standing.author, this.options.kind);
      if (refused.length > 0) return this.refuseInPlace(change, bytes, hash, { kind: 'rules', effects: refused }, origin);
    }
    Y.applyUpdate(this.doc, change.update, origin);
    this.keep(change, bytes, hash, { persist: true, refused: false });
    return 'applied';
  }

  /** A change the newest checkpoint holds all of: known already (it was dropped when the checkpoint came). */
  private coveredByCheckpoint(change: SignedChange): boolean {
    if (change.kind === 'checkpoint' || !this.checkpoint) return false;
    try {
      return covers(this.checkpoint, describeUpdate(change.update));
    } catch {
      return false;
    }
  }

  private hold(hash: string, bytes: Uint8Array, change: SignedChange): Outcome {
    if (!this.held.has(hash)) {
      this.held.set(hash, { bytes, change });
      if (this.held.size > MAX_HELD_CHANGES) {
        const oldest = this.held.keys().next().value;
        if (oldest !== undefined) this.held.delete(oldest);
      }
    }
    return 'held';
  }

  private async retryHeld(origin: unknown): Promise<void> {
    for (let progress = true; progress && this.held.size > 0; ) {
      progress = false;
      for (const [hash, { bytes }] of [...this.held]) {
        this.held.delete(hash);
        if (movesOn(await this.ingest(bytes, origin))) progress = true;
      }
    }
  }
}
