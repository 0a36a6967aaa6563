import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { LibraryScope } from '../../../shared/workspace-doc/documents';
import { useDatabase } from '../contexts/database-context';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';
import { FileService } from './file-service';
import { FileServiceContext } from './file-service-context';
import { loadFileSettings } from './file-settings-store';

export interface FileTransferProviderProps {
  /** The document whose library decides what may be served and fetched. */
  readonly doc: Y.Doc;
  readonly scope: LibraryScope;
  /** The sync whose peer connections carry the file channel; undefined while starting or failed. */
  readonly sync: WorkspaceSync | undefined;
  readonly children: ReactNode;
}

/** Runs file transfer for one library while mounted: one service, on the peer connections of that library's own sync. */
export function FileTransferProvider({ doc, scope, sync, children }: FileTransferProviderProps) {
  const { t } = useTranslation();
  const db = useDatabase();
  const settings = useLiveQuery(() => loadFileSettings(db), [db]);
  const [service, setService] = useState<FileService>();

  useEffect(() => {
    const started = new FileService({ db, doc, scope });
    let live = true;
    // Published once it has read the library, so the first state the UI sees is a real one.
    started.ready.then(
      () => live && setService(started),
      (error: unknown) => console.error('File transfer could not start', error),
    );
    return () => {
      live = false;
      started.destroy();
      setService(undefined);
    };
  }, [db, doc, scope]);

  useEffect(() => {
    if (service && settings) service.setSettings(settings);
  }, [service, settings]);

  useEffect(() => {
    if (!service || !sync) return;
    return sync.onPeerConnection((pc) => service.attachPeerConnection(pc));
  }, [service, sync]);

  // A refused transfer is also shown on the file itself; the notice reaches a user looking elsewhere.
  useEffect(() => {
    if (!service) return;
    const noticed = new Set<string>();
    return service.onMismatch((hash) => {
      if (noticed.has(hash)) return;
      noticed.add(hash);
      notifications.show({ color: 'orange', title: t('files.mismatchNotice'), message: t('files.problemMismatch') });
    });
  }, [service, t]);

  return <FileServiceContext.Provider value={service}>{children}</FileServiceContext.Provider>;
}
