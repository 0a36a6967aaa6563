import type { Page } from '@playwright/test';

/**
 * Reads and writes the app's IndexedDB directly from the test, as a damaged
 * disk, an older version or a peer's stored update would; the app must cope
 * with whatever it finds. One in-page function serves every operation, since
 * code passed to page.evaluate cannot share helpers.
 */
type IdbOp =
  | { kind: 'put'; store: string; value: unknown }
  | { kind: 'addUpdate'; workspaceId: string; bytes?: number[]; fetchPath?: string }
  | { kind: 'count'; store: string }
  | { kind: 'updateBytes'; workspaceId: string }
  | { kind: 'get'; store: string; key: string };

const UPDATES = '$workspaces.doc_updates';

function runIdbOp(page: Page, op: IdbOp): Promise<unknown> {
  return page.evaluate(
    async ({ op, updates }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('stroomkring');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      const done = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('request failed'));
        });
      try {
        switch (op.kind) {
          case 'put':
            await done(db.transaction(op.store, 'readwrite').objectStore(op.store).put(op.value));
            return 1;
          case 'addUpdate': {
            const u = op.fetchPath ? new Uint8Array(await (await fetch(op.fetchPath)).arrayBuffer()) : new Uint8Array(op.bytes ?? []);
            await done(db.transaction(updates, 'readwrite').objectStore(updates).add({ k: op.workspaceId, u, f: 0 }));
            return u.byteLength;
          }
          case 'count':
            return await done(db.transaction(op.store).objectStore(op.store).count());
          case 'get':
            return await done(db.transaction(op.store).objectStore(op.store).get(op.key));
          case 'updateBytes': {
            const rows = (await done(db.transaction(updates).objectStore(updates).index('k').getAll(op.workspaceId))) as { u: Uint8Array }[];
            return rows.reduce((sum, row) => sum + row.u.byteLength, 0);
          }
        }
      } finally {
        db.close();
      }
    },
    { op, updates: UPDATES },
  );
}

export async function putRaw(page: Page, store: string, value: unknown): Promise<void> {
  await runIdbOp(page, { kind: 'put', store, value });
}

/** Adds a Yjs update (V2, as y-dexie stores them) to a workspace document, as if a peer had sent it. */
export async function putDocumentUpdate(page: Page, workspaceId: string, update: Uint8Array): Promise<void> {
  await runIdbOp(page, { kind: 'addUpdate', workspaceId, bytes: Array.from(update) });
}

/** The same for a large update, which the page fetches from `path` (served by the test with page.route). */
export async function putFetchedDocumentUpdate(page: Page, workspaceId: string, path: string): Promise<number> {
  return (await runIdbOp(page, { kind: 'addUpdate', workspaceId, fetchPath: path })) as number;
}

export async function countRows(page: Page, store: string): Promise<number> {
  return (await runIdbOp(page, { kind: 'count', store })) as number;
}

/** One stored row as it is, by primary key (undefined when there is none). */
export function storedRow(page: Page, store: string, key: string): Promise<unknown> {
  return runIdbOp(page, { kind: 'get', store, key });
}

/** The workspace key this page's device uses now (it changes when the key is rotated). */
export async function storedWorkspaceKey(page: Page, workspaceId: string): Promise<string | undefined> {
  return ((await storedRow(page, 'workspaceAccess', workspaceId)) as { key?: string } | undefined)?.key;
}

/** The same for a confidential room's key. */
export async function storedRoomKey(page: Page, roomId: string): Promise<string | undefined> {
  return ((await storedRow(page, 'roomAccess', roomId)) as { key?: string } | undefined)?.key;
}

/** Bytes of workspace document updates the page has stored (y-dexie persists what arrives from peers). */
export async function storedUpdateBytes(page: Page, workspaceId: string): Promise<number> {
  return (await runIdbOp(page, { kind: 'updateBytes', workspaceId })) as number;
}

export function workspaceIdFromUrl(url: string): string {
  const match = /#\/w\/([^/?#]+)/.exec(url);
  if (!match?.[1]) throw new Error(`Not a workspace URL: ${url}`);
  return match[1];
}
