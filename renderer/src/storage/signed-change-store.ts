import type { ChangeStore } from '../../../shared/sync/signed-changes/signed-change-log';
import type { StroomkringDatabase } from './database';

/** The signed changes of one document (workspace or room), in the order this device took them. */
export function signedChangeStore(db: StroomkringDatabase, documentId: string): ChangeStore {
  return {
    load: async () => (await db.signedChanges.where('documentId').equals(documentId).sortBy('seq')).map(({ bytes, refused }) => ({ bytes, refused: refused === true })),
    append: async (changes) => {
      await db.signedChanges.bulkAdd(changes.map(({ bytes, refused }) => (refused ? { documentId, bytes, refused: true } : { documentId, bytes })));
    },
  };
}
