import { Avatar, Menu, Modal, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceLaptop, IconDevices, IconShieldLock, IconUserEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../contexts/database-context';
import { DialogSuspense, lazyNamed } from './lazy-screen';
import { useStorageAction } from '../hooks/useStorageAction';
import { saveIdentityProfile, type Identity } from '../storage/identity-store';
import { initials } from './initials';

// Device dialogs (key exchange, backups with age encryption) load when opened.
const DevicesModal = lazyNamed(() => import('../devices/DevicesModal'), 'DevicesModal');
const ExportBackupModal = lazyNamed(() => import('../devices/ExportBackupModal'), 'ExportBackupModal');
const GrantDeviceModal = lazyNamed(() => import('../devices/GrantDeviceModal'), 'GrantDeviceModal');
import { ProfileForm } from './ProfileForm';

export function ProfileMenu({ identity }: { identity: Identity }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [editing, { open, close }] = useDisclosure(false);
  const { run, busy } = useStorageAction();
  const [dialog, setDialog] = useState<'link' | 'backup' | 'devices' | null>(null);
  const { displayName, organisationName } = identity.profile;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={`${t('identity.menu')}: ${t('identity.signedInAs', { name: displayName, organisation: organisationName })}`}>
            <Avatar color="teal" variant="filled" radius="xl">
              {initials(displayName)}
            </Avatar>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('identity.signedInAs', { name: displayName, organisation: organisationName })}</Menu.Label>
          {identity.deviceName !== undefined && <Menu.Label>{t('devices.thisDevice', { name: identity.deviceName })}</Menu.Label>}
          <Menu.Item leftSection={<IconUserEdit size={16} aria-hidden />} onClick={open}>
            {t('identity.edit')}
          </Menu.Item>
          <Menu.Item leftSection={<IconDeviceLaptop size={16} aria-hidden />} onClick={() => setDialog('link')}>
            {t('devices.menuLink')}
          </Menu.Item>
          <Menu.Item leftSection={<IconShieldLock size={16} aria-hidden />} onClick={() => setDialog('backup')}>
            {t('devices.menuBackup')}
          </Menu.Item>
          <Menu.Item leftSection={<IconDevices size={16} aria-hidden />} onClick={() => setDialog('devices')}>
            {t('devices.menuDevices')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={editing} onClose={close} title={t('identity.edit')}>
        <ProfileForm
          initial={identity.profile}
          submitLabel={t('identity.save')}
          busy={busy}
          onCancel={close}
          onSubmit={(profile) => void run(() => saveIdentityProfile(db, profile)).then((ok) => ok && close())}
        />
      </Modal>
      <DialogSuspense>
        {dialog === 'link' && <GrantDeviceModal identity={identity} onClose={() => setDialog(null)} />}
        {dialog === 'backup' && <ExportBackupModal identity={identity} onClose={() => setDialog(null)} />}
        {dialog === 'devices' && <DevicesModal identity={identity} onClose={() => setDialog(null)} />}
      </DialogSuspense>
    </>
  );
}
