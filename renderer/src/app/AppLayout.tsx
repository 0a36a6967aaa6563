import { AppShell, Anchor, Group, Image, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ProfileMenu } from '../components/ProfileMenu';
import type { Identity } from '../storage/identity-store';

export function AppLayout({ identity, children }: { identity: Identity; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Anchor component={Link} href="/" underline="never" c="inherit">
            <Group gap="xs">
              <Image src="./icon.png" alt="" w={32} h={32} />
              <Title order={2} size="h4">
                {t('app.name')}
              </Title>
            </Group>
          </Anchor>
          <Group gap="md">
            <LanguageSwitch />
            <ProfileMenu identity={identity} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
