import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/bridge/contract';
import { host } from '../host';

/** Version and host kind, read through the bridge. */
export function AppVersion() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    host.app.getInfo().then(setInfo, (error: unknown) => console.error('app.getInfo failed', error));
  }, []);
  if (!info) return null;
  const hostLabel = info.host === 'electron' ? t('app.hostElectron') : t('app.hostWeb');
  return (
    <Text size="xs" c="dimmed" data-testid="app-version">
      {t('app.version', { version: info.version, host: hostLabel })}
    </Text>
  );
}
