import type * as Y from 'yjs';
import { sign, verifyWithPublicKeyText, type IdentityKeys } from '../../crypto/identity-keys';
import { historySegmentOf } from '../../history/history-segment';
import { SignedChangeLog, type ChangeStore, type StoredChange } from './signed-change-log';

export interface MemoryChangeStore extends ChangeStore {
  readonly rows: StoredChange[];
  /** What each compaction kept as history, as the app's store writes it (renderer/src/storage/signed-change-store.ts). */
  readonly segments: Uint8Array[];
}

/** A change store in memory for tests and benchmarks, compacting as the app's does. */
export function memoryChangeStore(documentId: string, initial: readonly StoredChange[] = []): MemoryChangeStore {
  const rows = [...initial];
  const segments: Uint8Array[] = [];
  return {
    rows,
    segments,
    load: async () => [...rows],
    append: async (changes) => {
      rows.push(...changes);
    },
    compact: async (covered) => {
      const dropping = new Set(covered.map((c) => c.bytes));
      rows.splice(0, rows.length, ...rows.filter((row) => !dropping.has(row.bytes)));
      const segment = historySegmentOf(documentId, covered);
      if (segment) segments.push(segment);
    },
  };
}

/** A change log of an open workspace (every signer stands; no founder), opened over `store`, for store tests. */
export async function openWorkspaceLog(doc: Y.Doc, documentId: string, signer: IdentityKeys, store: ChangeStore): Promise<SignedChangeLog> {
  const log = new SignedChangeLog(doc, {
    documentId,
    kind: 'workspace',
    signer: { publicKeyB64: signer.publicKeyB64, sign: (message) => sign(signer.privateKey, message) },
    standingOf: async () => ({ kind: 'open' }),
    founderKey: () => null,
    verify: verifyWithPublicKeyText,
    store,
  });
  await log.open();
  return log;
}
