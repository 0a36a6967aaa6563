import { useEffect, useRef } from 'react';
import type { RoomSyncRegistry } from '../rooms/room-syncs';
import { backupDue, listBackups, loadBackupSettings, makeBackup } from '../storage/backup-store';
import type { StroomkringDatabase } from '../storage/database';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';
import { sealOfflineWork } from './seal-offline';

/** The first check waits until opening and the first sync have settled: a backup is never urgent, a slow opening is felt. */
const FIRST_CHECK_MS = 2 * 60_000;
/** Later checks: often enough for an hourly interval, rare enough to cost nothing. */
const CHECK_MS = 5 * 60_000;

/** Makes the open workspace's automatic backups when they are due (storage/backup-store.ts); one at a time. */
export function useAutomaticBackups(db: StroomkringDatabase, workspaceId: string, exportedBy: string, sync: WorkspaceSync | undefined, rooms: RoomSyncRegistry): void {
  const latest = useRef({ exportedBy, sync });
  useEffect(() => {
    latest.current = { exportedBy, sync };
  }, [exportedBy, sync]);

  useEffect(() => {
    let running = false;
    let live = true;
    const check = async () => {
      if (running) return;
      running = true;
      try {
        const settings = await loadBackupSettings(db);
        const [last] = await listBackups(db, workspaceId);
        if (!live || !backupDue(last?.at, settings.intervalHours, Date.now())) return;
        await sealOfflineWork(latest.current.sync, rooms);
        if (live) await makeBackup(db, workspaceId, { exportedBy: latest.current.exportedBy, keep: settings.keep });
      } catch (error) {
        console.warn('Automatic backup failed', error);
      } finally {
        running = false;
      }
    };
    const first = setTimeout(() => void check(), FIRST_CHECK_MS);
    const timer = setInterval(() => void check(), CHECK_MS);
    return () => {
      live = false;
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [db, workspaceId, rooms]);
}
