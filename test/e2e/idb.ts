import type { Page } from '@playwright/test';

/**
 * Writes straight into the app's IndexedDB, as a damaged disk or a buggy
 * older version would; the app must cope with whatever it finds.
 */
export async function putRaw(page: Page, store: string, value: unknown): Promise<void> {
  await page.evaluate(
    async ({ store, value }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('stroomkring');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        tx.objectStore(store).put(value);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    },
    { store, value },
  );
}

/** Adds a Yjs update (V2 encoding, as y-dexie stores them) to a workspace document, as if a peer had sent it. */
export async function putDocumentUpdate(page: Page, workspaceId: string, update: Uint8Array): Promise<void> {
  await page.evaluate(
    async ({ workspaceId, bytes }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('stroomkring');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('$workspaces.doc_updates', 'readwrite');
        tx.objectStore('$workspaces.doc_updates').add({ k: workspaceId, u: new Uint8Array(bytes), f: 0 });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    },
    { workspaceId, bytes: Array.from(update) },
  );
}

export function workspaceIdFromUrl(url: string): string {
  const match = /#\/w\/([^/?#]+)/.exec(url);
  if (!match?.[1]) throw new Error(`Not a workspace URL: ${url}`);
  return match[1];
}
