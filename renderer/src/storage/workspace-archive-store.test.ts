import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readArchive, writeArchive } from '../../../shared/backup/workspace-archive';
import { generateIdentityKeys, sign } from '../../../shared/crypto/identity-keys';
import { encodeHistorySegment } from '../../../shared/history/history-segment';
import { sealChange } from '../../../shared/sync/signed-changes/change-envelope';
import { addOrganisation } from '../../../shared/workspace-doc/organisations';
import { signedChangeStore } from './signed-change-store';
import { freshDatabasesFor, readLoadedDoc } from './test-database.test-helper';
import { ArchiveImportError, collectArchive, createFromArchive } from './workspace-archive-store';
import { insertWorkspace } from './workspace-store';

const freshDatabase = freshDatabasesFor('archive');

/** A workspace whose document is exactly its signed changes, as a device that signs every change keeps it. */
async function signedWorkspace(db: ReturnType<typeof freshDatabase>) {
  const keys = await generateIdentityKeys();
  const id = 'ws-archive';
  const doc = new Y.Doc();
  const changes: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => changes.push(update));
  for (const name of ['Gemeente Leiden', 'Stedin']) addOrganisation(doc, { name, type: 'municipality', description: '', website: '' }, { memberId: 'anne', now: 1 });
  const sealed = await Promise.all(changes.map((update, at) => sealChange({ kind: 'change', documentId: id, signer: keys.publicKeyB64, at, update }, (m) => sign(keys.privateKey, m))));
  await insertWorkspace(db, { id, regionId: 'holland-rijnland', name: 'RES 2.0', createdAt: 1, lastOpenedAt: 1 }, doc, { workspaceId: id, key: 'k'.repeat(43), peerHubs: [], founderKey: keys.publicKeyB64 });
  await signedChangeStore(db, id).append(sealed.map((bytes) => ({ bytes })));
  return { id, sealed };
}

describe('workspace archive store', () => {
  it('exports a workspace and creates it again on another device, from its signed changes', async () => {
    const from = freshDatabase();
    const { id } = await signedWorkspace(from);
    const archive = readArchive(writeArchive(await collectArchive(from, id, { includeRooms: true, includeFiles: true, exportedBy: 'Anne', now: 5 })));
    expect(archive.manifest.access.key).toBe('k'.repeat(43));
    const to = freshDatabase();
    await createFromArchive(to, archive, { hardLimitBytes: 1 << 20 });
    const row = await to.workspaces.get(id);
    expect(row?.name).toBe('RES 2.0');
    expect(await readLoadedDoc(row!.doc, (doc) => Object.values(doc.getMap('organisations').toJSON() as Record<string, { name: string }>).map((o) => o.name).sort())).toEqual(['Gemeente Leiden', 'Stedin']);
    expect(await signedChangeStore(to, id).load()).toHaveLength(archive.documents[0]?.changes.length ?? -1);
    await expect(createFromArchive(to, archive, { hardLimitBytes: 1 << 20 })).rejects.toMatchObject({ problem: 'alreadyHere' });
  });

  it('carries the history segments along to a fresh device, and refuses a damaged one', async () => {
    const from = freshDatabase();
    const { id } = await signedWorkspace(from);
    const segment = encodeHistorySegment(id, [{ kind: 'change', signer: 'anne-key', at: 7, refused: false, update: new Uint8Array([0, 0]) }]);
    await from.historySegments.add({ documentId: id, bytes: segment });
    const archive = readArchive(writeArchive(await collectArchive(from, id, { includeRooms: false, includeFiles: false, exportedBy: 'Anne' })));
    expect(archive.documents[0]?.history).toEqual([segment]);
    const to = freshDatabase();
    await createFromArchive(to, archive, { hardLimitBytes: 1 << 20 });
    expect((await to.historySegments.toArray()).map((row) => row.bytes)).toEqual([segment]);

    const damaged = { ...archive, documents: [{ ...archive.documents[0]!, history: [segment.subarray(0, segment.length - 2)] }] };
    const other = freshDatabase();
    await expect(createFromArchive(other, damaged, { hardLimitBytes: 1 << 20 })).rejects.toMatchObject({ problem: 'badChange' });
    expect(await other.workspaces.count()).toBe(0);
  });

  it('refuses an archive with a change that is not signed by its signer, and writes nothing', async () => {
    const from = freshDatabase();
    const { id } = await signedWorkspace(from);
    const archive = await collectArchive(from, id, { includeRooms: false, includeFiles: false, exportedBy: 'Anne' });
    const [first, ...rest] = archive.documents[0]?.changes ?? [];
    if (!first) throw new Error('no change');
    const forged = first.bytes.slice();
    forged[forged.length - 1] = (forged[forged.length - 1] ?? 0) ^ 1;
    const bad = { ...archive, documents: [{ ...archive.documents[0]!, changes: [{ bytes: forged }, ...rest] }] };
    const to = freshDatabase();
    await expect(createFromArchive(to, bad, { hardLimitBytes: 1 << 20 })).rejects.toBeInstanceOf(ArchiveImportError);
    expect(await to.workspaces.count()).toBe(0);
    expect(await to.signedChanges.count()).toBe(0);
  });
});
