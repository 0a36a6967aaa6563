import { Alert, Button, FileInput, Group, Modal, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceArchive } from '../../../shared/backup/workspace-archive';
import { WORKSPACE_FILE_EXTENSION, WorkspaceFileError } from '../../../shared/backup/workspace-file';
import type { WorkspaceRecord } from '../../../shared/domain/workspace';
import { useDatabase } from '../contexts/database-context';
import { loadFileSettings } from '../files/file-settings-store';
import type { RoomSyncRegistry } from '../rooms/room-syncs';
import { createFromArchive } from '../storage/workspace-archive-store';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';
import { backupProblemText, OtherWorkspaceError } from './backup-problem';
import { checkWorkspaceFile, localKeys, mergeArchive, readWorkspaceFile } from './workspace-import';

export type ImportTarget =
  | { readonly kind: 'open'; readonly workspace: WorkspaceRecord; readonly sync: WorkspaceSync | undefined; readonly rooms: RoomSyncRegistry }
  | { readonly kind: 'fresh'; readonly onCreated: (workspaceId: string) => void };

type Step = { kind: 'choose' } | { kind: 'secret'; needs: 'passphrase' | 'workspaceKey' } | { kind: 'working'; phase: 'open' | 'take'; fraction: number } | { kind: 'done'; lines: string[] };

/** Reads a workspace file in: a new workspace on this device, or merged into the open one (workspace-import.ts). */
export function ImportWorkspaceModal({ target, onClose }: { target: ImportTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [file, setFile] = useState<File | null>(null);
  const [bytes, setBytes] = useState<Uint8Array>();
  const [secret, setSecret] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [problem, setProblem] = useState<string>();
  /** A workspace made from the file: opened when the dialog closes, after its outcome was read. */
  const [created, setCreated] = useState<string>();
  const close = () => {
    onClose();
    if (created !== undefined && target.kind === 'fresh') target.onCreated(created);
  };

  const take = async (archive: WorkspaceArchive): Promise<string[]> => {
    const { hardLimitBytes } = await loadFileSettings(db);
    const name = archive.manifest.workspace.name;
    if (target.kind === 'fresh') {
      const { badFiles } = await createFromArchive(db, archive, { hardLimitBytes });
      setCreated(archive.manifest.workspace.id);
      return [t('backup.created', { name }), ...(badFiles.length > 0 ? [t('backup.badFiles', { count: badFiles.length })] : [])];
    }
    if (archive.manifest.workspace.id !== target.workspace.id) throw new OtherWorkspaceError(name);
    if (!target.sync) throw new Error('the workspace is still starting its sync');
    const outcome = await mergeArchive(db, archive, { sync: target.sync, room: (roomId) => target.rooms.get(roomId)?.instance, hardLimitBytes });
    return [
      outcome.changed ? t('backup.merged', { name: target.workspace.name || name }) : t('backup.mergedNothing'),
      ...(outcome.refused > 0 ? [t('backup.mergedRefused', { count: outcome.refused })] : []),
      ...(outcome.roomsSkipped > 0 ? [t('backup.roomsSkipped', { count: outcome.roomsSkipped })] : []),
    ];
  };

  /** `tried`: the keys on this device were tried without asking; their failing is no error yet, the screen asks for the key. */
  const open = async (content: Uint8Array, secrets: readonly string[], needs: 'passphrase' | 'workspaceKey', tried = false) => {
    setProblem(undefined);
    setStep({ kind: 'working', phase: 'open', fraction: 0 });
    let archive: WorkspaceArchive;
    try {
      archive = await readWorkspaceFile(content, secrets, (fraction) => setStep({ kind: 'working', phase: 'open', fraction }));
    } catch (error) {
      const keysDidNotOpen = tried && error instanceof WorkspaceFileError && error.problem === 'wrongSecret';
      setProblem(keysDidNotOpen || secrets.length === 0 ? undefined : backupProblemText(t, error));
      setStep({ kind: 'secret', needs });
      return;
    }
    try {
      setStep({ kind: 'working', phase: 'take', fraction: 1 });
      setStep({ kind: 'done', lines: await take(archive) });
    } catch (error) {
      console.error('Import failed', error);
      setProblem(backupProblemText(t, error));
      setStep({ kind: 'choose' });
    }
  };

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setProblem(undefined);
    setSecret('');
    if (!chosen) return setStep({ kind: 'choose' });
    try {
      const { age, needs } = await checkWorkspaceFile(new Uint8Array(await chosen.arrayBuffer()));
      setBytes(age);
      if (needs === 'passphrase') setStep({ kind: 'secret', needs });
      else await open(age, await localKeys(db), needs, true);
    } catch (error) {
      setProblem(backupProblemText(t, error));
      setStep({ kind: 'choose' });
    }
  };

  const working = step.kind === 'working';
  return (
    <Modal opened onClose={close} title={target.kind === 'fresh' ? t('backup.importFresh') : t('backup.importTitle')}>
      <Stack>
        <Text size="sm">{target.kind === 'fresh' ? t('backup.importFreshIntro') : t('backup.importIntro')}</Text>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {step.kind !== 'done' && <FileInput label={t('backup.chooseFile')} value={file} onChange={(chosen) => void choose(chosen)} accept={`${WORKSPACE_FILE_EXTENSION},application/octet-stream`} disabled={working} clearable />}
        {step.kind === 'choose' && (
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('backup.cancel')}
            </Button>
          </Group>
        )}
        {step.kind === 'secret' && bytes && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void open(bytes, [secret], step.needs);
            }}
          >
            <Stack>
              <Text size="sm">{step.needs === 'passphrase' ? t('backup.needsPassphrase') : t('backup.needsKey')}</Text>
              <PasswordInput label={t('backup.passphrase')} value={secret} onChange={(event) => setSecret(event.currentTarget.value)} data-autofocus />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('backup.cancel')}
                </Button>
                <Button type="submit" disabled={secret === ''}>
                  {t('backup.importStart')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {working && (
          <Stack gap="xs">
            <Text size="sm">{step.phase === 'open' ? t('backup.progressOpen') : t('backup.progressTake')}</Text>
            <Progress value={step.fraction * 100} aria-label={t('backup.progressLabel')} animated />
          </Stack>
        )}
        {step.kind === 'done' && (
          <>
            <Alert color="teal" role="status">
              {step.lines.map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={close}>{t('backup.close')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
