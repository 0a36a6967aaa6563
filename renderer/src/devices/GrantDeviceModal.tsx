import { Alert, Button, Group, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeLinkRequest, linkCheck, sealLink, type LinkRequest } from '../../../shared/membership/device-link';
import { grantDevice } from '../../../shared/membership/identity-backup';
import { useDatabase } from '../contexts/database-context';
import { storeGrants } from '../storage/device-identity-store';
import { linkedRooms } from '../storage/room-store';
import type { Identity } from '../storage/identity-store';
import { CodeField } from '../components/CodeField';
import { deviceProblemText } from './device-problem';
import { grantSubject } from './grant-subject';

type Step = { kind: 'paste' } | { kind: 'confirm'; request: LinkRequest; check: string } | { kind: 'working' } | { kind: 'done'; code: string; count: number; leftOut: string[] };

/**
 * On a device the person already uses: reads a new device's link request,
 * shows the check code to compare, and only then grants the new device in
 * every workspace here and shows the link code to carry back
 * (shared/membership/device-link.ts).
 */
export function GrantDeviceModal({ identity, onClose }: { identity: Identity; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [text, setText] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'paste' });
  const [problem, setProblem] = useState<string>();

  const read = async () => {
    setProblem(undefined);
    try {
      const request = decodeLinkRequest(text);
      setStep({ kind: 'confirm', request, check: await linkCheck(request) });
    } catch (error) {
      setProblem(deviceProblemText(t, error));
    }
  };

  const grant = async (request: LinkRequest) => {
    setStep({ kind: 'working' });
    try {
      const { person, workspaces, leftOut } = await grantSubject(db, identity);
      const granted = await grantDevice({ person, deviceName: request.name, workspaces }, request.device, Date.now());
      await storeGrants(db, granted);
      const rooms = await linkedRooms(db, granted.map((workspace) => workspace.workspaceId));
      const code = await sealLink({ person, device: request.device, workspaces: granted, rooms }, request);
      setStep({ kind: 'done', code, count: granted.length, leftOut });
    } catch (error) {
      setProblem(deviceProblemText(t, error));
      setStep({ kind: 'paste' });
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('devices.grantTitle')} size="lg">
      <Stack>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {step.kind === 'paste' && (
          <>
            <Text size="sm">{t('devices.grantIntro')}</Text>
            <Textarea label={t('devices.requestField')} placeholder={t('devices.requestPlaceholder')} value={text} onChange={(event) => setText(event.currentTarget.value)} autosize minRows={3} maxRows={6} styles={{ input: { fontFamily: 'monospace', wordBreak: 'break-all' } }} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('devices.cancel')}
              </Button>
              <Button onClick={() => void read()} disabled={text.trim() === ''}>
                {t('devices.readRequest')}
              </Button>
            </Group>
          </>
        )}
        {step.kind === 'confirm' && (
          <>
            <Text data-testid="grant-check">{t('devices.grantCheck', { name: step.request.name, check: step.check.replace(' ', '\u00a0') })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('devices.cancel')}
              </Button>
              <Button onClick={() => void grant(step.request)}>{t('devices.grantConfirm')}</Button>
            </Group>
          </>
        )}
        {step.kind === 'working' && <Loader size="sm" aria-label={t('devices.grantTitle')} />}
        {step.kind === 'done' && (
          <>
            <Text>{t('devices.grantDone', { count: step.count })}</Text>
            {step.leftOut.length > 0 && <Text size="sm">{t('devices.leftOut', { names: step.leftOut.join(', ') })}</Text>}
            <CodeField label={t('devices.linkCode')} value={step.code} testId="device-link-code" />
            <Group justify="flex-end">
              <Button onClick={onClose}>{t('devices.close')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
