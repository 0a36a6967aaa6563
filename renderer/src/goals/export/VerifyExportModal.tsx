import { Alert, Button, Group, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useDropzone } from 'react-dropzone';
import { useTranslation } from 'react-i18next';
import { ExportRecordError, type ExportRecordProblem } from '../../../../shared/goals/export-record';
import type { ExportFileCheck } from '../../../../shared/goals/read-export-file';
import { VerifyResult } from './VerifyResult';

/** Same cap as the command line (shared/goals/read-export-file.ts), checked before the file is read into memory. */
const MAX_FILE_MB = 20;

type State =
  | { readonly phase: 'idle' }
  | { readonly phase: 'checking'; readonly name: string }
  | { readonly phase: 'done'; readonly name: string; readonly check: ExportFileCheck }
  | { readonly phase: 'failed'; readonly name: string; readonly problem: ExportRecordProblem | 'failed' };

async function checkFile(file: File): Promise<State> {
  if (file.size > MAX_FILE_MB * 1024 * 1024) return { phase: 'failed', name: file.name, problem: 'tooLarge' };
  try {
    // The reader brings pdf-lib; it loads when someone checks a file, not with the app.
    const { checkExportFile } = await import('../../../../shared/goals/read-export-file');
    const check = await checkExportFile(new Uint8Array(await file.arrayBuffer()));
    return { phase: 'done', name: file.name, check };
  } catch (error) {
    if (error instanceof ExportRecordError) return { phase: 'failed', name: file.name, problem: error.problem };
    console.error('Checking an export failed', error);
    return { phase: 'failed', name: file.name, problem: 'failed' };
  }
}

/** Pick or drop an exported goal file; every signature in it is checked here, offline. */
export function VerifyExportModal({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ phase: 'idle' });
  // A second file picked while the first is still being checked wins; the first answer is dropped.
  const latest = useRef(0);

  const onFile = (file: File) => {
    const run = ++latest.current;
    setState({ phase: 'checking', name: file.name });
    void checkFile(file).then((next) => {
      if (run === latest.current) setState(next);
    });
  };

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    multiple: false,
    noClick: true,
    noKeyboard: true,
    onDrop: (accepted) => {
      const first = accepted[0];
      if (first) onFile(first);
    },
  });

  return (
    <Modal opened onClose={onClose} title={t('goalExport.verify.title')} size="xl">
      <Stack>
        <Text size="sm">{t('goalExport.verify.intro')}</Text>
        <Paper withBorder p="md" radius="md" style={{ borderStyle: 'dashed', background: isDragActive ? 'var(--mantine-color-blue-light)' : undefined }} {...getRootProps()}>
          <input {...getInputProps({ 'aria-label': t('goalExport.verify.chooseFile') })} />
          <Group gap="sm" justify="center">
            <IconUpload size={20} aria-hidden />
            <Text size="sm">{isDragActive ? t('goalExport.verify.dropActive') : t('goalExport.verify.dropHere')}</Text>
            <Button size="xs" variant="default" onClick={open}>
              {state.phase === 'idle' ? t('goalExport.verify.browse') : t('goalExport.verify.another')}
            </Button>
          </Group>
        </Paper>
        <div aria-live="polite">
          {state.phase === 'checking' && (
            <Group gap="xs">
              <Loader size="sm" aria-hidden />
              <Text size="sm">{t('goalExport.verify.checking')}</Text>
            </Group>
          )}
          {state.phase === 'failed' && (
            <Alert color="red" role="alert" title={state.name}>
              {t(`goalExport.verify.problems.${state.problem}`, { limit: MAX_FILE_MB })}
            </Alert>
          )}
        </div>
        {state.phase === 'done' && <VerifyResult check={state.check} fileName={state.name} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('goalExport.verify.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
