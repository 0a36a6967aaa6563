import type { TFunction } from 'i18next';
import { ArchiveError } from '../../../shared/backup/workspace-archive';
import { WorkspaceFileError } from '../../../shared/backup/workspace-file';
import { ArchiveImportError } from '../storage/workspace-archive-store';
import { classifyStorageError } from '../storage/storage-errors';

/** A workspace file that is another workspace's, when read in from inside one. */
export class OtherWorkspaceError extends Error {
  override readonly name = 'OtherWorkspaceError';
  constructor(readonly workspaceName: string) {
    super(`The file holds workspace ${workspaceName}`);
  }
}

/** What went wrong exporting or reading in a workspace file, in the user's words; `name` is the file's workspace where known. */
export function backupProblemText(t: TFunction, error: unknown, name = ''): string {
  if (error instanceof WorkspaceFileError || error instanceof ArchiveError) return t(`backup.problem.${error.problem}`);
  if (error instanceof ArchiveImportError) return error.problem === 'alreadyHere' ? t('backup.problem.alreadyHere', { name }) : t(`backup.problem.${error.problem}`);
  if (error instanceof OtherWorkspaceError) return t('backup.problem.otherWorkspace', { name: error.workspaceName });
  if (error instanceof RangeError) return t('backup.problem.tooLarge');
  if (classifyStorageError(error) === 'quota') return t('backup.problem.storage');
  return t('backup.problem.other', { detail: error instanceof Error ? error.message : String(error) });
}
