import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A new passphrase typed twice; `error` says what is wrong with it once the user tried to go on. */
export function PassphraseFields({ value, again, onChange, error }: { value: string; again: string; onChange: (value: string, again: string) => void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput label={t('devices.passphrase')} description={t('devices.passphraseHint')} value={value} onChange={(event) => onChange(event.currentTarget.value, again)} required autoComplete="new-password" data-autofocus />
      <PasswordInput label={t('devices.passphraseAgain')} value={again} onChange={(event) => onChange(value, event.currentTarget.value)} required autoComplete="new-password" error={error} />
    </>
  );
}
