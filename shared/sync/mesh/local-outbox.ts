/**
 * This peer's own changes on their way out (mesh-sync.ts): sent at once
 * while a link is open, kept while there is none (the outbox) and sent as
 * one broadcast when the first link opens. Where a gate signs, changes are
 * sealed one after another, so they go out in the order they were made;
 * offline work can be sealed early (sealOffline) and still waits for a link.
 */
import * as Y from 'yjs';

export interface LocalOutboxDeps {
  /** Signs a local update (the change gate's seal); undefined where nothing is signed. */
  readonly seal: ((update: Uint8Array) => Promise<Uint8Array>) | undefined;
  /** Sends a change (or a bare update) to the room. */
  readonly broadcast: (payload: Uint8Array) => void;
  readonly destroyed: () => boolean;
  readonly warn: (message: string, detail?: unknown) => void;
}

export class LocalOutbox {
  private outbox: Uint8Array[] = [];
  /** Offline work signed early (sealOffline), waiting for a link like the outbox. */
  private sealedOutbox: Uint8Array[] = [];
  private sealing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: LocalOutboxDeps) {}

  /** A change made here: sent now when `linked`, else kept for the first link. */
  made(update: Uint8Array, linked: boolean): void {
    if (linked) this.send(update);
    else this.outbox.push(update);
  }

  /** The first link opened: everything kept goes out, offline work as one change. */
  flush(): void {
    for (const change of this.sealedOutbox.splice(0)) this.deps.broadcast(change);
    if (this.outbox.length === 0) return;
    const merged = Y.mergeUpdates(this.outbox);
    this.outbox = [];
    // Offline work is signed as one change when it goes out (a restart before that signs it as a baseline).
    this.send(merged);
  }

  /**
   * Signs the offline work now, so the change log holds it (an export, the
   * history); it still goes out as one broadcast when a link opens.
   */
  sealOffline(): Promise<void> {
    const seal = this.deps.seal;
    if (!seal || this.outbox.length === 0) return this.sealing;
    const merged = Y.mergeUpdates(this.outbox);
    this.outbox = [];
    const sealed = this.sealing
      .then(() => seal(merged))
      .then((change) => {
        this.sealedOutbox.push(change);
      });
    this.sealing = sealed.catch((error: unknown) => {
      // Not signed: it waits for a link as before.
      this.outbox.unshift(merged);
      this.deps.warn('mesh sync: could not sign offline work', error);
    });
    return sealed;
  }

  /** Bare, or signed first (in the order made) where a gate signs. */
  private send(update: Uint8Array): void {
    const seal = this.deps.seal;
    if (!seal) {
      this.deps.broadcast(update);
      return;
    }
    this.sealing = this.sealing
      .then(() => seal(update))
      .then((change) => {
        if (!this.deps.destroyed()) this.deps.broadcast(change);
      })
      .catch((error: unknown) => this.deps.warn('mesh sync: could not sign a change', error));
  }
}
