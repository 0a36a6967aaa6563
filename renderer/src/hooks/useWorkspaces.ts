import { useLiveQuery } from 'dexie-react-hooks';
import type { WorkspaceRecord } from '../../../shared/domain/workspace';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';
import { useDatabase } from '../contexts/database-context';
import { listWorkspaces } from '../storage/workspace-store';

/** Undefined while loading. */
export function useWorkspaces(): ReadResult<WorkspaceRecord>[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => listWorkspaces(db), [db]);
}
