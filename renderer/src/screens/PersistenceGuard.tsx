import { Alert, Button, Group, Text } from '@mantine/core';
import type { DexieYProvider } from 'y-dexie';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useDatabase } from '../contexts/database-context';
import { saveDocumentState } from '../storage/save-document-state';
import { classifyStorageError } from '../storage/storage-errors';

/**
 * y-dexie stores each document change in the background and reports a failed
 * write only as a provider 'error' event. This turns that into a visible,
 * persistent warning with a way to save everything again, so a full disk
 * costs nothing as long as the user frees space before closing the app.
 */
export function PersistenceGuard({ provider, doc, workspaceId }: { provider: DexieYProvider; doc: Y.Doc; workspaceId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const onError = (error: unknown) => {
      console.error('Workspace document could not be stored', error);
      setFailure(error);
    };
    provider.on('error', onError);
    return () => provider.off('error', onError);
  }, [provider]);

  if (failure === null) return null;
  const quota = classifyStorageError(failure) === 'quota';

  const retry = () => {
    setSaving(true);
    saveDocumentState(db, workspaceId, doc).then(
      () => {
        setFailure(null);
        setSaving(false);
      },
      (error: unknown) => {
        setFailure(error);
        setSaving(false);
      },
    );
  };

  return (
    <Alert color="red" role="alert" title={t('storage.unsavedTitle')}>
      <Text size="sm">{quota ? t('storage.unsavedQuota') : t('storage.unsavedOther')}</Text>
      <Group mt="sm">
        <Button size="xs" color="red" onClick={retry} loading={saving}>
          {t('storage.saveAgain')}
        </Button>
      </Group>
    </Alert>
  );
}
