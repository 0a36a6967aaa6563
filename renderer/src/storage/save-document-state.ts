import * as Y from 'yjs';
import { WORKSPACE_UPDATES_TABLE, type StroomkringDatabase } from './database';

/**
 * Writes the whole in-memory state of a workspace document as one update row.
 * Used after y-dexie failed to store an incremental update (disk full): the
 * document in memory still has every change, and this puts all of it on disk
 * in one go. Duplicate content is harmless; Yjs ignores what it already has.
 */
export async function saveDocumentState(db: StroomkringDatabase, workspaceId: string, doc: Y.Doc): Promise<void> {
  await db.table(WORKSPACE_UPDATES_TABLE).add({ k: workspaceId, u: Y.encodeStateAsUpdateV2(doc), f: 1 });
}
