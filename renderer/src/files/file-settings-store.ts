/** This device's limits for files: what downloads by itself, and what may be added at all. */
import { z } from 'zod';
import type { StroomkringDatabase } from '../storage/database';

export const MB = 1024 * 1024;

/** Bounds for the settings form: at least one megabyte, and the hard limit at most 16 GiB (IndexedDB holds far less on most disks). */
export const FILE_SETTING_BOUNDS = { minMegabytes: 1, maxMegabytes: 16 * 1024 } as const;

export const FileSettingsSchema = z
  .object({
    /** Files up to this size are fetched from peers automatically, so they are there offline. */
    autoDownloadBytes: z.number().int().min(0).max(FILE_SETTING_BOUNDS.maxMegabytes * MB),
    /** Files above this size are refused when added. */
    hardLimitBytes: z.number().int().min(FILE_SETTING_BOUNDS.minMegabytes * MB).max(FILE_SETTING_BOUNDS.maxMegabytes * MB),
  })
  .refine((s) => s.autoDownloadBytes <= s.hardLimitBytes, { message: 'the automatic limit cannot exceed the hard limit', path: ['autoDownloadBytes'] });

export type FileSettings = z.infer<typeof FileSettingsSchema>;

export const DEFAULT_FILE_SETTINGS: FileSettings = { autoDownloadBytes: 25 * MB, hardLimitBytes: 1024 * MB };

const KEY = 'files';

/** A missing or unreadable setting falls back to the defaults. */
export async function loadFileSettings(db: StroomkringDatabase): Promise<FileSettings> {
  const row = await db.settings.get(KEY);
  const parsed = FileSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_FILE_SETTINGS;
}

export async function saveFileSettings(db: StroomkringDatabase, settings: FileSettings): Promise<void> {
  await db.settings.put({ key: KEY, value: FileSettingsSchema.parse(settings) });
}
