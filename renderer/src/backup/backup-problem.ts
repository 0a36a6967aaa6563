import type { TFunction } from 'i18next';
import { errorDetail, StroomkringError } from '../../../shared/errors/stroomkring-error';
import { errorText } from '../i18n/error-text';
import { classifyStorageError } from '../storage/storage-errors';

/** A workspace file that is another workspace's, when read in from inside one. */
export class OtherWorkspaceError extends StroomkringError {
  override readonly name = 'OtherWorkspaceError';
  constructor(readonly workspaceName: string) {
    super(`The file holds workspace ${workspaceName}`);
  }
}

/** What went wrong exporting or reading in a workspace file, in the user's words; nothing changed in any case. */
export function backupProblemText(t: TFunction, error: unknown): string {
  const ours = errorText(t, error);
  if (ours !== undefined) return ours;
  if (error instanceof RangeError) return t('backup.problem.tooLarge');
  if (classifyStorageError(error) === 'quota') return t('backup.problem.storage');
  return t('backup.problem.other', { detail: errorDetail(error) });
}
