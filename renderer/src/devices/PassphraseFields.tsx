import { PasswordInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/crypto/passphrase-file';

/** What is wrong with a new passphrase typed twice (too short, or the two differ), in words; undefined when nothing is. */
export function passphraseProblem(t: TFunction, passphrase: string, again: string): string | undefined {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) return t('devices.passphraseShort');
  return passphrase !== again ? t('devices.passphraseMismatch') : undefined;
}

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
