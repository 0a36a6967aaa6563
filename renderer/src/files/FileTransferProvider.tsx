import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import type { LibraryScope } from '../../../shared/workspace-doc/documents';
import type { WorkspaceSync } from '../sync/workspace-sync';

export interface FileTransferProviderProps {
  /** The document whose library decides what may be served and fetched. */
  readonly doc: Y.Doc;
  readonly scope: LibraryScope;
  /** The sync whose peer connections carry the file channel; undefined while starting or failed. */
  readonly sync: WorkspaceSync | undefined;
  readonly children: ReactNode;
}

/** Interface stub: runs file transfer for one library while mounted. */
export function FileTransferProvider({ children }: FileTransferProviderProps) {
  return <>{children}</>;
}
