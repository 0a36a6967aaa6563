import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sealWorkspaceFile } from '../../../shared/backup/workspace-file';
import { writeArchive } from '../../../shared/backup/workspace-archive';
import type { WorkspaceRecord } from '../../../shared/domain/workspace';
import { useDatabase } from '../contexts/database-context';
import { loadFileSettings } from '../files/file-settings-store';
import { formatByteSize } from '../i18n/format-bytes';
import { downloadBlob } from '../host/web-host';
import type { RoomSyncRegistry } from '../rooms/room-syncs';
import { BACKUP_INTERVALS_HOURS, BACKUP_KEEP_BOUNDS, BackupSettingsSchema, DEFAULT_BACKUP_SETTINGS, listBackups, loadBackupSettings, makeBackup, pruneBackups, readBackup, saveBackupSettings, type BackupListing } from '../storage/backup-store';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';
import { backupProblemText } from './backup-problem';
import { workspaceFileName } from './ExportWorkspaceModal';
import { sealOfflineWork } from './seal-offline';
import { mergeArchive } from './workspace-import';
import { dateFormatter } from '../i18n/format-date';

/** The open workspace's automatic backups: how often and how many, made now on request, restored (merged) or saved as a file. */
export function BackupsModal({ workspace, exportedBy, sync, rooms, onClose }: { workspace: WorkspaceRecord; exportedBy: string; sync: WorkspaceSync | undefined; rooms: RoomSyncRegistry; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const settings = useLiveQuery(() => loadBackupSettings(db), [db]) ?? DEFAULT_BACKUP_SETTINGS;
  const backups = useLiveQuery(() => listBackups(db, workspace.id), [db, workspace.id]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ color: 'teal' | 'red'; lines: string[] }>();
  const dateFormat = dateFormatter('moment', i18n.resolvedLanguage);

  const act = async (action: () => Promise<string[]>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage({ color: 'teal', lines: await action() });
    } catch (error) {
      console.error('Backup action failed', error);
      setMessage({ color: 'red', lines: [backupProblemText(t, error)] });
    } finally {
      setBusy(false);
    }
  };

  const save = (next: typeof settings) => {
    const parsed = BackupSettingsSchema.safeParse(next);
    if (!parsed.success) return;
    void saveBackupSettings(db, parsed.data)
      .then(() => pruneBackups(db, workspace.id, parsed.data.keep))
      .catch((error: unknown) => setMessage({ color: 'red', lines: [backupProblemText(t, error)] }));
  };

  const backUpNow = () =>
    act(async () => {
      await sealOfflineWork(sync, rooms);
      await makeBackup(db, workspace.id, { exportedBy, keep: settings.keep });
      return [t('backup.backupMade')];
    });

  const restore = (backup: BackupListing) =>
    act(async () => {
      if (!sync) throw new Error('the workspace is still starting its sync');
      const { hardLimitBytes } = await loadFileSettings(db);
      const outcome = await mergeArchive(db, await readBackup(db, backup.id), { sync, room: (roomId) => rooms.get(roomId)?.instance, hardLimitBytes });
      return [outcome.changed ? t('backup.merged', { name: workspace.name }) : t('backup.mergedNothing')];
    });

  const saveAsFile = (backup: BackupListing) =>
    act(async () => {
      const archive = await readBackup(db, backup.id);
      const file = await sealWorkspaceFile(writeArchive(archive), { kind: 'workspaceKey', key: archive.manifest.access.key });
      const fileName = workspaceFileName(workspace.name || workspace.regionId, new Date(backup.at));
      downloadBlob(new Blob([file as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), fileName);
      return [t('backup.exported', { fileName, size: formatByteSize(file.length, i18n.resolvedLanguage) })];
    });

  return (
    <Modal opened onClose={onClose} title={t('backup.backupsTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('backup.backupsIntro')}</Text>
        <Group align="flex-end">
          <Select
            label={t('backup.interval')}
            data={BACKUP_INTERVALS_HOURS.map((hours) => ({ value: String(hours), label: t(`backup.intervals.${hours}`) }))}
            value={String(settings.intervalHours)}
            onChange={(value) => value !== null && save({ ...settings, intervalHours: Number(value) as typeof settings.intervalHours })}
            allowDeselect={false}
            w={180}
          />
          <NumberInput label={t('backup.keep')} min={BACKUP_KEEP_BOUNDS.min} max={BACKUP_KEEP_BOUNDS.max} value={settings.keep} onChange={(value) => typeof value === 'number' && save({ ...settings, keep: value })} w={160} />
          <Button onClick={() => void backUpNow()} loading={busy}>
            {t('backup.backupNow')}
          </Button>
        </Group>
        {message && (
          <Alert color={message.color} role={message.color === 'red' ? 'alert' : 'status'}>
            {message.lines.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Alert>
        )}
        {backups && backups.length === 0 && <Text c="dimmed">{t('backup.backupsNone')}</Text>}
        {backups && backups.length > 0 && (
          <Table aria-label={t('backup.backupsList')}>
            <Table.Tbody>
              {backups.map((backup) => {
                const date = dateFormat.format(backup.at);
                return (
                  <Table.Tr key={backup.id}>
                    <Table.Td>{t('backup.backupAt', { date, size: formatByteSize(backup.size, i18n.resolvedLanguage) })}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end">
                        <Button size="xs" variant="default" disabled={busy} onClick={() => void restore(backup)} aria-label={t('backup.restoreBackupLabel', { date })}>
                          {t('backup.restoreBackup')}
                        </Button>
                        <Button size="xs" variant="subtle" disabled={busy} onClick={() => void saveAsFile(backup)} aria-label={t('backup.saveBackupLabel', { date })}>
                          {t('backup.saveBackup')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('backup.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
