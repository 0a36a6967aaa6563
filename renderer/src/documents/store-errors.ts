import type { TFunction } from 'i18next';
import { EmptyFileError, FileTooLargeError, UnreadableFileError } from '../files/file-store';
import { classifyStorageError } from '../storage/storage-errors';
import { TooManyVersionsError } from '../../../shared/workspace-doc/documents';
import { formatByteSize } from '../i18n/format-bytes';

/** What the add dialog says when a file cannot be taken in; each names the cause and what to do. */
export function storeErrorMessage(error: unknown, t: TFunction, locale: string | undefined): string {
  if (error instanceof EmptyFileError) return t('documents.errors.empty');
  if (error instanceof FileTooLargeError) return t('documents.errors.tooLarge', { limit: formatByteSize(error.limitBytes, locale) });
  if (error instanceof UnreadableFileError) return t('documents.errors.unreadable');
  if (error instanceof TooManyVersionsError) return t('documents.errors.tooManyVersions');
  if (classifyStorageError(error) === 'quota') return t('documents.errors.diskFull');
  return t('documents.errors.other', { message: error instanceof Error ? error.message : String(error) });
}
