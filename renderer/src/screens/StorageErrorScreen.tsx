import { Alert, Button, Code, Container, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StorageProblem } from '../storage/storage-errors';

export function StorageErrorScreen({ problem, detail, onRetry }: { problem: StorageProblem; detail: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1}>{t('storage.title')}</Title>
        <Alert color="red" icon={<IconDatabaseOff aria-hidden />} role="alert">
          <Text fw={600}>{t(`storage.${problem}`)}</Text>
          <Text mt="xs">{t(`storage.${problem}Action`)}</Text>
        </Alert>
        <Button onClick={onRetry} w="fit-content">
          {t('storage.retry')}
        </Button>
        <details>
          <summary>{t('storage.details')}</summary>
          <Code block>{detail}</Code>
        </details>
      </Stack>
    </Container>
  );
}
