import type { TFunction } from 'i18next';
import { errorDetail } from '../../../shared/errors/stroomkring-error';
import { errorText } from '../i18n/error-text';
import { classifyStorageError } from '../storage/storage-errors';

/** What the add dialog says when a file cannot be taken in; each names the cause and what to do. */
export function storeErrorMessage(error: unknown, t: TFunction, locale: string | undefined): string {
  const ours = errorText(t, error, locale);
  if (ours !== undefined) return ours;
  if (classifyStorageError(error) === 'quota') return t('documents.errors.diskFull');
  return t('documents.errors.other', { message: errorDetail(error) });
}
