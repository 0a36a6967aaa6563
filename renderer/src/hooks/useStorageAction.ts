import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyStorageError } from '../storage/storage-errors';

/**
 * Runs a write; on failure tells the user what happened and resolves false,
 * so the caller keeps its form open and the typed input is not lost.
 */
export function useStorageAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      try {
        await action();
        return true;
      } catch (error) {
        console.error('Storage write failed', error);
        const quota = classifyStorageError(error) === 'quota';
        notifications.show({
          color: 'red',
          title: t('storage.saveFailed'),
          message: quota ? t('storage.saveFailedQuota') : t('storage.saveFailedOther'),
          autoClose: false,
        });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { run, busy };
}
