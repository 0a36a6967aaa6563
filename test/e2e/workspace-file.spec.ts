import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, createIdentity, createWorkspace, openSection, startPairAtHosts } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * Issue 13, item 2, in separate Chromium processes: the whole workspace in
 * one file. A lost laptop: Bram's identity backup and workspace file bring
 * the workspace back on a fresh install with no partner online, and it then
 * syncs with Anne. Sneakernet: two partners with no network exchange files
 * both ways and converge; a damaged file and a file that is not one are
 * named and change nothing; a fresh install takes the file as a new workspace.
 */
const [PORT_A, PORT_B, PORT_C] = PARTNER_HOST_PORTS;
const status = (page: Page) => page.getByTestId('sync-status');
const offlineSwitch = (page: Page) => page.getByRole('switch', { name: 'Offline werken' });
const PASSPHRASE = 'windpark aan de a44';

async function exportWorkspace(page: Page, protection: { passphrase: string } | 'key', name = 'RES 2.0'): Promise<string> {
  await page.getByRole('button', { name: 'Werkruimte', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Werkruimte exporteren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Werkruimte exporteren' });
  if (protection !== 'key') {
    await dialog.getByRole('radio', { name: 'Een wachtwoordzin' }).check();
    await dialog.getByLabel(/^Wachtwoordzin\W*$/).fill(protection.passphrase);
    await dialog.getByLabel('Wachtwoordzin nog eens').fill(protection.passphrase);
  }
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exporteren' }).click();
  const path = await (await download).path();
  await expect(dialog.getByRole('status')).toContainText(new RegExp(`Opgeslagen als ${name.replace('.', '\\.')} \\d{4}-\\d\\d-\\d\\d\\.stroomkring`));
  await dialog.getByRole('button', { name: 'Sluiten', exact: true }).last().click();
  await expect(dialog).toBeHidden();
  return path;
}

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Werkruimte', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Werkruimtebestand inlezen…' }).click();
  return page.getByRole('dialog', { name: 'Werkruimtebestand inlezen' });
}

test('a workspace file brings a workspace back on a fresh install, which then syncs with a partner', async () => {
  test.setTimeout(180_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B), openPartner(PORT_C)]);
  const [a, b, d] = partners as [Partner, Partner, Partner];
  try {
    await startPairAtHosts(a.page, b.page, PORT_B);
    await addOrganisation(b.page, { name: 'Stedin', type: 'Netbeheerder' });
    await openSection(a.page, 'Organisaties');
    await expect(a.page.getByRole('article', { name: 'Stedin' })).toBeVisible({ timeout: 20_000 });

    // Bram keeps an identity backup and a workspace file.
    await b.page.getByRole('button', { name: /^Profielmenu/ }).click();
    await b.page.getByRole('menuitem', { name: 'Back-up van je identiteit maken' }).click();
    const backup = b.page.getByRole('dialog', { name: 'Back-up van je identiteit' });
    await backup.getByLabel(/^Wachtwoordzin\W*$/).fill(PASSPHRASE);
    await backup.getByLabel('Wachtwoordzin nog eens').fill(PASSPHRASE);
    const identityDownload = b.page.waitForEvent('download');
    await backup.getByRole('button', { name: 'Back-up maken' }).click();
    const identityFile = await (await identityDownload).path();
    await backup.getByRole('button', { name: 'Klaar' }).click();
    const workspaceFile = await exportWorkspace(b.page, { passphrase: PASSPHRASE });

    // His laptop is gone; Anne works offline.
    await offlineSwitch(a.page).click();
    await b.close();

    // The fresh install: restore the identity, then the workspace from its file, with nobody online.
    await d.page.getByRole('button', { name: 'Back-up terugzetten' }).click();
    const restore = d.page.getByRole('dialog', { name: 'Back-up terugzetten' });
    await restore.locator('input[type="file"]').setInputFiles(identityFile);
    await restore.getByLabel('Wachtwoordzin').fill(PASSPHRASE);
    await restore.getByRole('button', { name: 'Terugzetten' }).click();
    await expect(d.page.getByRole('heading', { name: 'Je werkruimtes' })).toBeVisible({ timeout: 30_000 });
    // From the start screen the file names the workspace that is already here and where to merge it.
    await d.page.getByRole('button', { name: 'Werkruimte uit een bestand' }).click();
    const fresh = d.page.getByRole('dialog', { name: 'Werkruimte uit een bestand' });
    await fresh.locator('input[type="file"]').setInputFiles(workspaceFile);
    await fresh.getByLabel('Wachtwoordzin of werkruimtesleutel').fill(PASSPHRASE);
    await fresh.getByRole('button', { name: 'Inlezen' }).click();
    await expect(fresh.getByRole('alert')).toHaveText('RES 2.0 staat al op dit apparaat. Open die werkruimte en kies daar Werkruimtebestand inlezen om samen te voegen.', { timeout: 30_000 });
    await fresh.getByRole('button', { name: 'Annuleren' }).click();
    await d.page.getByRole('link', { name: 'Werkruimte RES 2.0 (Holland Rijnland) openen' }).click();
    await openSection(d.page, 'Organisaties');
    await expect(d.page.getByRole('article', { name: 'Stedin' })).toHaveCount(0);
    const take = await openImport(d.page);
    await take.locator('input[type="file"]').setInputFiles(workspaceFile);
    await expect(take.getByText('Dit bestand is met een wachtwoordzin beveiligd.')).toBeVisible();
    await take.getByLabel('Wachtwoordzin of werkruimtesleutel').fill('niet de goede zin');
    await take.getByRole('button', { name: 'Inlezen' }).click();
    await expect(take.getByRole('alert')).toHaveText('Deze wachtwoordzin of sleutel opent het bestand niet. Er is niets veranderd.', { timeout: 30_000 });
    await take.getByLabel('Wachtwoordzin of werkruimtesleutel').fill(PASSPHRASE);
    await take.getByRole('button', { name: 'Inlezen' }).click();
    await expect(take.getByRole('status')).toHaveText('Samengevoegd: RES 2.0 is bijgewerkt.', { timeout: 30_000 });
    await d.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(d.page);
    await take.getByRole('button', { name: 'Sluiten', exact: true }).last().click();
    await expect(d.page.getByRole('article', { name: 'Stedin' })).toBeVisible();
    await expect(d.page.getByRole('article', { name: 'Gemeente Leiden' })).toBeVisible();

    // Anne comes back online: the restored workspace syncs both ways.
    await offlineSwitch(a.page).click();
    await expect(status(d.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });
    await addOrganisation(a.page, { name: 'Alliander', type: 'Netbeheerder' });
    await expect(d.page.getByRole('article', { name: 'Alliander' })).toBeVisible({ timeout: 20_000 });
    await addOrganisation(d.page, { name: 'Dunea', type: 'Waterschap' });
    await expect(a.page.getByRole('article', { name: 'Dunea' })).toBeVisible({ timeout: 20_000 });
  } finally {
    await Promise.all(partners.map((partner) => partner.close()));
  }
});

test('two partners with no network exchange workspace files both ways and converge', async () => {
  test.setTimeout(180_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B), openPartner(PORT_C)]);
  const [a, b, c] = partners as [Partner, Partner, Partner];
  try {
    await startPairAtHosts(a.page, b.page, PORT_B);
    await offlineSwitch(a.page).click();
    await offlineSwitch(b.page).click();
    await addOrganisation(a.page, { name: 'Stedin', type: 'Netbeheerder' });
    await addOrganisation(b.page, { name: 'Alliander', type: 'Netbeheerder' });
    await expect(b.page.getByRole('article', { name: 'Stedin' })).toHaveCount(0);

    // A's file to B: it opens with the workspace key B holds, nothing to type.
    const fromA = await exportWorkspace(a.page, 'key');
    let take = await openImport(b.page);
    // First a damaged copy and a file that is not one: named, nothing changed.
    const damaged = `${fromA}.beschadigd`;
    const bytes = await readFile(fromA);
    await writeFile(damaged, bytes.subarray(0, bytes.length - 1000));
    await take.locator('input[type="file"]').setInputFiles(damaged);
    await expect(take.getByRole('alert')).toHaveText('Dit bestand is beschadigd of onvolledig (bijvoorbeeld een afgebroken download). Er is niets veranderd.');
    await take.locator('input[type="file"]').setInputFiles({ name: 'notities.txt', mimeType: 'text/plain', buffer: Buffer.from('geen werkruimte') });
    await expect(take.getByRole('alert')).toHaveText('Dit is geen werkruimtebestand van Stroomkring.');
    await take.locator('input[type="file"]').setInputFiles(fromA);
    await expect(take.getByRole('status')).toHaveText('Samengevoegd: RES 2.0 is bijgewerkt.', { timeout: 30_000 });
    await take.getByRole('button', { name: 'Sluiten', exact: true }).last().click();
    await expect(b.page.getByRole('article', { name: 'Stedin' })).toBeVisible();

    // B's file to A, and A has everything too.
    const fromB = await exportWorkspace(b.page, 'key');
    take = await openImport(a.page);
    await take.locator('input[type="file"]').setInputFiles(fromB);
    await expect(take.getByRole('status')).toHaveText('Samengevoegd: RES 2.0 is bijgewerkt.', { timeout: 30_000 });
    await take.getByRole('button', { name: 'Sluiten', exact: true }).last().click();
    for (const page of [a.page, b.page]) {
      await openSection(page, 'Organisaties');
      for (const name of ['Gemeente Leiden', 'Stedin', 'Alliander']) await expect(page.getByRole('article', { name })).toBeVisible();
    }
    // The same file again brings nothing new.
    take = await openImport(a.page);
    await take.locator('input[type="file"]').setInputFiles(fromB);
    await expect(take.getByRole('status')).toHaveText('Niets nieuws: alles uit dit bestand stond er al.', { timeout: 30_000 });
    await take.getByRole('button', { name: 'Sluiten', exact: true }).last().click();

    // A file of another workspace is named as such and changes nothing.
    await a.page.getByRole('link', { name: 'Terug naar je werkruimtes' }).click();
    await createWorkspace(a.page, 'Holland Rijnland', 'Warmte');
    const otherFile = await exportWorkspace(a.page, { passphrase: PASSPHRASE }, 'Warmte');
    take = await openImport(b.page);
    await take.locator('input[type="file"]').setInputFiles(otherFile);
    await take.getByLabel('Wachtwoordzin of werkruimtesleutel').fill(PASSPHRASE);
    await take.getByRole('button', { name: 'Inlezen' }).click();
    await expect(take.getByRole('alert')).toHaveText('Dit bestand hoort bij een andere werkruimte (Warmte). Lees het in vanaf het startscherm, of open die werkruimte.', { timeout: 30_000 });
    await take.getByRole('button', { name: 'Annuleren' }).click();
    await a.page.getByRole('link', { name: 'Terug naar je werkruimtes' }).click();
    await a.page.getByRole('link', { name: 'Werkruimte RES 2.0 (Holland Rijnland) openen' }).click();

    // A fresh install takes a passphrase file as a new workspace, as it was.
    const withPassphrase = await exportWorkspace(a.page, { passphrase: PASSPHRASE });
    await createIdentity(c.page, { name: 'Carla Smit', organisation: 'Energiecoöperatie Leiden', role: 'Voorzitter' });
    await c.page.getByRole('button', { name: 'Werkruimte uit een bestand' }).click();
    const fresh = c.page.getByRole('dialog', { name: 'Werkruimte uit een bestand' });
    await fresh.locator('input[type="file"]').setInputFiles(withPassphrase);
    await fresh.getByLabel('Wachtwoordzin of werkruimtesleutel').fill(PASSPHRASE);
    await fresh.getByRole('button', { name: 'Inlezen' }).click();
    await expect(fresh.getByRole('status')).toHaveText('RES 2.0 staat nu op dit apparaat.', { timeout: 30_000 });
    await fresh.getByRole('button', { name: 'Sluiten', exact: true }).last().click();
    await expect(c.page.getByRole('heading', { level: 1, name: 'RES 2.0' })).toBeVisible();
    await openSection(c.page, 'Organisaties');
    for (const name of ['Gemeente Leiden', 'Stedin', 'Alliander']) await expect(c.page.getByRole('article', { name })).toBeVisible();
  } finally {
    await Promise.all(partners.map((partner) => partner.close()));
  }
});
