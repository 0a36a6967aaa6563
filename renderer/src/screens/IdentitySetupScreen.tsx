import { Alert, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../contexts/database-context';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LinkThisDeviceModal } from '../devices/LinkThisDeviceModal';
import { RestoreBackupModal } from '../devices/RestoreBackupModal';
import { ProfileForm } from '../components/ProfileForm';
import { useStorageAction } from '../hooks/useStorageAction';
import { saveIdentityProfile } from '../storage/identity-store';

/** First run: the person creates their profile; the device makes their key pair. */
export function IdentitySetupScreen({ damagedProblem }: { damagedProblem?: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const { run, busy } = useStorageAction();
  const [dialog, setDialog] = useState<'link' | 'restore' | null>(null);
  return (
    <Container size="xs" py="xl" component="main">
      <Stack>
        <div style={{ alignSelf: 'flex-end' }}>
          <LanguageSwitch />
        </div>
        <Title order={1}>{t('identity.title')}</Title>
        <Text>{t('identity.intro')}</Text>
        {damagedProblem && (
          <Alert color="orange" role="alert">
            {t('identity.damaged', { problem: damagedProblem })}
          </Alert>
        )}
        <Paper withBorder p="lg" radius="md">
          <ProfileForm submitLabel={t('identity.create')} busy={busy} onSubmit={(profile) => void run(() => saveIdentityProfile(db, profile))} />
        </Paper>
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="elsewhere-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="elsewhere-title">
              {t('devices.elsewhereTitle')}
            </Title>
            <Text size="sm">{t('devices.elsewhereBody')}</Text>
            <Group>
              <Button variant="default" onClick={() => setDialog('link')}>
                {t('devices.linkThis')}
              </Button>
              <Button variant="default" onClick={() => setDialog('restore')}>
                {t('devices.restore')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
      {dialog === 'link' && <LinkThisDeviceModal onClose={() => setDialog(null)} />}
      {dialog === 'restore' && <RestoreBackupModal onClose={() => setDialog(null)} />}
    </Container>
  );
}
