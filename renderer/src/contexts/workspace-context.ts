import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { WorkspaceRecord } from '../../../shared/domain/workspace';
import type { Identity } from '../storage/identity-store';
import type { WorkspaceSyncState } from '../sync/useWorkspaceSync';
import type { WorkspaceMembership } from '../../../shared/membership/workspace-membership';

/** What every panel of an open workspace reads: its record, its shared document, who is using it, and its sync. */
export interface WorkspaceContextValue {
  readonly record: WorkspaceRecord;
  readonly doc: Y.Doc;
  readonly identity: Identity;
  readonly sync: WorkspaceSyncState;
  /** Who belongs, proven by signed records (shared/membership); undefined while it loads. */
  readonly membership: WorkspaceMembership | undefined;
  /** When this user last had the workspace open before now (undefined on the first visit). */
  readonly previousVisitAt: number | undefined;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace() outside an open workspace');
  return value;
}
