import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportIdentityBackup } from '../../../shared/membership/identity-backup';
import { useDatabase } from '../contexts/database-context';
import { downloadBlob } from '../host/web-host';
import { storeGrants } from '../storage/device-identity-store';
import type { Identity } from '../storage/identity-store';
import { deviceProblemText } from './device-problem';
import { grantSubject } from './grant-subject';
import { PassphraseFields, passphraseProblem } from './PassphraseFields';
import { formatDate } from '../i18n/format-date';

type Step = { kind: 'ask' } | { kind: 'sealing'; fraction: number } | { kind: 'done'; file: Blob; fileName: string; count: number; leftOut: string[] };

/**
 * Makes an identity backup (shared/membership/identity-backup.ts): a new
 * device of this person, granted in every workspace here, sealed with a
 * passphrase, and saved as a file.
 */
export function ExportBackupModal({ identity, onClose }: { identity: Identity; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'ask' });
  const [problem, setProblem] = useState<string>();
  const mismatch = passphraseProblem(t, passphrase, again);

  const make = async () => {
    setTried(true);
    if (mismatch) return;
    setProblem(undefined);
    setStep({ kind: 'sealing', fraction: 0 });
    try {
      const now = new Date();
      const { person, workspaces, leftOut } = await grantSubject(db, identity);
      const deviceName = t('devices.backupDeviceName', { date: formatDate(now, 'day', i18n.language) });
      const { file, grants } = await exportIdentityBackup({ person, deviceName, workspaces }, passphrase, { now: now.getTime(), onProgress: (fraction) => setStep({ kind: 'sealing', fraction }) });
      await storeGrants(db, [...grants].map(([workspaceId, grant]) => ({ workspaceId, grant })));
      const done = { kind: 'done' as const, file: new Blob([file], { type: 'application/json' }), fileName: `stroomkring-back-up-${now.toISOString().slice(0, 10)}.json`, count: workspaces.length, leftOut };
      setStep(done);
      downloadBlob(done.file, done.fileName);
    } catch (error) {
      setProblem(deviceProblemText(t, error));
      setStep({ kind: 'ask' });
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('devices.backupTitle')}>
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
              void make();
            }}
          >
            <Stack>
              <Text size="sm">{t('devices.backupIntro')}</Text>
              <PassphraseFields value={passphrase} again={again} onChange={(value, second) => {
                  setPassphrase(value);
                  setAgain(second);
                }} error={tried ? mismatch : undefined} />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('devices.cancel')}
                </Button>
                <Button type="submit">{t('devices.makeBackup')}</Button>
              </Group>
            </Stack>
          </form>
        )}
        {step.kind === 'sealing' && <Progress value={Math.round(step.fraction * 100)} aria-label={t('devices.backupProgress')} animated />}
        {step.kind === 'done' && (
          <>
            <Text role="status">{t('devices.backupReady', { count: step.count })}</Text>
            {step.leftOut.length > 0 && <Text size="sm">{t('devices.leftOut', { names: step.leftOut.join(', ') })}</Text>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => downloadBlob(step.file, step.fileName)}>
                {t('devices.backupAgain')}
              </Button>
              <Button onClick={onClose}>{t('devices.close')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
