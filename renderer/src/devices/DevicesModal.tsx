import { Alert, Badge, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../contexts/database-context';
import { devicesOfPerson, removeDeviceEverywhere, type PersonDevice } from '../storage/device-list-store';
import type { Identity } from '../storage/identity-store';
import { deviceProblemText } from './device-problem';

/** This person's devices, as the workspaces here record them, each one (but this one) removable after a confirmation. */
export function DevicesModal({ identity, onClose }: { identity: Identity; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [devices, setDevices] = useState<PersonDevice[]>();
  const [confirming, setConfirming] = useState<PersonDevice>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ color: 'red' | 'teal'; text: string }>();

  const load = useCallback(() => {
    devicesOfPerson(db, identity).then(setDevices, (error: unknown) => setMessage({ color: 'red', text: deviceProblemText(t, error) }));
  }, [db, identity, t]);
  useEffect(load, [load]);

  const nameOf = (device: PersonDevice) => device.name ?? t('devices.firstDevice');
  const remove = async (device: PersonDevice) => {
    setBusy(true);
    try {
      const count = await removeDeviceEverywhere(db, identity, device.key);
      setMessage({ color: 'teal', text: t('devices.removed', { name: nameOf(device), count }) });
      setConfirming(undefined);
      load();
    } catch (error) {
      setMessage({ color: 'red', text: deviceProblemText(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('devices.listTitle')}>
      <Stack>
        <Text size="sm">{t('devices.listIntro')}</Text>
        {message && (
          <Alert color={message.color} role={message.color === 'red' ? 'alert' : 'status'}>
            {message.text}
          </Alert>
        )}
        {!devices && <Loader size="sm" aria-label={t('devices.listTitle')} />}
        {devices && devices.length === 0 && <Text>{t('devices.listEmpty')}</Text>}
        {devices && devices.length > 0 && (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('devices.listTitle')}>
            {devices.map((device) => (
              <Group component="li" key={device.key} justify="space-between" wrap="nowrap" aria-label={nameOf(device)}>
                <Group gap="xs">
                  <Text>{nameOf(device)}</Text>
                  {device.thisDevice && <Badge variant="default">{t('devices.thisOne')}</Badge>}
                </Group>
                {!device.thisDevice && (
                  <Button size="xs" variant="default" onClick={() => setConfirming(device)} aria-label={t('devices.removeNamed', { name: nameOf(device) })}>
                    {t('devices.remove')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {confirming && (
          <Alert color="orange" title={t('devices.removeTitle', { name: nameOf(confirming) })}>
            <Stack gap="sm">
              <Text size="sm">{t('devices.removeBody')}</Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirming(undefined)}>
                  {t('devices.cancel')}
                </Button>
                <Button color="red" loading={busy} onClick={() => void remove(confirming)}>
                  {t('devices.removeConfirm')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('devices.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
