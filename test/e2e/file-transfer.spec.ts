/**
 * A shares a 200 MB file through the document library; B, in another
 * Chromium process, fetches it on request (it is above the automatic limit),
 * goes offline part-way, comes back, and the transfer continues from where
 * it stopped, ending complete and verified: B's IndexedDB holds every piece,
 * and they hash (in B's page) to the SHA-256 computed here in Node.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { pseudoRandomBytes } from '../../shared/sync/pseudo-random-bytes';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, createIdentity, createInvite, createWorkspace, joinWithInvite, openSection } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;
const FILE_BYTES = 200 * 1024 * 1024;
const TITLE = 'Netplan 2030';

/** Writes FILE_BYTES of pseudo-random data in 8 MiB blocks (varied per block), hashing as it goes. */
async function writeTestFile(path: string): Promise<string> {
  const block = 8 * 1024 * 1024;
  const hash = createHash('sha256');
  const file = await open(path, 'w');
  try {
    for (let offset = 0, seed = 1; offset < FILE_BYTES; offset += block, seed++) {
      const bytes = pseudoRandomBytes(Math.min(block, FILE_BYTES - offset), seed * 7919);
      hash.update(bytes);
      await file.write(bytes);
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

async function progressOf(page: Page): Promise<number> {
  const bar = page.getByRole('article', { name: TITLE }).getByRole('progressbar', { name: `Voortgang van ${TITLE}` });
  return Number((await bar.getAttribute('aria-valuenow', { timeout: 1_000 }).catch(() => null)) ?? -1);
}

/** B's stored file, read raw from IndexedDB and hashed in B's page. */
function storedFileInPage(page: Page, hash: string) {
  return page.evaluate(async (hash) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('stroomkring');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const done = <T,>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('request failed'));
      });
    try {
      const row = (await done(db.transaction('files').objectStore('files').get(hash))) as { size: number; storedChunks: number; complete: boolean } | undefined;
      const pieces = (await done(db.transaction('fileChunks').objectStore('fileChunks').getAll(IDBKeyRange.bound([hash, 0], [hash, Infinity])))) as { index: number; data: Blob }[];
      const ordered = pieces.every((piece, i) => piece.index === i);
      const whole = new Blob(pieces.map((piece) => piece.data));
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await whole.arrayBuffer()));
      return { row, pieces: pieces.length, ordered, bytes: whole.size, sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') };
    } finally {
      db.close();
    }
  }, hash);
}

test.describe.serial('file transfer between partners', () => {
  let a: Partner;
  let b: Partner;
  let dir: string;

  test.beforeAll(async () => {
    dir = await mkdtemp(joinPath(tmpdir(), 'stroomkring-files-'));
    a = await openPartner(PORT_A);
    b = await openPartner(PORT_B);
  });

  test.afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('a 200 MB file reaches a partner with progress, survives going offline halfway, and is verified', async () => {
    test.setTimeout(600_000);
    const path = joinPath(dir, 'netplan-2030.bin');
    const expected = await writeTestFile(path);

    await createIdentity(a.page, { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager' });
    await createWorkspace(a.page, 'Holland Rijnland', 'RES 2.0');
    await addOrganisation(a.page, { name: 'Gemeente Leiden', type: 'Gemeente' });
    const code = await createInvite(a.page);
    await createIdentity(b.page, { name: 'Bram Jansen', organisation: 'Liander', role: 'Netstrateeg' });
    await joinWithInvite(b.page, code);
    await expect(b.page.getByTestId('sync-status')).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });

    // A adds the file through the library's dialog.
    await openSection(a.page, 'Documenten');
    await a.page.getByRole('button', { name: 'Document toevoegen' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Document toevoegen' });
    await dialog.getByLabel('Bestand kiezen').setInputFiles(path);
    await dialog.getByLabel('Titel').fill(TITLE);
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(dialog).toBeHidden({ timeout: 180_000 });
    const atA = a.page.getByRole('article', { name: TITLE });
    await expect(atA.getByText('Compleet en gecontroleerd')).toBeVisible();

    // B sees it, not yet here (200 MB is above the 25 MB automatic limit), and asks for it.
    await openSection(b.page, 'Documenten');
    const atB = b.page.getByRole('article', { name: TITLE });
    await expect(atB).toBeVisible({ timeout: 30_000 });
    await b.page.waitForTimeout(1_000);
    await expect(atB.getByText('Compleet en gecontroleerd')).toHaveCount(0);
    await atB.getByRole('button', { name: 'Ophalen' }).click();
    await expect(atB.getByRole('progressbar', { name: `Voortgang van ${TITLE}` })).toBeVisible();
    await expectNoSeriousA11yViolations(b.page);

    await expect.poll(() => progressOf(b.page), { timeout: 240_000, intervals: [200] }).toBeGreaterThanOrEqual(40);
    await b.page.getByRole('switch', { name: 'Offline werken' }).click();
    await expect(b.page.getByTestId('sync-status')).toHaveText('Offline');
    await b.page.waitForTimeout(3_000);
    const atBreak = await progressOf(b.page);
    expect(atBreak).toBeGreaterThanOrEqual(40);
    expect(atBreak).toBeLessThan(100);
    await b.page.waitForTimeout(2_000);
    expect(await progressOf(b.page)).toBe(atBreak);

    // Back online: the transfer continues from the stored prefix, never from the start.
    await b.page.getByRole('switch', { name: 'Offline werken' }).click();
    const seen: number[] = [];
    await expect
      .poll(
        async () => {
          const value = await progressOf(b.page);
          if (value >= 0) seen.push(value);
          return (await atB.getByText('Compleet en gecontroleerd').count()) > 0;
        },
        { timeout: 300_000, intervals: [250] },
      )
      .toBe(true);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(atBreak);

    const stored = await storedFileInPage(b.page, expected);
    expect(stored.row).toMatchObject({ size: FILE_BYTES, storedChunks: FILE_BYTES / (128 * 1024), complete: true });
    expect(stored).toMatchObject({ pieces: FILE_BYTES / (128 * 1024), ordered: true, bytes: FILE_BYTES, sha256: expected });
  });
});
