import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys, sign, verifyWithPublicKeyText } from '../../../shared/crypto/identity-keys';
import { WorkspaceHistory } from '../../../shared/history/workspace-history';
import { sealChange } from '../../../shared/sync/signed-changes/change-envelope';
import { hashOf, storedSummary } from '../../../shared/sync/signed-changes/change-summary';
import { SignedChangeLog } from '../../../shared/sync/signed-changes/signed-change-log';
import { loadHistoryChanges } from './history-segment-store';
import { signedChangeStore } from './signed-change-store';
import { freshDatabasesFor } from './test-database.test-helper';
import { createWorkspace, deleteWorkspace } from './workspace-store';

const freshDatabase = freshDatabasesFor('signed-changes');
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('signed change store', () => {
  it("moves the changes a checkpoint covers into a history segment, reads the history back whole, and a deleted workspace takes both along", async () => {
    const db = freshDatabase();
    const id = await createWorkspace(db, { regionId: 'holland-rijnland', name: 'RES' }, 'f'.repeat(43), 1000);
    const keys = await generateIdentityKeys();
    const doc = new Y.Doc();
    const log = new SignedChangeLog(doc, {
      documentId: id,
      kind: 'workspace',
      signer: { publicKeyB64: keys.publicKeyB64, sign: (m) => sign(keys.privateKey, m) },
      standingOf: async () => ({ kind: 'member', author: { memberId: 'anne', publicKey: keys.publicKeyB64, organisationName: 'Gemeente', isAdmin: true } }),
      founderKey: () => keys.publicKeyB64,
      verify: verifyWithPublicKeyText,
      store: signedChangeStore(db, id),
      checkpointEvery: 4,
    });
    await log.open();
    doc.on('update', (update: Uint8Array) => void log.seal(update));
    const ideas = doc.getMap<Y.Map<unknown>>('ideas');
    for (let i = 0; i < 6; i++) {
      ideas.set(`i${i}`, new Y.Map<unknown>([['createdBy', 'anne'], ['title', `Idee ${i}`]]));
      await settle();
    }
    ideas.delete('i0');
    await settle();
    await log.stored();

    const rows = await db.signedChanges.where('documentId').equals(id).toArray();
    expect(rows.length).toBeLessThan(7);
    expect(await db.historySegments.where('documentId').equals(id).count()).toBeGreaterThan(0);
    const history = WorkspaceHistory.replayChanges(await loadHistoryChanges(db, id, () => {}));
    expect(history.entries.filter((e) => e.kind === 'change')).toHaveLength(7);
    const before = history.stateAfter(history.lastStateBeforeDeletion('ideas', 'i0') ?? -1);
    expect((before.getMap('ideas').get('i0') as Y.Map<unknown>).get('title')).toBe('Idee 0');
    before.destroy();
    history.destroy();

    await deleteWorkspace(db, id);
    expect(await db.signedChanges.where('documentId').equals(id).count()).toBe(0);
    expect(await db.historySegments.where('documentId').equals(id).count()).toBe(0);
  });

  it('reports a damaged history segment and still reads the rest', async () => {
    const db = freshDatabase();
    await db.historySegments.add({ documentId: 'ws', bytes: new Uint8Array([72, 1, 9, 9, 9]) });
    const warnings: string[] = [];
    expect(await loadHistoryChanges(db, 'ws', (message) => warnings.push(message))).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('malformed')]);
  });

  it('gives changes kept without a summary one when they load, once, and leaves a damaged row as it is', async () => {
    const db = freshDatabase();
    const keys = await generateIdentityKeys();
    const notAChange = Y.encodeStateAsUpdate(new Y.Doc());
    const doc = new Y.Doc();
    doc.getMap('ideas').set('i1', 'Idee');
    const bytes = await sealChange({ kind: 'baseline', documentId: 'ws', signer: keys.publicKeyB64, at: 1, update: Y.encodeStateAsUpdate(doc) }, (message) => sign(keys.privateKey, message));
    await db.signedChanges.bulkAdd([{ documentId: 'ws', bytes }, { documentId: 'ws', bytes: notAChange }]);
    const [loaded, damaged] = await signedChangeStore(db, 'ws').load();
    expect(storedSummary(loaded?.summary, false)).toMatchObject({ hash: hashOf(bytes), to: new Map([[doc.clientID, 1]]) });
    expect(damaged?.summary).toBeUndefined();
    const rows = await db.signedChanges.where('documentId').equals('ws').sortBy('seq');
    expect(rows.map((row) => row.summary)).toEqual([loaded?.summary, undefined]);
  });
});
