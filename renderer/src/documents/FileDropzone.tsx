import { Button, Group, Paper, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useDropzone } from 'react-dropzone';
import { useTranslation } from 'react-i18next';
import { formatByteSize } from '../i18n/format-bytes';

/**
 * Drop a file, or pick one: the hidden <input type="file"> carries the name
 * "Bestand kiezen" (the UI contract), the visible button opens the same
 * dialog, so it works by mouse, keyboard and drag-and-drop alike.
 */
export function FileDropzone({ file, onFile, disabled }: { file: File | undefined; onFile: (file: File) => void; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    multiple: false,
    noClick: true,
    noKeyboard: true,
    disabled,
    onDrop: (accepted) => {
      const first = accepted[0];
      if (first) onFile(first);
    },
  });
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      style={{ borderStyle: 'dashed', background: isDragActive ? 'var(--mantine-color-blue-light)' : undefined }}
      {...getRootProps()}
    >
      <input {...getInputProps({ 'aria-label': t('documents.chooseFile') })} />
      <Group gap="sm" justify="center">
        <IconUpload size={20} aria-hidden />
        <Text size="sm">{isDragActive ? t('documents.dropActive') : t('documents.dropHere')}</Text>
        <Button size="xs" variant="default" onClick={open} disabled={disabled}>
          {t('documents.browse')}
        </Button>
      </Group>
      {file && (
        <Text size="sm" ta="center" mt="xs" fw={500}>
          {t('documents.chosen', { name: file.name, size: formatByteSize(file.size, i18n.resolvedLanguage) })}
        </Text>
      )}
    </Paper>
  );
}
