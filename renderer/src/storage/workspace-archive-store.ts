/**
 * A workspace on this device to and from its archive (shared/backup):
 * collecting what an export holds, and creating a workspace that is not here
 * yet from an imported one. Merging into a workspace that is here goes
 * through its running sync instead (workspace-import.ts), as changes from the
 * room would.
 *
 * A new workspace is built from the archive's signed changes, never from
 * its state.yjs: each change's signature and document are checked, and the
 * document is their replay (a refused one as its placeholder), so the change
 * log and the document agree and partners can check every change again.
 */
import * as Y from 'yjs';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, documentContent, type ArchivedDocument, type KeptChange, type Manifest, type RoomEntry, type WorkspaceArchive } from '../../../shared/backup/workspace-archive';
import { verifyWithPublicKeyText } from '../../../shared/crypto/identity-keys';
import { ChangeFormatError, openChange } from '../../../shared/sync/signed-changes/change-envelope';
import { refusedPlaceholder } from '../../../shared/sync/signed-changes/refused-placeholder';
import { readDocuments } from '../../../shared/workspace-doc/documents';
import { readFileBlob, storeLocalFile } from '../files/file-store';
import { ROOM_UPDATES_TABLE, WORKSPACE_UPDATES_TABLE, type StroomkringDatabase } from './database';
import { decodeHistorySegment, HistorySegmentError } from '../../../shared/history/history-segment';
import { historySegments } from './history-segment-store';
import { signedChangeStore } from './signed-change-store';
import { withLoadedDoc } from './workspace-store';
import { StroomkringError } from '../../../shared/errors/stroomkring-error';

export type ArchiveImportProblem = 'badChange' | 'alreadyHere' | 'storage';

export class ArchiveImportError extends StroomkringError {
  override readonly name = 'ArchiveImportError';
  constructor(
    readonly problem: ArchiveImportProblem,
    detail: string,
    /** With alreadyHere: the name of the workspace that is already on this device. */
    readonly workspaceName = '',
  ) {
    super(`Workspace import ${problem}: ${detail}`);
  }
}

export interface CollectOptions {
  readonly includeRooms: boolean;
  readonly includeFiles: boolean;
  readonly exportedBy: string;
  readonly now?: number;
}

async function archivedDocument(db: StroomkringDatabase, id: string, doc: Y.Doc): Promise<{ archived: ArchivedDocument; fileHashes: string[] }> {
  const [changes, history] = await Promise.all([signedChangeStore(db, id).load(), historySegments(db, id)]);
  return withLoadedDoc(doc, (loaded) => ({
    archived: { id, changes, history, state: Y.encodeStateAsUpdate(loaded), content: documentContent(loaded) },
    // The room scope reads every sensitivity label, so a workspace's documents are read by it too.
    fileHashes: readDocuments(loaded, 'room').flatMap((result) => (result.ok ? result.value.versions.map((v) => v.hash) : [])),
  }));
}

/** Everything an export of `workspaceId` holds; the files are those the library names and this device holds whole. */
export async function collectArchive(db: StroomkringDatabase, workspaceId: string, options: CollectOptions): Promise<WorkspaceArchive> {
  const [row, access] = await Promise.all([db.workspaces.get(workspaceId), db.workspaceAccess.get(workspaceId)]);
  if (!row || !access) throw new Error(`workspace ${workspaceId} is not on this device`);
  const documents: ArchivedDocument[] = [];
  const hashes = new Set<string>();
  const workspace = await archivedDocument(db, workspaceId, row.doc);
  documents.push(workspace.archived);
  workspace.fileHashes.forEach((hash) => hashes.add(hash));
  const rooms: RoomEntry[] = [];
  if (options.includeRooms) {
    for (const room of await db.rooms.where('workspaceId').equals(workspaceId).toArray()) {
      const roomAccess = await db.roomAccess.get(room.id);
      if (!roomAccess) continue;
      const archived = await archivedDocument(db, room.id, room.doc);
      documents.push(archived.archived);
      archived.fileHashes.forEach((hash) => hashes.add(hash));
      rooms.push({ id: room.id, ...(room.title !== undefined ? { title: room.title } : {}), key: roomAccess.key, peerHubs: [...roomAccess.peerHubs], joinedAt: room.joinedAt });
    }
  }
  const files = new Map<string, Uint8Array>();
  if (options.includeFiles) {
    for (const hash of hashes) {
      const blob = await readFileBlob(db, hash, 'application/octet-stream');
      if (blob) files.set(hash, new Uint8Array(await blob.arrayBuffer()));
    }
  }
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: options.now ?? Date.now(),
    exportedBy: options.exportedBy,
    workspace: { id: row.id, name: row.name, regionId: row.regionId, createdAt: row.createdAt },
    access: { key: access.key, ...(access.founderKey !== undefined ? { founderKey: access.founderKey } : {}), peerHubs: [...access.peerHubs] },
    rooms,
    files: [...files].map(([hash, bytes]) => ({ hash, size: bytes.length })),
  };
  return { manifest, documents, files };
}

/** Checks every change of a document (opens, signed by its signer, for this document) and replays them; throws ArchiveImportError. */
export async function replayChecked(document: ArchivedDocument): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const [index, kept] of document.changes.entries()) {
    let change;
    try {
      change = openChange(kept.bytes);
    } catch (error) {
      throw new ArchiveImportError('badChange', `change ${index + 1} of ${document.id}: ${error instanceof ChangeFormatError ? error.problem : String(error)}`);
    }
    if (change.documentId !== document.id) throw new ArchiveImportError('badChange', `change ${index + 1} of ${document.id} is for another document`);
    if (!(await verifyWithPublicKeyText(change.signer, change.signature, change.signed))) throw new ArchiveImportError('badChange', `change ${index + 1} of ${document.id} is not signed by its signer`);
    Y.applyUpdate(doc, kept.refused ? refusedPlaceholder(change.update) : change.update);
  }
  return doc;
}

/** Every history segment of a document reads, and is of that document; throws ArchiveImportError. */
function checkHistory(document: ArchivedDocument): void {
  for (const [index, segment] of (document.history ?? []).entries()) {
    try {
      decodeHistorySegment(segment, document.id);
    } catch (error) {
      throw new ArchiveImportError('badChange', `history segment ${index + 1} of ${document.id}: ${error instanceof HistorySegmentError ? error.problem : String(error)}`);
    }
  }
}

async function storeChanges(db: StroomkringDatabase, id: string, changes: readonly KeptChange[]): Promise<void> {
  await db.signedChanges.bulkAdd(changes.map(({ bytes, refused }) => (refused ? { documentId: id, bytes, refused: true as const } : { documentId: id, bytes })));
}

/**
 * Creates the archive's workspace (and its rooms) on this device, as it
 * was exported; files are stored after their hash is checked again.
 * Returns what could not be taken (files whose bytes do not match).
 */
export async function createFromArchive(db: StroomkringDatabase, archive: WorkspaceArchive, options: { hardLimitBytes: number; now?: number }): Promise<{ badFiles: string[] }> {
  const { manifest } = archive;
  if (await db.workspaces.get(manifest.workspace.id)) throw new ArchiveImportError('alreadyHere', manifest.workspace.id, manifest.workspace.name);
  const docs = new Map<string, Y.Doc>();
  try {
    for (const document of archive.documents) {
      docs.set(document.id, await replayChecked(document));
      checkHistory(document);
    }
    const now = options.now ?? Date.now();
    const tables = [db.workspaces, db.workspaceAccess, db.rooms, db.roomAccess, db.signedChanges, db.historySegments, db.table(WORKSPACE_UPDATES_TABLE), db.table(ROOM_UPDATES_TABLE)];
    await db.transaction('rw', tables, async () => {
      const { workspace, access } = manifest;
      const withDoc = { id: workspace.id, regionId: workspace.regionId, name: workspace.name, createdAt: workspace.createdAt, lastOpenedAt: now, doc: docs.get(workspace.id) };
      await db.workspaces.add(withDoc as never);
      await db.workspaceAccess.add({ workspaceId: workspace.id, key: access.key, peerHubs: [...access.peerHubs], ...(access.founderKey !== undefined ? { founderKey: access.founderKey } : {}) });
      for (const room of manifest.rooms) {
        const roomDoc = { id: room.id, workspaceId: workspace.id, joinedAt: room.joinedAt, ...(room.title !== undefined ? { title: room.title } : {}), doc: docs.get(room.id) };
        await db.rooms.add(roomDoc as never);
        await db.roomAccess.add({ roomId: room.id, workspaceId: workspace.id, key: room.key, peerHubs: [...room.peerHubs] });
      }
      for (const document of archive.documents) {
        await storeChanges(db, document.id, document.changes);
        await db.historySegments.bulkAdd((document.history ?? []).map((bytes) => ({ documentId: document.id, bytes })));
      }
    });
  } finally {
    for (const doc of docs.values()) doc.destroy();
  }
  const badFiles: string[] = [];
  for (const [hash, bytes] of archive.files) {
    const stored = await storeLocalFile(db, new File([bytes as Uint8Array<ArrayBuffer>], hash), { hardLimitBytes: Math.max(options.hardLimitBytes, bytes.length) }).catch(() => undefined);
    if (stored?.hash !== hash) badFiles.push(hash);
  }
  return { badFiles };
}
