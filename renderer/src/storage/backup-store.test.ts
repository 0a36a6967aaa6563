import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOrganisation } from '../../../shared/workspace-doc/organisations';
import { backupDue, DEFAULT_BACKUP_SETTINGS, listBackups, loadBackupSettings, makeBackup, readBackup, saveBackupSettings } from './backup-store';
import { freshDatabasesFor } from './test-database.test-helper';
import { deleteWorkspace, insertWorkspace } from './workspace-store';

const freshDatabase = freshDatabasesFor('backups');

async function workspace(db: ReturnType<typeof freshDatabase>, id: string) {
  const doc = new Y.Doc();
  addOrganisation(doc, { name: 'Stedin', type: 'grid', description: '', website: '' }, { memberId: 'anne', now: 1 });
  await insertWorkspace(db, { id, regionId: 'holland-rijnland', name: `RES ${id}`, createdAt: 1, lastOpenedAt: 1 }, doc, { workspaceId: id, key: 'k'.repeat(43), peerHubs: [] });
}

describe('automatic backups', () => {
  it('is due first, then after the interval; never when off', () => {
    expect(backupDue(undefined, 24, 0)).toBe(true);
    expect(backupDue(0, 24, 23 * 3_600_000)).toBe(false);
    expect(backupDue(0, 24, 24 * 3_600_000)).toBe(true);
    expect(backupDue(undefined, 0, 0)).toBe(false);
  });

  it('keeps the newest backups per workspace, outliving the workspace, each readable', async () => {
    const db = freshDatabase();
    await workspace(db, 'a');
    await workspace(db, 'b');
    for (let at = 1; at <= 5; at++) await makeBackup(db, 'a', { exportedBy: 'Anne', keep: 3, now: at });
    await makeBackup(db, 'b', { exportedBy: 'Anne', keep: 3, now: 9 });
    expect((await listBackups(db, 'a')).map((b) => b.at)).toEqual([5, 4, 3]);
    expect((await listBackups(db)).map((b) => [b.workspaceId, b.at])).toEqual([['b', 9], ['a', 5], ['a', 4], ['a', 3]]);
    await deleteWorkspace(db, 'a');
    const [newest] = await listBackups(db, 'a');
    const archive = await readBackup(db, newest?.id ?? -1);
    expect(archive.manifest.workspace.name).toBe('RES a');
    expect(JSON.stringify(archive.documents[0]?.content)).toContain('Stedin');
  });

  it('reads settings back, and falls back to the default for a damaged one', async () => {
    const db = freshDatabase();
    expect(await loadBackupSettings(db)).toEqual(DEFAULT_BACKUP_SETTINGS);
    await saveBackupSettings(db, { intervalHours: 4, keep: 20 });
    expect(await loadBackupSettings(db)).toEqual({ intervalHours: 4, keep: 20 });
    await db.settings.put({ key: 'automaticBackups', value: { intervalHours: 3, keep: 'many' } });
    expect(await loadBackupSettings(db)).toEqual(DEFAULT_BACKUP_SETTINGS);
  });
});
