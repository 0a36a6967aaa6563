import type { TFunction } from 'i18next';
import { PassphraseFileError } from '../../../shared/crypto/passphrase-file';
import { DeviceLinkError } from '../../../shared/membership/device-link';
import { IdentityBackupError } from '../../../shared/membership/identity-backup';
import { DeviceIdentityError } from '../storage/device-identity-store';

/** What went wrong linking a device or with a backup, in the user's words. */
export function deviceProblemText(t: TFunction, error: unknown): string {
  if (error instanceof PassphraseFileError || error instanceof IdentityBackupError || error instanceof DeviceLinkError || error instanceof DeviceIdentityError) {
    return t(`devices.problems.${error.problem}`);
  }
  return t('devices.problems.unknown', { detail: error instanceof Error ? error.message : String(error) });
}
