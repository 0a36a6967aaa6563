import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database';
import { DEFAULT_FILE_SETTINGS, MB, loadFileSettings, saveFileSettings } from './file-settings-store';

describe('file settings', () => {
  it('defaults to 25 MB automatic and 1 GiB at most, and keeps what was saved', async () => {
    const db = openDatabase('file-settings-1');
    expect(await loadFileSettings(db)).toEqual({ autoDownloadBytes: 25 * MB, hardLimitBytes: 1024 * MB });
    await saveFileSettings(db, { autoDownloadBytes: 5 * MB, hardLimitBytes: 50 * MB });
    expect(await loadFileSettings(db)).toEqual({ autoDownloadBytes: 5 * MB, hardLimitBytes: 50 * MB });
    db.close();
  });

  it('refuses an automatic limit above the hard limit, and reads a damaged row as the defaults', async () => {
    const db = openDatabase('file-settings-2');
    await expect(saveFileSettings(db, { autoDownloadBytes: 100 * MB, hardLimitBytes: 50 * MB })).rejects.toThrow();
    await db.settings.put({ key: 'files', value: { autoDownloadBytes: 'veel' } });
    expect(await loadFileSettings(db)).toEqual(DEFAULT_FILE_SETTINGS);
    db.close();
  });
});
