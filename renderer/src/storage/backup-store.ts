/**
 * Automatic local backups (issue 13, item 3): at a chosen interval, while a
 * workspace is open, its archive (shared/backup, rooms included, library
 * files not) is kept in the `backups` table; the newest `keep` per
 * workspace stay. They are kept as archives, not encrypted files: they live
 * beside the workspace's own data and keys on this device, and are sealed
 * with the workspace key only when saved as a file. A backup outlives the
 * workspace it is of, so a workspace deleted from this device can be put
 * back.
 */
import { z } from 'zod';
import { readArchive, writeArchive, type WorkspaceArchive } from '../../../shared/backup/workspace-archive';
import type { BackupRow, StroomkringDatabase } from './database';
import { collectArchive } from './workspace-archive-store';

const SETTINGS_KEY = 'automaticBackups';

export const BACKUP_INTERVALS_HOURS = [0, 1, 4, 24, 168] as const;
export const BACKUP_KEEP_BOUNDS = { min: 1, max: 50 } as const;

export const BackupSettingsSchema = z.object({
  intervalHours: z.union([z.literal(0), z.literal(1), z.literal(4), z.literal(24), z.literal(168)]),
  keep: z.number().int().min(BACKUP_KEEP_BOUNDS.min).max(BACKUP_KEEP_BOUNDS.max),
});
export type BackupSettings = z.infer<typeof BackupSettingsSchema>;

/** Daily, ten kept: a fortnight of working days back, at a few MB each for a busy region. */
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { intervalHours: 24, keep: 10 };

export async function loadBackupSettings(db: StroomkringDatabase): Promise<BackupSettings> {
  const parsed = BackupSettingsSchema.safeParse((await db.settings.get(SETTINGS_KEY))?.value);
  return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
}

export async function saveBackupSettings(db: StroomkringDatabase, settings: BackupSettings): Promise<void> {
  await db.settings.put({ key: SETTINGS_KEY, value: BackupSettingsSchema.parse(settings) });
}

/** Whether a backup is due: never made yet, or the last is older than the interval (0: off). */
export function backupDue(lastAt: number | undefined, intervalHours: number, now: number): boolean {
  if (intervalHours <= 0) return false;
  return lastAt === undefined || now - lastAt >= intervalHours * 3_600_000;
}

export type BackupListing = Omit<BackupRow, 'archive'> & { readonly id: number };

/** Backups, newest first: of one workspace, or of all. */
export async function listBackups(db: StroomkringDatabase, workspaceId?: string): Promise<BackupListing[]> {
  const rows = workspaceId === undefined ? await db.backups.toArray() : await db.backups.where('workspaceId').equals(workspaceId).toArray();
  return rows
    .flatMap(({ id, workspaceId: ws, workspaceName, at, size }) => (id === undefined ? [] : [{ id, workspaceId: ws, workspaceName, at, size }]))
    .sort((a, b) => b.at - a.at);
}

/** Keeps the newest `keep` backups of a workspace. */
export async function pruneBackups(db: StroomkringDatabase, workspaceId: string, keep: number): Promise<void> {
  const old = (await listBackups(db, workspaceId)).slice(keep).map((backup) => backup.id);
  if (old.length > 0) await db.backups.bulkDelete(old);
}

/** Makes a backup of a workspace now and prunes to `keep`. */
export async function makeBackup(db: StroomkringDatabase, workspaceId: string, options: { exportedBy: string; keep: number; now?: number }): Promise<BackupListing> {
  const now = options.now ?? Date.now();
  const archive = writeArchive(await collectArchive(db, workspaceId, { includeRooms: true, includeFiles: false, exportedBy: options.exportedBy, now }));
  const name = (await db.workspaces.get(workspaceId))?.name ?? '';
  const row: BackupRow = { workspaceId, workspaceName: name, at: now, size: archive.length, archive: new Blob([archive as Uint8Array<ArrayBuffer>]) };
  const id = await db.backups.add(row);
  if (id === undefined) throw new Error('the backup was not stored');
  await pruneBackups(db, workspaceId, options.keep);
  return { id, workspaceId, workspaceName: name, at: now, size: archive.length };
}

/** A backup's archive, read and checked; throws ArchiveError for a damaged one. */
export async function readBackup(db: StroomkringDatabase, id: number): Promise<WorkspaceArchive> {
  const row = await db.backups.get(id);
  if (!row) throw new Error(`backup ${id} is gone`);
  return readArchive(new Uint8Array(await row.archive.arrayBuffer()));
}
