import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconClockHour4, IconFileExport, IconFileImport, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { WorkspaceRecord } from '../../../shared/domain/workspace';
import type { RoomSyncRegistry } from '../rooms/room-syncs';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';
import { DialogSuspense, lazyNamed } from '../components/lazy-screen';
import { sealOfflineWork } from './seal-offline';

// The workspace file's code (age encryption, the archive) loads only when a dialog opens.
const ExportWorkspaceModal = lazyNamed(() => import('./ExportWorkspaceModal'), 'ExportWorkspaceModal');
const ImportWorkspaceModal = lazyNamed(() => import('./ImportWorkspaceModal'), 'ImportWorkspaceModal');
const BackupsModal = lazyNamed(() => import('./BackupsModal'), 'BackupsModal');

/** The open workspace's own actions: its history, and the workspace as a file (export, read in). */
export function WorkspaceMenu({ workspace, exportedBy, sync, rooms }: { workspace: WorkspaceRecord; exportedBy: string; sync: WorkspaceSync | undefined; rooms: RoomSyncRegistry }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [dialog, setDialog] = useState<'export' | 'import' | 'backups' | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
            {t('workspaces.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={() => navigate('/geschiedenis')}>
            {t('history.title')}
          </Menu.Item>
          <Menu.Item leftSection={<IconFileExport size={16} aria-hidden />} onClick={() => setDialog('export')}>
            {t('backup.menuExport')}
          </Menu.Item>
          <Menu.Item leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setDialog('import')}>
            {t('backup.menuImport')}
          </Menu.Item>
          <Menu.Item leftSection={<IconClockHour4 size={16} aria-hidden />} onClick={() => setDialog('backups')}>
            {t('backup.menuBackups')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <DialogSuspense>
        {dialog === 'export' && <ExportWorkspaceModal workspace={workspace} exportedBy={exportedBy} sealOffline={() => sealOfflineWork(sync, rooms)} onClose={close} />}
        {dialog === 'backups' && <BackupsModal workspace={workspace} exportedBy={exportedBy} sync={sync} rooms={rooms} onClose={close} />}
        {dialog === 'import' && <ImportWorkspaceModal target={{ kind: 'open', workspace, sync, rooms }} onClose={close} />}
      </DialogSuspense>
    </>
  );
}
