import type { TFunction } from 'i18next';
import { errorDetail } from '../../../shared/errors/stroomkring-error';
import { errorText } from '../i18n/error-text';

/** What went wrong linking a device or with a backup, in the user's words. */
export function deviceProblemText(t: TFunction, error: unknown): string {
  return errorText(t, error) ?? t('devices.problems.unknown', { detail: errorDetail(error) });
}
