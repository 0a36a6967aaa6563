import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TransferProblem } from './download';
import { formatByteSize } from '../i18n/format-bytes';
import { useFileState } from './useFileState';

export interface FileStatusProps {
  readonly hash: string;
  readonly size: number;
  /** The document's title, for accessible names ("Voortgang van …"). */
  readonly title: string;
}

const PROBLEM_KEYS = {
  mismatch: 'files.problemMismatch',
  'disk-full': 'files.problemDiskFull',
  storage: 'files.problemStorage',
} as const satisfies Record<TransferProblem, string>;

/** What this device holds of one file: complete and verified, or progress, waiting, problems and a way to fetch it. */
export function FileStatus({ hash, size, title }: FileStatusProps) {
  const { t, i18n } = useTranslation();
  const state = useFileState(hash, size);
  const format = (bytes: number) => formatByteSize(bytes, i18n.language);

  if (state.local === 'complete') {
    return (
      <Group gap={6} data-testid="file-status">
        <IconCircleCheck size={16} color="var(--mantine-color-teal-9)" aria-hidden />
        {/* teal.9: green.8 (#2f9e44) is 3.4:1 on white, below WCAG AA. */}
        <Text size="sm" c="teal.9">
          {t('files.complete')}
        </Text>
      </Group>
    );
  }

  const { transfer } = state;
  const percent = size > 0 ? Math.floor((state.receivedBytes / size) * 100) : 0;
  const showProgress = transfer !== undefined || state.local === 'partial';
  const canFetch = transfer === undefined || transfer.phase === 'failed';
  const amounts = { received: format(state.receivedBytes), size: format(size) };
  let text: string;
  if (!transfer) text = state.local === 'partial' ? t('files.partial', amounts) : t('files.missing', { size: format(size) });
  else if (transfer.phase === 'waiting-for-peer') text = t('files.waitingForPeer');
  else if (transfer.phase === 'verifying') text = t('files.verifying');
  else if (transfer.phase === 'failed') text = t('files.partial', amounts);
  else text = t('files.receiving', amounts);

  return (
    <Stack gap={4} data-testid="file-status">
      {showProgress && <Progress value={percent} aria-label={t('files.progressLabel', { title })} size="sm" animated={transfer?.phase === 'receiving'} />}
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {text}
        </Text>
        {canFetch && (
          <Button size="compact-sm" variant="default" leftSection={<IconDownload size={14} aria-hidden />} onClick={state.request}>
            {t('files.fetch')}
          </Button>
        )}
      </Group>
      {transfer?.problem && (
        <Alert color={transfer.problem === 'mismatch' ? 'orange' : 'red'} p="xs" role="alert">
          <Text size="sm">{t(PROBLEM_KEYS[transfer.problem])}</Text>
        </Alert>
      )}
    </Stack>
  );
}
