/**
 * One document the region peer holds (a workspace or a confidential room),
 * synced with the app's own sync, and kept on the document's current key.
 *
 * A removal rotates a workspace's key (and the key of each room the removed
 * member was in): the new key is sealed to every remaining device's
 * encryption key in a record in the document itself, and the members move
 * to the room of the new key. The app follows this in useKeyRotation; the
 * peer does the same here, so it is not left behind in the old room the
 * first time someone is removed:
 *   - it publishes its own encryption key in the workspace (once), so an
 *     administrator's rotation seals the new key to it too;
 *   - whenever the records change, it opens the current rotation's box for
 *     this device, and on a newer key restarts the sync on it and writes the
 *     key to identity.json, so a restart after a kill starts there.
 * The peer never rotates a key itself (it is no administrator, and a room's
 * rotation is left to its people). A peer that was offline during a
 * rotation needs the rotation lobby on the old key, as the app's devices do;
 * that is not here yet.
 */
import type * as Y from 'yjs';
import type { Authenticator } from '../../shared/membership/auth-session';
import type { CurrentKey } from '../../shared/membership/workspace-keys';
import type { WorkspaceSync, WorkspaceSyncOptions } from '../../shared/sync/webrtc/workspace-sync';
import { startNodeSync } from './node-sync';

export type HeldKind = 'workspace' | 'room';

/** Where a document's key comes from: the workspace's membership, or the room's keys. */
export interface KeyFollower {
  onChange(listener: () => void): () => void;
  /** Makes a rotation able to reach this device (publishes its encryption key), where that is this device's to do. */
  prepare?(): Promise<unknown>;
  current(): Promise<CurrentKey | null>;
}

export interface HeldDocumentOptions {
  readonly kind: HeldKind;
  readonly documentId: string;
  readonly name: string;
  readonly key: string;
  readonly doc: Y.Doc;
  readonly membership: Authenticator;
  readonly keys: KeyFollower;
  readonly sync: Omit<WorkspaceSyncOptions, 'workspaceId' | 'key' | 'membership' | 'documentKind' | 'wrtc'>;
  /** Persists a rotated key (identity.json). */
  readonly keyChanged: (documentId: string, key: string) => Promise<void>;
  readonly log: (line: string) => void;
}

export class HeldDocument {
  private current: WorkspaceSync;
  private key: string;
  private following: Promise<void> = Promise.resolve();
  private stopFollowing: () => void = () => {};
  private stopped = false;

  private constructor(
    private readonly options: HeldDocumentOptions,
    sync: WorkspaceSync,
  ) {
    this.current = sync;
    this.key = options.key;
  }

  static async start(options: HeldDocumentOptions): Promise<HeldDocument> {
    const held = new HeldDocument(options, await HeldDocument.syncOn(options, options.key));
    held.stopFollowing = options.keys.onChange(() => held.follow());
    held.follow();
    return held;
  }

  private static syncOn(options: HeldDocumentOptions, key: string): Promise<WorkspaceSync> {
    return startNodeSync(options.doc, { ...options.sync, workspaceId: options.documentId, key, membership: options.membership, documentKind: options.kind });
  }

  get kind(): HeldKind {
    return this.options.kind;
  }
  get documentId(): string {
    return this.options.documentId;
  }
  get name(): string {
    return this.options.name;
  }
  get doc(): Y.Doc {
    return this.options.doc;
  }
  get sync(): WorkspaceSync {
    return this.current;
  }

  /** One look at a time, in order: records often change in bursts. */
  private follow(): void {
    this.following = this.following.then(() => this.moveToCurrentKey()).catch((error: unknown) => this.options.log(`${this.options.kind} ${this.options.name}: could not follow its key: ${String(error)}`));
  }

  private async moveToCurrentKey(): Promise<void> {
    if (this.stopped) return;
    await this.options.keys.prepare?.();
    const rotated = await this.options.keys.current();
    if (!rotated || rotated.key === this.key || this.stopped) return;
    this.key = rotated.key;
    this.current.destroy();
    this.current = await HeldDocument.syncOn(this.options, rotated.key);
    if (this.stopped) return this.current.destroy();
    await this.options.keyChanged(this.options.documentId, rotated.key);
    this.options.log(`${this.options.kind} ${this.options.name}: moved to its new key (generation ${rotated.generation})`);
  }

  stop(): void {
    this.stopped = true;
    this.stopFollowing();
    this.current.destroy();
  }
}
