import { Avatar, Menu, Modal, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../app/database-context';
import { useStorageAction } from '../hooks/useStorageAction';
import { saveIdentityProfile, type Identity } from '../storage/identity-store';
import { initials } from './initials';
import { ProfileForm } from './ProfileForm';

export function ProfileMenu({ identity }: { identity: Identity }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [editing, { open, close }] = useDisclosure(false);
  const { run, busy } = useStorageAction();
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
          <Menu.Item leftSection={<IconUserEdit size={16} aria-hidden />} onClick={open}>
            {t('identity.edit')}
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
    </>
  );
}
