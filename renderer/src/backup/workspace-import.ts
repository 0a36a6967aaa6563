/**
 * Reading a workspace file and taking it in (issue 13, item 2): into a fresh
 * device it creates the workspace as exported (workspace-archive-store.ts);
 * into the open workspace it merges like a sync would (sneakernet): every
 * change goes through the running sync's change log, so signatures and
 * write rules are checked as for changes from the room, and partners get
 * them in their next catch-up. Confidential rooms are merged only where this
 * device already holds the room; a room it is not a member of is skipped,
 * never created from a partner's file.
 */
import { readArchive, type WorkspaceArchive } from '../../../shared/backup/workspace-archive';
import { openUnframed, protectionKindOf, unframe } from '../../../shared/backup/workspace-file';
import type { StroomkringDatabase } from '../storage/database';
import { storeLocalFile, getFileRow } from '../files/file-store';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';

/** Every key this device holds (workspaces and rooms, current and kept from before a rotation): what a key-protected file is tried with. */
export async function localKeys(db: StroomkringDatabase): Promise<string[]> {
  const [workspaces, rooms] = await Promise.all([db.workspaceAccess.toArray(), db.roomAccess.toArray()]);
  return [...new Set([...workspaces, ...rooms].flatMap((row) => [row.key, ...(row.previousKeys ?? []).map((previous) => previous.key)]))];
}

/**
 * A workspace file checked once (frame and sum): its age file, and whether it
 * asks for a passphrase or opens with a workspace key; throws
 * WorkspaceFileError for a file that is not one.
 */
export async function checkWorkspaceFile(file: Uint8Array): Promise<{ age: Uint8Array; needs: 'passphrase' | 'workspaceKey' }> {
  const age = await unframe(file);
  return { age, needs: protectionKindOf(age) };
}

/** Decrypts and reads a checked workspace file (its age file); throws WorkspaceFileError or ArchiveError. */
export async function readWorkspaceFile(age: Uint8Array, secrets: readonly string[], onProgress?: (fraction: number) => void): Promise<WorkspaceArchive> {
  return readArchive(await openUnframed(age, secrets, onProgress));
}

export interface MergeOutcome {
  /** Whether the workspace or a room took anything new. */
  readonly changed: boolean;
  /** Changes the write rules refused (kept, shown in Verbindingen, not applied). */
  readonly refused: number;
  readonly roomsMerged: number;
  /** Rooms in the file that this device is not a member of. */
  readonly roomsSkipped: number;
  readonly filesAdded: number;
}

/** Merges an archive of this workspace into it through the running syncs; the caller checked the workspace id. */
export async function mergeArchive(db: StroomkringDatabase, archive: WorkspaceArchive, target: { sync: WorkspaceSync; room: (roomId: string) => WorkspaceSync | undefined; hardLimitBytes: number }): Promise<MergeOutcome> {
  let changed = false;
  let refused = 0;
  let roomsMerged = 0;
  let roomsSkipped = 0;
  for (const document of archive.documents) {
    const into = document.id === archive.manifest.workspace.id ? target.sync : target.room(document.id);
    if (!into) {
      roomsSkipped += 1;
      continue;
    }
    const outcome = await into.importChanges(document.changes.map((change) => change.bytes));
    refused += outcome.refused;
    if (outcome.changed) changed = true;
    if (document.id !== archive.manifest.workspace.id) roomsMerged += 1;
  }
  let filesAdded = 0;
  for (const [hash, bytes] of archive.files) {
    if ((await getFileRow(db, hash))?.complete) continue;
    const stored = await storeLocalFile(db, new File([bytes as Uint8Array<ArrayBuffer>], hash), { hardLimitBytes: Math.max(target.hardLimitBytes, bytes.length) }).catch(() => undefined);
    if (stored?.hash === hash) filesAdded += 1;
  }
  return { changed: changed || filesAdded > 0, refused, roomsMerged, roomsSkipped, filesAdded };
}
