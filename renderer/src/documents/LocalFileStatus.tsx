import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFileState } from '../files/useFileState';

/**
 * TODO(files): stands in for <FileStatus hash size title /> from
 * renderer/src/files/FileStatus.tsx until the file-transfer work provides it
 * (progress bar, "Ophalen", status text); swap the import in DocumentCard then.
 */
export function LocalFileStatus({ hash, size }: { hash: string; size: number; title: string }) {
  const { t } = useTranslation();
  const state = useFileState(hash, size);
  return (
    <Text size="xs" c="dimmed">
      {state.local === 'complete' ? t('documents.here') : t('documents.notHere')}
    </Text>
  );
}
