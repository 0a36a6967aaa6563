import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generateIdentityKeys, type IdentityKeys } from '../../../shared/crypto/identity-keys';
import { generateBoxKeys, type BoxKeys } from '../../../shared/crypto/sealed-box';
import { encodeLinkRequest, linkCheck, openLink } from '../../../shared/membership/device-link';
import { useDatabase } from '../contexts/database-context';
import { becomeDeviceOf } from '../storage/device-identity-store';
import { CodeField } from '../components/CodeField';
import { deviceProblemText } from './device-problem';

interface Pending {
  readonly name: string;
  readonly signing: IdentityKeys;
  readonly box: BoxKeys;
  readonly code: string;
  readonly check: string;
}

/**
 * On the new device: makes its own keys (they stay here), shows the link
 * request and its check code, and takes the link code the person brings back
 * from their other device. Closing the dialog drops the keys; a new request
 * starts over.
 */
export function LinkThisDeviceModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [name, setName] = useState('');
  const [pending, setPending] = useState<Pending>();
  const [linkCode, setLinkCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const makeRequest = async () => {
    const [signing, box] = await Promise.all([generateIdentityKeys(), generateBoxKeys()]);
    const request = { device: signing.publicKeyB64, boxKey: box.publicKeyB64, name: name.trim() };
    setPending({ name: request.name, signing, box, code: encodeLinkRequest(request), check: await linkCheck(request) });
  };

  const finish = async (p: Pending) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const { person, workspaces, rooms } = await openLink(linkCode, { device: p.signing.publicKeyB64, box: p.box });
      await becomeDeviceOf(db, { person, deviceName: p.name, signing: p.signing, box: p.box, workspaces, rooms });
    } catch (error) {
      setProblem(deviceProblemText(t, error));
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('devices.linkThisTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('devices.linkThisStep1')}</Text>
        {!pending && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (name.trim() !== '') void makeRequest();
            }}
          >
            <Stack>
              <TextInput label={t('devices.deviceName')} placeholder={t('devices.deviceNamePlaceholder')} value={name} onChange={(event) => setName(event.currentTarget.value)} maxLength={100} required data-autofocus />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('devices.cancel')}
                </Button>
                <Button type="submit" disabled={name.trim() === ''}>
                  {t('devices.makeRequest')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {pending && (
          <>
            <CodeField label={t('devices.request')} value={pending.code} testId="device-link-request" />
            <Text fw={600} data-testid="link-check">
              {t('devices.checkHere', { check: pending.check.replace(' ', '\u00a0') })}
            </Text>
            <Textarea label={t('devices.linkCode')} placeholder={t('devices.linkCodePlaceholder')} value={linkCode} onChange={(event) => setLinkCode(event.currentTarget.value)} autosize minRows={3} maxRows={6} styles={{ input: { fontFamily: 'monospace', wordBreak: 'break-all' } }} />
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('devices.cancel')}
              </Button>
              <Button onClick={() => void finish(pending)} loading={busy} disabled={linkCode.trim() === ''}>
                {t('devices.finishLink')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
