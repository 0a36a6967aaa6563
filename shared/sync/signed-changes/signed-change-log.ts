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
 * (data channels are DTLS) and without compaction yet.
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
 * not applied, not relayed by this peer's catch-ups, and shown (refusals()).
 *
 * In an open workspace (from before proven membership, not upgraded yet)
 * changes are signed and kept, but nobody can be checked against a member
 * list: they are applied as they come, as before.
 *
 * What is left: keeping every change forever grows the log (compaction into
 * signed snapshots, with issue 13's history); an author's changes are
 * attributed by signature, but the Yjs client id inside is not bound to the
 * author, so a member who reuses another's client id can make that member's
 * later edits collide (not forge them).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import * as Y from 'yjs';
import { toBase64Url } from '../../crypto/base64url';
import { updateEffects } from '../../rules/update-effects';
import { refusedEffects, type DocumentKind, type RefusedEffect, type WriteAuthor } from '../../rules/write-rules';
import { ChangeFormatError, openChange, sealChange, type ChangeKind, type SignedChange } from './change-envelope';
import { coversDeletions, describeUpdate, mergedDeletions, type Deletions } from './delete-coverage';

/** Held changes (waiting for what they build on, or for their signer's admission) are bounded; a catch-up brings dropped ones again. */
export const MAX_HELD_CHANGES = 2000;
/** The connections view lists this many recent refusals. */
export const MAX_SHOWN_REFUSALS = 50;

export type AuthorStanding = { kind: 'member'; author: WriteAuthor } | { kind: 'open' } | { kind: 'unknown' } | { kind: 'removed' };

export interface ChangeStore {
  load(): Promise<Uint8Array[]>;
  append(changes: readonly Uint8Array[]): Promise<void>;
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
  readonly now?: () => number;
  readonly warn?: (message: string, detail?: unknown) => void;
}

export type RefusalCause = { kind: 'rules'; effects: RefusedEffect[] } | { kind: 'removed' } | { kind: 'notMember' } | { kind: 'badSignature' } | { kind: 'otherDocument' };

export interface ChangeRefusal {
  readonly signer: string;
  readonly at: number;
  readonly receivedAt: number;
  readonly cause: RefusalCause;
}

interface Kept {
  readonly bytes: Uint8Array;
  /** Per client, the clock after the change's last item. */
  readonly to: ReadonlyMap<number, number>;
  readonly deletions: Deletions;
}

type Outcome = 'applied' | 'held' | 'refused' | 'known';

const hashOf = (bytes: Uint8Array): string => toBase64Url(sha256(bytes).subarray(0, 16));

export class SignedChangeLog {
  private readonly kept: Kept[] = [];
  private readonly known = new Set<string>();
  private readonly held = new Map<string, { bytes: Uint8Array; change: SignedChange }>();
  private readonly refusalLog: ChangeRefusal[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly refusalListeners = new Set<(refusal: ChangeRefusal) => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: SignedChangeLogOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Loads the kept changes, and seals what the document holds that none of them covers (a baseline). */
  async open(): Promise<void> {
    const stored = (await this.options.store?.load()) ?? [];
    for (const bytes of stored) this.keep(bytes, false);
    const covered = new Map<number, number>();
    for (const k of this.kept) for (const [client, clock] of k.to) covered.set(client, Math.max(covered.get(client) ?? 0, clock));
    const lacksItems = [...Y.decodeStateVector(Y.encodeStateVector(this.doc))].some(([client, clock]) => clock > (covered.get(client) ?? 0));
    // Deletions made offline (or that arrived from another tab) move no clock: compared by delete set.
    const lacksDeletions = !coversDeletions({ clients: mergedDeletions(this.kept.map((k) => k.deletions)) }, Y.snapshot(this.doc).ds.clients);
    if (lacksItems || lacksDeletions) {
      const encodedCovered = Y.encodeStateVector(covered);
      await this.seal(Y.encodeStateAsUpdate(this.doc, encodedCovered), 'baseline');
    }
  }

  /** Signs a local update and keeps it; returns what goes on the wire. */
  async seal(update: Uint8Array, kind: ChangeKind = 'change'): Promise<Uint8Array> {
    const { publicKeyB64, sign } = this.options.signer;
    const bytes = await sealChange({ kind, documentId: this.options.documentId, signer: publicKeyB64, at: this.now(), update }, (message) => sign(message));
    this.keep(bytes, true, hashOf(bytes), update);
    return bytes;
  }

  /** Changes from the room, checked and applied in the order given (origin: what the document update is tagged with). */
  receive(changes: readonly Uint8Array[], origin: unknown): Promise<void> {
    this.queue = this.queue.then(async () => {
      let applied = false;
      for (const bytes of changes) if ((await this.ingest(bytes, origin)) === 'applied') applied = true;
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

  refusals(): readonly ChangeRefusal[] {
    return this.refusalLog;
  }

  get heldCount(): number {
    return this.held.size;
  }

  /** Keeps a change once; `update` is its Yjs update where the caller has it opened already. */
  private keep(bytes: Uint8Array, persist: boolean, hash = hashOf(bytes), update?: Uint8Array): void {
    if (this.known.has(hash)) return;
    this.known.add(hash);
    let opened = update;
    try {
      opened ??= openChange(bytes).update;
    } catch {
      return;
    }
    this.kept.push({ bytes, ...describeUpdate(opened) });
    if (persist) void this.options.store?.append([bytes]).catch((error: unknown) => this.options.warn?.('signed changes: could not store a change', error));
  }

  private refuse(change: Pick<SignedChange, 'signer' | 'at'>, hash: string, cause: RefusalCause): Outcome {
    this.known.add(hash);
    const refusal: ChangeRefusal = { signer: change.signer, at: change.at, receivedAt: this.now(), cause };
    this.refusalLog.push(refusal);
    if (this.refusalLog.length > MAX_SHOWN_REFUSALS) this.refusalLog.shift();
    for (const listener of this.refusalListeners) listener(refusal);
    return 'refused';
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
    if (!(await this.options.verify(change.signer, change.signature, change.signed))) return this.refuse(change, hash, { kind: 'badSignature' });
    const standing = await this.options.standingOf(change.signer);
    if (standing.kind === 'removed') return this.refuse(change, hash, { kind: 'removed' });
    if (standing.kind === 'unknown') return this.hold(hash, bytes, change);
    let effects;
    try {
      effects = updateEffects(this.doc, change.update);
    } catch (error) {
      this.options.warn?.('signed changes: a change whose update does not decode', error);
      return this.refuse(change, hash, { kind: 'rules', effects: [] });
    }
    if (effects.unresolved > 0) return this.hold(hash, bytes, change);
    const trusted = standing.kind === 'open' || (change.kind === 'baseline' && change.signer === this.options.founderKey());
    if (!trusted && standing.kind === 'member') {
      const refused = refusedEffects(this.doc, effects.effects, standing.author, this.options.kind);
      if (refused.length > 0) return this.refuse(change, hash, { kind: 'rules', effects: refused });
    }
    Y.applyUpdate(this.doc, change.update, origin);
    this.keep(bytes, true, hash, change.update);
    return 'applied';
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
        const outcome = await this.ingest(bytes, origin);
        if (outcome === 'applied') progress = true;
      }
    }
  }
}
