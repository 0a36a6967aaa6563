import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../contexts/database-context';
import { loadFileSettings } from '../files/file-settings-store';
import { listBackups, readBackup, type BackupListing } from '../storage/backup-store';
import { createFromArchive } from '../storage/workspace-archive-store';
import { backupProblemText } from './backup-problem';
import { dateFormatter } from '../i18n/format-date';

/** On the start screen: the newest backup of each workspace that is no longer on this device, to put it back. */
export function OrphanedBackups({ onRestored }: { onRestored: (workspaceId: string) => void }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const orphaned = useLiveQuery(async () => {
    const here = new Set(await db.workspaces.toCollection().primaryKeys());
    const newest = new Map<string, BackupListing>();
    for (const backup of await listBackups(db)) if (!here.has(backup.workspaceId) && !newest.has(backup.workspaceId)) newest.set(backup.workspaceId, backup);
    return [...newest.values()];
  }, [db]);
  if (!orphaned || orphaned.length === 0) return null;
  const dateFormat = dateFormatter('moment', i18n.resolvedLanguage);

  const restore = async (backup: BackupListing) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const { hardLimitBytes } = await loadFileSettings(db);
      await createFromArchive(db, await readBackup(db, backup.id), { hardLimitBytes });
      onRestored(backup.workspaceId);
    } catch (error) {
      console.error('Restoring a backup failed', error);
      setProblem(backupProblemText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="orphaned-backups">
      <Stack gap="xs">
        <Title order={2} size="h4" id="orphaned-backups">
          {t('backup.orphanedTitle')}
        </Title>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {orphaned.map((backup) => {
          const date = dateFormat.format(backup.at);
          return (
            <Group key={backup.id} justify="space-between">
              <Text>{t('backup.orphanedRow', { name: backup.workspaceName, date })}</Text>
              <Button size="xs" variant="default" loading={busy} onClick={() => void restore(backup)} aria-label={t('backup.restoreBackupLabel', { date })}>
                {t('backup.restoreBackup')}
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
