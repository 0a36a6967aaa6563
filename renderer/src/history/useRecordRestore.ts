import { useCallback } from 'react';
import type * as Y from 'yjs';
import { refusedRestore, restoreRecords, type RecordRef } from '../../../shared/history/record-restore';
import type { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import type { DocumentKind } from '../../../shared/rules/write-rules';

export interface RestoreOutcome {
  readonly written: RecordRef[];
  /** Records the write rules would refuse this member to restore: left alone. */
  readonly refused: RecordRef[];
}

/**
 * Restores records of the open document from an earlier state, each as its
 * own change, after asking the write rules whether partners would take it:
 * a refused one is left alone and reported, the rest go through.
 */
export function useRecordRestore(doc: Y.Doc, membership: WorkspaceMembership | undefined, kind: DocumentKind) {
  return useCallback(
    async (source: Y.Doc, records: readonly RecordRef[]): Promise<RestoreOutcome> => {
      const standing = membership ? await membership.standingOf(membership.selfKey) : { kind: 'open' as const };
      const written: RecordRef[] = [];
      const refused: RecordRef[] = [];
      for (const record of records) {
        const act = (target: Y.Doc) => void restoreRecords(target, source, [record]);
        const allowed = standing.kind === 'open' || (standing.kind === 'member' && refusedRestore(doc, act, standing.author, kind).length === 0);
        if (!allowed) refused.push(record);
        else written.push(...restoreRecords(doc, source, [record]));
      }
      return { written, refused };
    },
    [doc, membership, kind],
  );
}
