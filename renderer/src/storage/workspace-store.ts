import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { WorkspaceRecordSchema, type WorkspaceRecord } from '../../../shared/domain/workspace';
import { generateWorkspaceKey } from '../../../shared/invite/workspace-key';
import { initialiseMeta } from '../../../shared/workspace-doc/meta';
import { readOrganisations } from '../../../shared/workspace-doc/organisations';
import { readWith, type ReadResult } from '../../../shared/workspace-doc/read-result';
import { errorDetail } from '../../../shared/errors/stroomkring-error';
import { deleteChangesOf, deleteRoomsOfWorkspace } from './room-store';
import { ROOM_UPDATES_TABLE, WORKSPACE_UPDATES_TABLE, type StroomkringDatabase, type WorkspaceAccessRow, type WorkspaceRow } from './database';

function toRecord(row: WorkspaceRow): ReadResult<WorkspaceRecord> {
  const { id, regionId, name, createdAt, lastOpenedAt } = row;
  return readWith(WorkspaceRecordSchema, String(id), { id, regionId, name, createdAt, lastOpenedAt });
}

/** All workspaces on this device, most recently opened first; unreadable ones are listed as damaged. */
export async function listWorkspaces(db: StroomkringDatabase): Promise<ReadResult<WorkspaceRecord>[]> {
  const rows = await db.workspaces.toArray();
  return rows.map(toRecord).sort((a, b) => (b.ok ? b.value.lastOpenedAt : 0) - (a.ok ? a.value.lastOpenedAt : 0));
}

export async function getWorkspace(db: StroomkringDatabase, id: string): Promise<{ record: ReadResult<WorkspaceRecord>; row: WorkspaceRow } | undefined> {
  const row = await db.workspaces.get(id);
  return row ? { record: toRecord(row), row } : undefined;
}

/**
 * Adds a workspace row with its initial document and its access row in one
 * transaction. y-dexie accepts an initial Y.Doc on add() and stores its state
 * with the row (so a full disk fails here, visibly); Dexie's InsertType omits
 * Y.Doc properties, hence the widened type. The caller's doc is only copied.
 */
export async function insertWorkspace(db: StroomkringDatabase, row: Omit<WorkspaceRow, 'doc'>, doc: Y.Doc, access: WorkspaceAccessRow): Promise<void> {
  const withDoc: Omit<WorkspaceRow, 'doc'> & { doc: Y.Doc } = { ...row, doc };
  await db.transaction('rw', db.workspaces, db.workspaceAccess, db.table(WORKSPACE_UPDATES_TABLE), async () => {
    await db.workspaces.add(withDoc as Omit<WorkspaceRow, 'doc'>);
    await db.workspaceAccess.add(access);
  });
}

/** `founderKey`: the creator's public key; the creator is the workspace's first proven member (shared/membership). */
export async function createWorkspace(db: StroomkringDatabase, input: { regionId: string; name: string }, founderKey: string, now = Date.now()): Promise<string> {
  const id = crypto.randomUUID();
  const doc = new Y.Doc();
  initialiseMeta(doc, { workspaceId: id, regionId: input.regionId, createdAt: now });
  try {
    await insertWorkspace(db, { id, regionId: input.regionId, name: input.name, createdAt: now, lastOpenedAt: now }, doc, { workspaceId: id, key: generateWorkspaceKey(), peerHubs: [], founderKey });
  } finally {
    doc.destroy();
  }
  return id;
}

export async function renameWorkspace(db: StroomkringDatabase, id: string, name: string): Promise<void> {
  await db.workspaces.update(id, { name });
}

export async function markWorkspaceOpened(db: StroomkringDatabase, id: string, now = Date.now()): Promise<void> {
  await db.workspaces.update(id, { lastOpenedAt: now });
}

/** Removes the workspace, its confidential rooms and every stored update of their documents, in one transaction. */
export async function deleteWorkspace(db: StroomkringDatabase, id: string): Promise<void> {
  const updates = db.table(WORKSPACE_UPDATES_TABLE);
  await db.transaction('rw', [db.workspaces, db.workspaceAccess, updates, db.rooms, db.roomAccess, db.table(ROOM_UPDATES_TABLE), db.signedChanges, db.historySegments], async () => {
    await updates.where('k').equals(id).delete();
    await deleteChangesOf(db, [id]);
    await db.workspaces.delete(id);
    await db.workspaceAccess.delete(id);
    await deleteRoomsOfWorkspace(db, id);
  });
}

/** Runs `act` on a stored document once y-dexie has loaded it, and releases it again (for work outside an open workspace). */
export async function withLoadedDoc<T>(doc: Y.Doc, act: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const provider = DexieYProvider.load(doc);
  try {
    await provider.whenLoaded;
    return await act(doc);
  } finally {
    DexieYProvider.release(doc);
  }
}

/** What a workspace holds, for the delete confirmation; null when its content cannot be read. */
export async function summariseWorkspace(db: StroomkringDatabase, id: string): Promise<{ organisations: number } | null> {
  const row = await db.workspaces.get(id);
  if (!row) return null;
  return withLoadedDoc(row.doc, (doc) => ({ organisations: readOrganisations(doc).length })).catch(() => null);
}

/**
 * What to tell the user when a stored document does not load. y-dexie, as
 * patched (patches/y-dexie+4.4.0.patch), applies the stored changes once, in
 * order, and rejects `whenLoaded` with the position of the first one that
 * does not apply. Unpatched, such a row left its loader hanging, so opening
 * applied every change to a scratch document first: the state twice on
 * every opening (on a large workspace, a tenth of a second and more).
 */
export function storedDocumentProblem(error: unknown): string {
  const { updateIndex, updateCount, cause } = (typeof error === 'object' && error !== null ? error : {}) as { updateIndex?: unknown; updateCount?: unknown; cause?: unknown };
  if (typeof updateIndex === 'number' && typeof updateCount === 'number') return `stored change ${updateIndex + 1}/${updateCount} cannot be decoded (${String(cause)})`;
  return errorDetail(error);
}
