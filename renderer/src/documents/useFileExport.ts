import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentVersion } from '../../../shared/workspace-doc/documents';
import { useDatabase } from '../contexts/database-context';
import { readFileBlob } from '../files/file-store';
import { hostKindOnce, openWithSystem, saveCopy, type ExportResult } from './export-file';

/** The host kind once known; undefined while asking. */
export function useHostKind(): 'electron' | 'web' | undefined {
  const [kind, setKind] = useState<'electron' | 'web' | undefined>();
  useEffect(() => {
    let live = true;
    hostKindOnce()
      .then((value) => live && setKind(value))
      .catch((error: unknown) => console.warn('Host info unavailable', error));
    return () => {
      live = false;
    };
  }, []);
  return kind;
}

/** Save a copy / open with the system's app for one version, with the outcome told to the user. */
export function useFileExport() {
  const { t } = useTranslation();
  const db = useDatabase();
  const [busy, setBusy] = useState<string | undefined>();

  const run = useCallback(
    async (how: 'save' | 'open', version: DocumentVersion) => {
      setBusy(version.hash);
      try {
        const blob = await readFileBlob(db, version.hash, 'application/octet-stream');
        const result: ExportResult = blob ? await (how === 'save' ? saveCopy : openWithSystem)(blob, version.fileName) : { ok: false, problem: 'failed' };
        if (!blob) notifications.show({ color: 'red', message: t('documents.exportFailed.missing') });
        else if (result.ok) notifications.show({ message: t(how === 'save' ? 'documents.exported' : 'documents.openedWithSystem', { name: version.fileName }) });
        else if (result.problem !== 'cancelled') notifications.show({ color: 'red', message: t(`documents.exportFailed.${result.problem}`), autoClose: false });
      } catch (error) {
        console.error('Exporting a file failed', error);
        notifications.show({ color: 'red', message: t('documents.exportFailed.failed'), autoClose: false });
      } finally {
        setBusy(undefined);
      }
    },
    [db, t],
  );
  return { run, busy };
}
