import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys';
import { openWorkspaceLog } from '../../shared/sync/signed-changes/memory-change-store.test-helper';
import { PeerStore } from './peer-store';

const directories: string[] = [];
afterEach(async () => {
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

async function dataDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'stroomkring-peer-'));
  directories.push(directory);
  return directory;
}

const bytes = (...values: number[]) => new Uint8Array(values);

describe('the region peer store (real LevelDB)', () => {
  it('keeps every update of a document as it happens, so a reopened store holds all of it', async () => {
    const directory = await dataDirectory();
    const first = await PeerStore.open(directory);
    const { doc, stop } = await first.document('ws-1');
    doc.getMap('ideas').set('a', 'Buurtbatterij');
    doc.getMap('ideas').set('b', 'Warmtenet');
    // The stores run in the background; closing waits for y-leveldb's queue.
    stop();
    await first.close();

    const second = await PeerStore.open(directory);
    const { doc: again } = await second.document('ws-1');
    expect(again.getMap('ideas').toJSON()).toEqual({ a: 'Buurtbatterij', b: 'Warmtenet' });
    expect((await second.held()).map((held) => held.documentId)).toEqual(['ws-1']);
    await second.close();
  });

  it("keeps a document's signed changes in order, apart from other documents', drops covered ones, and reads them after a restart", async () => {
    const directory = await dataDirectory();
    const first = await PeerStore.open(directory);
    const changes = first.changeStore('ws-1');
    await changes.append([{ bytes: bytes(1) }, { bytes: bytes(2), refused: true }]);
    await first.changeStore('ws-10').append([{ bytes: bytes(9) }]);
    await changes.append([{ bytes: bytes(3), restates: true }]);
    await changes.compact?.([{ bytes: bytes(1) }]);
    await first.close();

    const second = await PeerStore.open(directory);
    expect(await second.changeStore('ws-1').load()).toEqual([
      { bytes: bytes(2), refused: true, restates: false },
      { bytes: bytes(3), refused: false, restates: true },
    ]);
    await second.changeStore('ws-1').append([{ bytes: bytes(4) }]);
    expect((await second.changeStore('ws-1').load()).map((row) => [...row.bytes])).toEqual([[2], [3], [4]]);
    expect(await second.changeStore('ws-10').load()).toEqual([{ bytes: bytes(9), refused: false, restates: false }]);
    await second.close();
  });

  it('reports a kept change that does not read and loads the rest', async () => {
    const directory = await dataDirectory();
    const store = await PeerStore.open(directory);
    await store.changeStore('ws-1').append([{ bytes: bytes(1) }]);
    await store.close();
    const raw = new Level<string, Uint8Array>(join(directory, 'changes'), { valueEncoding: 'view' });
    await raw.put('ws-1!0000000000000005', bytes(7, 0));
    await raw.close();

    const warnings: string[] = [];
    const reopened = await PeerStore.open(directory, (message) => warnings.push(message));
    expect(await reopened.changeStore('ws-1').load()).toEqual([{ bytes: bytes(1), refused: false, restates: false }]);
    expect(warnings).toEqual([expect.stringContaining('ws-1!0000000000000005 does not read')]);
    await reopened.close();
  });

  it('a signed-change log kept in it answers the same catch-ups after a restart', async () => {
    const directory = await dataDirectory();
    const keys = await generateIdentityKeys();
    const first = await PeerStore.open(directory);
    const { doc, stop } = await first.document('ws-1');
    const log = await openWorkspaceLog(doc, 'ws-1', keys, first.changeStore('ws-1'));
    const sealing: Promise<unknown>[] = [];
    doc.on('update', (update: Uint8Array) => sealing.push(log.seal(update)));
    for (let i = 0; i < 4; i += 1) doc.getMap('ideas').set(`i${i}`, `Idee ${i}`);
    await Promise.all(sealing);
    await log.stored();
    const before = log.covering(Y.snapshot(new Y.Doc()));
    stop();
    await first.close();

    const second = await PeerStore.open(directory);
    const { doc: again } = await second.document('ws-1');
    const reopened = await openWorkspaceLog(again, 'ws-1', keys, second.changeStore('ws-1'));
    expect(reopened.covering(Y.snapshot(new Y.Doc()))).toEqual(before);
    expect(before).toHaveLength(4);
    await second.close();
  });
});
