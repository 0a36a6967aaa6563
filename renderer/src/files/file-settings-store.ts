/** Interface stub: file settings land with the file-transfer work. */
import type { StroomkringDatabase } from '../storage/database';

export interface FileSettings {
  /** Files up to this size are fetched from peers automatically, so they are there offline. */
  readonly autoDownloadBytes: number;
  /** Files above this size are refused when added. */
  readonly hardLimitBytes: number;
}

export const DEFAULT_FILE_SETTINGS: FileSettings = { autoDownloadBytes: 25 * 1024 * 1024, hardLimitBytes: 1024 * 1024 * 1024 };

export function loadFileSettings(_db: StroomkringDatabase): Promise<FileSettings> {
  return Promise.resolve(DEFAULT_FILE_SETTINGS);
}
