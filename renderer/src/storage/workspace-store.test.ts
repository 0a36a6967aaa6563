import 'fake-indexeddb/auto';
import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addOrganisation, readOrganisations } from '../../../shared/workspace-doc/organisations';
import { readMeta } from '../../../shared/workspace-doc/meta';
import { WORKSPACE_UPDATES_TABLE, type StroomkringDatabase } from './database';
import { freshDatabasesFor, readLoadedDoc } from './test-database.test-helper';
import { addIdea } from '../../../shared/workspace-doc/ideas';
import { createWorkspace, deleteWorkspace, listWorkspaces, markWorkspaceOpened, renameWorkspace, storedDocumentProblem } from './workspace-store';
import { DexieYProvider } from 'y-dexie';

const freshDatabase = freshDatabasesFor('test');

async function withDoc<T>(db: StroomkringDatabase, id: string, read: (doc: Y.Doc) => T): Promise<T> {
  const row = await db.workspaces.get(id);
  if (!row) throw new Error('missing row');
  return readLoadedDoc(row.doc, read);
}

describe('workspace store', () => {
  it('creates a workspace whose document carries its meta, and lists it', async () => {
    const db = freshDatabase();
    const id = await createWorkspace(db, { regionId: 'holland-rijnland', name: 'RES 2.0' }, 'f'.repeat(43), 1000);
    const list = await listWorkspaces(db);
    expect(list).toEqual([{ ok: true, id, value: { id, regionId: 'holland-rijnland', name: 'RES 2.0', createdAt: 1000, lastOpenedAt: 1000 } }]);
    const meta = await withDoc(db, id, (doc) => readMeta(doc));
    expect(meta).toEqual({ ok: true, meta: { schemaVersion: 1, workspaceId: id, regionId: 'holland-rijnland', createdAt: 1000 } });
  });

  it('keeps organisations across a reopen of the database', async () => {
    const name = 'persist-reopen';
    const first = freshDatabase(name);
    const id = await createWorkspace(first, { regionId: 'twente', name: '' }, 'f'.repeat(43));
    await withDoc(first, id, (doc) =>
      addOrganisation(doc, { name: 'Enexis', type: 'netbeheerder', description: '', website: '' }, { memberId: 'm1', now: 5 }),
    );
    first.close();
    const second = freshDatabase(name);
    const orgs = await withDoc(second, id, (doc) => readOrganisations(doc));
    expect(orgs.map((org) => (org.ok ? org.value.name : org.problem))).toEqual(['Enexis']);
  });

  it('lists most recently opened first and renames', async () => {
    const db = freshDatabase();
    const a = await createWorkspace(db, { regionId: 'twente', name: 'A' }, 'f'.repeat(43), 1);
    const b = await createWorkspace(db, { regionId: 'zeeland', name: 'B' }, 'f'.repeat(43), 2);
    await markWorkspaceOpened(db, a, 3);
    await renameWorkspace(db, b, 'B2');
    const list = await listWorkspaces(db);
    expect(list.map((entry) => (entry.ok ? entry.value.name : '?'))).toEqual(['A', 'B2']);
  });

  it('lists a record it cannot read as damaged instead of dropping it', async () => {
    const db = freshDatabase();
    await createWorkspace(db, { regionId: 'twente', name: 'fine' }, 'f'.repeat(43), 1);
    await db.workspaces.add({ id: 'broken', regionId: 'atlantis', name: 42 as unknown as string, createdAt: 1, lastOpenedAt: 1 } as never);
    const list = await listWorkspaces(db);
    expect(list).toHaveLength(2);
    const damaged = list.find((entry) => !entry.ok);
    expect(damaged).toMatchObject({ ok: false, id: 'broken' });
    expect(damaged && !damaged.ok && damaged.problem).toMatch(/regionId|name/);
  });

  it('deletes the workspace together with its stored document updates', async () => {
    const db = freshDatabase();
    const keep = await createWorkspace(db, { regionId: 'twente', name: 'keep' }, 'f'.repeat(43));
    const drop = await createWorkspace(db, { regionId: 'zeeland', name: 'drop' }, 'f'.repeat(43));
    await withDoc(db, drop, (doc) => addOrganisation(doc, { name: 'HZ', type: 'kennisinstelling', description: '', website: '' }, { memberId: 'm', now: 1 }));
    const updates = db.table(WORKSPACE_UPDATES_TABLE);
    expect(await updates.where('k').equals(drop).count()).toBeGreaterThan(0);
    await deleteWorkspace(db, drop);
    expect(await updates.where('k').equals(drop).count()).toBe(0);
    expect(await updates.where('k').equals(keep).count()).toBeGreaterThan(0);
    expect((await listWorkspaces(db)).map((entry) => entry.id)).toEqual([keep]);
  });

  it('a stored change that does not apply gives its position, also one that decodes; any other loads (y-dexie as patched)', async () => {
    const db = freshDatabase();
    const doc = new Y.Doc();
    for (let i = 0; i < 12; i += 1) addIdea(doc, { title: `Idee ${i}`, description: 'Samen', tags: ['zon'], goalId: '' }, { memberId: 'm', now: i + 1, id: `i${i}` });
    doc.getMap('ideas').delete('i3');
    const update = Y.encodeStateAsUpdateV2(doc);
    /** Stores `rows` after a new workspace's first change and loads it: null, or what the user is told. */
    const load = async (...rows: unknown[]): Promise<string | null> => {
      const id = await createWorkspace(db, { regionId: 'holland-rijnland', name: 'RES' }, 'f'.repeat(43), 1000);
      await db.table(WORKSPACE_UPDATES_TABLE).bulkAdd(rows.map((u) => ({ k: id, u })));
      const stored = (await db.workspaces.get(id))?.doc;
      if (!stored) throw new Error('missing row');
      const provider = DexieYProvider.load(stored);
      try {
        await provider.whenLoaded;
        return null;
      } catch (error) {
        return storedDocumentProblem(error);
      } finally {
        DexieYProvider.release(stored);
      }
    };
    expect(await load(update)).toBeNull();
    expect(await load(update, 'text')).toBe('stored change 3/3 cannot be decoded (TypeError: not binary data)');
    // Found by the property below: decoding takes this change, applying it throws (a struct refers to an item that is not there).
    const decodesButFails = update.slice();
    decodesButFails[10] = 0;
    expect(() => Y.decodeUpdateV2(decodesButFails)).not.toThrow();
    expect(await load(decodesButFails)).toMatch(/^stored change 2\/2 cannot be decoded/);
    await fc.assert(
      fc.asyncProperty(fc.nat(update.length), fc.array(fc.tuple(fc.nat(update.length - 1), fc.nat(255)), { maxLength: 4 }), async (cut, changes) => {
        const bytes = update.slice(0, Math.max(1, cut));
        for (const [at, value] of changes) if (at < bytes.length) bytes[at] = value;
        let applyFails = false;
        try {
          Y.applyUpdateV2(new Y.Doc(), bytes);
        } catch {
          applyFails = true;
        }
        expect((await load(bytes)) !== null).toBe(applyFails);
      }),
      { numRuns: 100 },
    );
  });
});
