import { Alert, FileInput, PasswordInput, Progress, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restoreIdentityBackup } from '../../../shared/membership/identity-backup';
import { useDatabase } from '../contexts/database-context';
import { FormModal } from '../components/FormModal';
import { becomeDeviceOf } from '../storage/device-identity-store';
import { deviceProblemText } from './device-problem';

/** Far above any real backup (see identity-backup.ts); a bigger file is not read at all. */
const MAX_FILE_BYTES = 4_000_000;

/**
 * On a fresh install: opens an identity backup with its passphrase and makes
 * this install the backup's device, with the backup's workspaces (their
 * contents come from the partners).
 */
export function RestoreBackupModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [fraction, setFraction] = useState<number>();
  const [problem, setProblem] = useState<string>();

  const restore = async (chosen: File) => {
    if (chosen.size > MAX_FILE_BYTES) {
      setProblem(t('devices.problems.tooLarge'));
      return;
    }
    setProblem(undefined);
    setFraction(0);
    try {
      const restored = await restoreIdentityBackup(await chosen.text(), passphrase, setFraction);
      await becomeDeviceOf(db, { person: restored.person, deviceName: restored.deviceName, signing: restored.signing, box: restored.box, workspaces: restored.workspaces });
    } catch (error) {
      setProblem(deviceProblemText(t, error));
      setFraction(undefined);
    }
  };

  return (
    <FormModal
      title={t('devices.restoreTitle')}
      onClose={onClose}
      onSubmit={() => {
        if (file && passphrase !== '') void restore(file);
      }}
      submitLabel={t('devices.restoreAction')}
      cancelLabel={t('devices.cancel')}
      busy={fraction !== undefined}
      submitDisabled={!file || passphrase === ''}
    >
      <Text size="sm">{t('devices.restoreIntro')}</Text>
      <FileInput label={t('devices.backupFile')} placeholder={t('devices.backupFilePlaceholder')} value={file} onChange={setFile} accept=".json,application/json" required clearable />
      <PasswordInput label={t('devices.passphrase')} value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} required autoComplete="current-password" />
      {fraction !== undefined && <Progress value={Math.round(fraction * 100)} aria-label={t('devices.restoreProgress')} animated />}
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
    </FormModal>
  );
}
