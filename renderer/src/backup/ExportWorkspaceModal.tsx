import { Alert, Button, Checkbox, Group, Modal, Progress, Radio, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { writeArchive } from '../../../shared/backup/workspace-archive';
import { sealWorkspaceFile, WORKSPACE_FILE_EXTENSION, type FileProtection } from '../../../shared/backup/workspace-file';
import type { WorkspaceRecord } from '../../../shared/domain/workspace';
import { useDatabase } from '../contexts/database-context';
import { PassphraseFields, passphraseProblem } from '../devices/PassphraseFields';
import { formatByteSize } from '../i18n/format-bytes';
import { downloadBlob } from '../host/web-host';
import { collectArchive } from '../storage/workspace-archive-store';
import { backupProblemText } from './backup-problem';

type Step = { kind: 'ask' } | { kind: 'working'; phase: 'collect' | 'seal'; fraction: number } | { kind: 'done'; fileName: string; size: number };

/** A file name that every file system takes: the workspace's name and the day. */
export function workspaceFileName(name: string, now: Date): string {
  const safe = name.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'werkruimte';
  return `${safe} ${now.toISOString().slice(0, 10)}${WORKSPACE_FILE_EXTENSION}`;
}

/** Exports the whole workspace to one encrypted file (shared/backup), with a progress bar. */
export function ExportWorkspaceModal({ workspace, exportedBy, sealOffline, onClose }: { workspace: WorkspaceRecord; exportedBy: string; sealOffline: () => Promise<void>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const roomCount = useLiveQuery(() => db.rooms.where('workspaceId').equals(workspace.id).count(), [db, workspace.id]) ?? 0;
  const [protection, setProtection] = useState<FileProtection['kind']>('workspaceKey');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [includeRooms, setIncludeRooms] = useState(true);
  const [includeFiles, setIncludeFiles] = useState(false);
  const [tried, setTried] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'ask' });
  const [problem, setProblem] = useState<string>();
  const problemWithPassphrase = protection === 'passphrase' ? passphraseProblem(t, passphrase, again) : undefined;

  const run = async () => {
    setTried(true);
    if (problemWithPassphrase) return;
    setProblem(undefined);
    setStep({ kind: 'working', phase: 'collect', fraction: 0 });
    try {
      await sealOffline();
      const archive = await collectArchive(db, workspace.id, { includeRooms, includeFiles, exportedBy });
      const plain = writeArchive(archive);
      const key = (await db.workspaceAccess.get(workspace.id))?.key;
      if (!key) throw new Error('no workspace key on this device');
      const secret: FileProtection = protection === 'passphrase' ? { kind: 'passphrase', passphrase } : { kind: 'workspaceKey', key };
      const file = await sealWorkspaceFile(plain, secret, (fraction) => setStep({ kind: 'working', phase: 'seal', fraction }));
      const fileName = workspaceFileName(workspace.name || workspace.regionId, new Date());
      downloadBlob(new Blob([file as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), fileName);
      setStep({ kind: 'done', fileName, size: file.length });
    } catch (error) {
      console.error('Export failed', error);
      setProblem(backupProblemText(t, error));
      setStep({ kind: 'ask' });
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('backup.exportTitle')}>
      <Stack>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {step.kind === 'ask' && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void run();
            }}
          >
            <Stack>
              <Text size="sm">{t('backup.exportIntro')}</Text>
              <Radio.Group label={t('backup.protection')} value={protection} onChange={(value) => setProtection(value === 'passphrase' ? 'passphrase' : 'workspaceKey')}>
                <Stack gap="xs" mt="xs">
                  <Radio value="workspaceKey" label={t('backup.withKey')} description={t('backup.withKeyHint')} />
                  <Radio value="passphrase" label={t('backup.withPassphrase')} description={t('backup.withPassphraseHint')} />
                </Stack>
              </Radio.Group>
              {protection === 'passphrase' && (
                <PassphraseFields
                  value={passphrase}
                  again={again}
                  onChange={(value, second) => {
                    setPassphrase(value);
                    setAgain(second);
                  }}
                  error={tried ? problemWithPassphrase : undefined}
                />
              )}
              {roomCount > 0 && <Checkbox checked={includeRooms} onChange={(event) => setIncludeRooms(event.currentTarget.checked)} label={t('backup.includeRooms', { count: roomCount })} description={t('backup.includeRoomsHint')} />}
              <Checkbox checked={includeFiles} onChange={(event) => setIncludeFiles(event.currentTarget.checked)} label={t('backup.includeFiles')} description={t('backup.includeFilesHint')} />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('backup.cancel')}
                </Button>
                <Button type="submit">{t('backup.exportStart')}</Button>
              </Group>
            </Stack>
          </form>
        )}
        {step.kind === 'working' && (
          <Stack gap="xs">
            <Text size="sm">{step.phase === 'collect' ? t('backup.progressCollect') : t('backup.progressSeal')}</Text>
            <Progress value={step.phase === 'collect' ? 5 : 5 + step.fraction * 95} aria-label={t('backup.progressLabel')} animated />
          </Stack>
        )}
        {step.kind === 'done' && (
          <>
            <Alert color="teal" role="status">
              {t('backup.exported', { fileName: step.fileName, size: formatByteSize(step.size, i18n.resolvedLanguage) })}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={onClose}>{t('backup.close')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
