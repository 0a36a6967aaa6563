import { Alert, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../app/database-context';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ProfileForm } from '../components/ProfileForm';
import { useStorageAction } from '../hooks/useStorageAction';
import { saveIdentityProfile } from '../storage/identity-store';

/** First run: the person creates their profile; the device makes their key pair. */
export function IdentitySetupScreen({ damagedProblem }: { damagedProblem?: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const { run, busy } = useStorageAction();
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
      </Stack>
    </Container>
  );
}
