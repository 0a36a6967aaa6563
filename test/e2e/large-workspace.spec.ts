import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from './fixtures';
import * as Y from 'yjs';
import { addOrganisation, createIdentity, createWorkspace, openSection } from './app-actions';
import { putFetchedDocumentUpdate, storedUpdateBytes, workspaceIdFromUrl } from './idb';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * The acceptance case of "any size" in the app itself: a workspace with
 * 50 MB of state syncs to a partner who joins, and edits keep flowing both
 * ways afterwards (with stock y-webrtc the state never arrives and later edits
 * stay pending forever). A single 5 MB edit between connected providers is
 * covered in framing.spec.ts.
 */
const STATE_MB = 50;
const LOAD_PATH = '/__load-test/update.bin';

/** A Yjs update (V2, as y-dexie stores them) that adds `megabytes` of random text under a root of its own. */
function ballastUpdate(megabytes: number, label: string): Buffer {
  const doc = new Y.Doc();
  doc.getText(`load-test-${label}`).insert(0, randomBytes((megabytes * 1_000_000 * 3) / 4).toString('base64'));
  return Buffer.from(Y.encodeStateAsUpdateV2(doc));
}

/**
 * Puts the update into the page's stored workspace document, as if written
 * earlier; the page must reload to load it (Dexie does not observe raw
 * IndexedDB writes).
 */
async function storeUpdate(page: Page, workspaceId: string, update: Buffer) {
  await page.route(`**${LOAD_PATH}`, (route) => route.fulfill({ status: 200, body: update, contentType: 'application/octet-stream' }));
  await putFetchedDocumentUpdate(page, workspaceId, LOAD_PATH);
  await page.unroute(`**${LOAD_PATH}`);
}

test('a 50 MB workspace syncs to a partner who joins, and edits keep flowing both ways', async () => {
  test.setTimeout(420_000);
  const [portA, portB] = PARTNER_HOST_PORTS;
  const [a, b]: [Partner, Partner] = await Promise.all([openPartner(portA), openPartner(portB)]);
  try {
    await createIdentity(a.page, { name: 'Anne de Vries', organisation: 'Provincie Utrecht', role: 'Archivaris' });
    await createWorkspace(a.page, 'U16', 'Archief');
    await addOrganisation(a.page, { name: 'Regionaal Archief', type: 'Overig' });
    const workspaceId = workspaceIdFromUrl(a.page.url());
    await storeUpdate(a.page, workspaceId, ballastUpdate(STATE_MB, 'state'));
    expect(await storedUpdateBytes(a.page, workspaceId)).toBeGreaterThan(STATE_MB * 1_000_000);
    await a.page.reload();
    await expect(a.page.getByRole('article', { name: 'Regionaal Archief' })).toBeVisible({ timeout: 60_000 });

    await a.page.getByRole('button', { name: 'Uitnodigen' }).click();
    const code = await a.page.getByTestId('invite-code').inputValue();
    await a.page.getByRole('dialog', { name: 'Partner uitnodigen' }).getByRole('button', { name: 'Sluiten' }).click();

    await createIdentity(b.page, { name: 'Bram Jansen', organisation: 'Stedin', role: 'Netstrateeg' });
    await b.page.getByRole('button', { name: 'Deelnemen met uitnodiging' }).click();
    await b.page.getByLabel('Uitnodigingscode').fill(code);
    const started = Date.now();
    await b.page.getByRole('dialog', { name: 'Deelnemen aan een werkruimte' }).getByRole('button', { name: 'Deelnemen' }).click();
    await expect(b.page.getByRole('heading', { level: 1, name: 'Archief' })).toBeVisible({ timeout: 30_000 });
    await openSection(b.page, 'Organisaties');
    await expect(b.page.getByRole('article', { name: 'Regionaal Archief' })).toBeVisible({ timeout: 150_000 });
    await expect.poll(() => storedUpdateBytes(b.page, workspaceId), { timeout: 60_000 }).toBeGreaterThan(STATE_MB * 1_000_000);
    console.log(`50 MB workspace reached the new partner in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await expect(b.page.getByTestId('sync-status')).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });

    await addOrganisation(b.page, { name: 'Stedin', type: 'Netbeheerder' });
    await expect(a.page.getByRole('article', { name: 'Stedin' })).toBeVisible({ timeout: 30_000 });
    await addOrganisation(a.page, { name: 'Gemeente Utrecht', type: 'Gemeente' });
    await expect(b.page.getByRole('article', { name: 'Gemeente Utrecht' })).toBeVisible({ timeout: 30_000 });
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
