import { expect, test, type Locator, type Page } from './fixtures';
import * as Y from 'yjs';
import { addDocument as writeDocument } from '../../shared/workspace-doc/documents';
import { expectNoSeriousA11yViolations } from './a11y';
import { pdf, png } from '../fixtures/document-files';
import { addOrganisation, createIdentity, createWorkspace, openSection } from './app-actions';
import { putDocumentUpdate, workspaceIdFromUrl } from './idb';
import { openPartner, PARTNER_HOST_PORTS, type Partner } from './partners';

/** axe over the page with the pointer parked, so a hovered button's hover colour is not what gets measured. */
async function checkA11y(page: Page) {
  await page.mouse.move(0, 0);
  await expectNoSeriousA11yViolations(page);
}

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function addDocument(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, fields: { description?: string; tags?: string } = {}) {
  await page.getByRole('button', { name: 'Document toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document toevoegen' });
  await dialog.getByLabel('Bestand kiezen').setInputFiles(file);
  if (fields.description) await dialog.getByLabel('Beschrijving').fill(fields.description);
  if (fields.tags) await dialog.getByLabel('Tags').fill(fields.tags);
  await dialog.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(dialog).toBeHidden();
}

async function openPreview(page: Page, article: Locator, title: string): Promise<Locator> {
  const view = article.getByRole('button', { name: 'Bekijken' });
  await expect(view).toBeEnabled();
  await view.click();
  return page.getByRole('dialog', { name: title });
}

test('the document library: add, preview, version, refuse bad input, comment', async ({ page }) => {
  test.setTimeout(120_000);
  const consoleErrors = collectConsoleErrors(page);
  await page.goto('/');
  await createIdentity(page);
  await createWorkspace(page, 'Holland Rijnland', 'Bibliotheek');
  await addOrganisation(page, { name: 'Gemeente Leiden', type: 'Gemeente' });
  await openSection(page, 'Documenten');
  await expect(page.getByRole('heading', { name: 'Documenten', level: 2 })).toBeVisible();

  // The add dialog: labels, the workspace's two sensitivity labels only, and a refused empty file.
  await page.getByRole('button', { name: 'Document toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document toevoegen' });
  await expect(dialog.getByRole('combobox', { name: 'Organisatie' })).toHaveValue('Gemeente Leiden');
  await expect(dialog.getByText(/Vertrouwelijke documenten horen in een vertrouwelijke kamer/)).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Gevoeligheid' }).click();
  await expect(page.getByRole('option', { name: 'Openbaar' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Intern' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Vertrouwelijk' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await dialog.getByLabel('Beschrijving').fill('Blijft staan na een fout');
  await dialog.getByLabel('Bestand kiezen').setInputFiles({ name: 'leeg.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(dialog.getByRole('alert')).toContainText('Dit bestand is leeg (0 bytes)');
  await expect(dialog.getByLabel('Beschrijving')).toHaveValue('Blijft staan na een fout');
  await dialog.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Kies eerst een bestand');
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('article')).toHaveCount(0);

  // A file over the hard limit (lowered to 1 MB) is refused in the dialog, and the typed title stays.
  await page.getByRole('button', { name: 'Instellingen voor bestanden' }).click();
  const settings = page.getByRole('dialog', { name: 'Instellingen voor bestanden' });
  await settings.getByLabel('Automatisch ophalen tot (MB)').fill('1');
  await settings.getByLabel('Grootste bestand dat je kunt toevoegen (MB)').fill('1');
  await settings.getByRole('button', { name: 'Opslaan' }).click();
  await expect(settings).toBeHidden();
  await page.getByRole('button', { name: 'Document toevoegen' }).click();
  await dialog.getByLabel('Titel').fill('Te groot');
  await dialog.getByLabel('Bestand kiezen').setInputFiles({ name: 'groot.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1024 * 1024 + 1, 7) });
  await expect(dialog.getByRole('alert')).toContainText('groter dan de grens van 1 MB');
  await expect(dialog.getByLabel('Titel')).toHaveValue('Te groot');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();

  // An image, a text file and a PDF.
  await addDocument(page, { name: 'kaart.png', mimeType: 'image/png', buffer: png(40, 30, [200, 30, 30]) }, { description: 'Zoekgebieden wind', tags: 'wind, kaart' });
  await addDocument(page, { name: 'notities.txt', mimeType: 'text/plain', buffer: Buffer.from('Eerste versie: verslag van de regiosessie in Leiden.\n', 'utf8') });
  await addDocument(page, { name: 'warmtevisie.pdf', mimeType: 'application/pdf', buffer: pdf('Warmtevisie Leiden') });

  const image = page.getByRole('article', { name: 'kaart' });
  await expect(image).toContainText('Intern');
  await expect(image).toContainText('Gemeente Leiden');
  await expect(image).toContainText('PNG');
  await expect(image).toContainText('Toegevoegd door Anne de Vries');
  await checkA11y(page);

  let preview = await openPreview(page, image, 'kaart');
  const img = preview.getByRole('img', { name: 'Voorbeeld van kaart' });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(40);
  await preview.getByRole('button', { name: 'Sluiten', exact: true }).click();

  preview = await openPreview(page, page.getByRole('article', { name: 'notities' }), 'notities');
  await expect(preview.getByLabel('Tekst van notities')).toHaveText(/Eerste versie: verslag van de regiosessie/);
  await preview.getByRole('button', { name: 'Sluiten', exact: true }).click();

  preview = await openPreview(page, page.getByRole('article', { name: 'warmtevisie' }), 'warmtevisie');
  const canvas = preview.getByRole('img', { name: 'Pagina 1 van 1' });
  await expect(canvas).toBeVisible();
  // The blue rectangle was painted: some pixel of the canvas is far from white.
  await expect
    .poll(() =>
      canvas.evaluate((element: HTMLCanvasElement) => {
        const data = element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data ?? new Uint8ClampedArray();
        for (let i = 0; i < data.length; i += 4) if ((data[i] as number) < 100 && (data[i + 2] as number) > 150) return true;
        return false;
      }),
    )
    .toBe(true);
  await preview.getByRole('button', { name: 'Sluiten', exact: true }).click();

  // A new version keeps the old one, which can still be viewed.
  const notes = page.getByRole('article', { name: 'notities' });
  await notes.getByRole('button', { name: 'Nieuwe versie' }).click();
  const versionDialog = page.getByRole('dialog', { name: 'Nieuwe versie van notities' });
  await versionDialog.getByLabel('Bestand kiezen').setInputFiles({ name: 'notities-v2.txt', mimeType: 'text/plain', buffer: Buffer.from('Tweede versie, met de afspraken.\n', 'utf8') });
  await versionDialog.getByRole('button', { name: 'Versie toevoegen' }).click();
  await expect(versionDialog).toBeHidden();
  await expect(notes).toContainText('2 versies');
  await expect(notes).toContainText('notities-v2.txt');
  await notes.getByRole('button', { name: 'Versies' }).click();
  const history = page.getByRole('dialog', { name: 'Versies van notities' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem', { name: 'Versie 2' })).toContainText('huidige');
  await expect(history.getByRole('listitem', { name: 'Versie 1' })).toContainText('notities.txt');
  await history.getByRole('button', { name: 'Versie 1 bekijken' }).click();
  preview = page.getByRole('dialog', { name: 'notities' });
  await expect(preview.getByLabel('Tekst van notities')).toHaveText(/Eerste versie/);
  await preview.getByRole('button', { name: 'Sluiten', exact: true }).click();

  // Filters.
  await page.getByLabel('Zoeken').fill('wind');
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.getByLabel('Zoeken').fill('');
  await expect(page.getByRole('article')).toHaveCount(3);

  // Edit the metadata, then remove with confirmation.
  await page.getByRole('article', { name: 'warmtevisie' }).getByRole('button', { name: 'Bewerken' }).click();
  const edit = page.getByRole('dialog', { name: 'Document bewerken' });
  await expect(edit.getByLabel('Titel')).toHaveValue('warmtevisie');
  await edit.getByLabel('Titel').fill('Warmtevisie Leiden 2030');
  await edit.getByLabel('Tags').fill('warmte, visie');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(edit).toBeHidden();
  const renamed = page.getByRole('article', { name: 'Warmtevisie Leiden 2030' });
  await expect(renamed).toContainText('visie');
  await renamed.getByRole('button', { name: 'Verwijderen' }).click();
  await page.getByRole('dialog', { name: 'Document verwijderen?' }).getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByRole('article')).toHaveCount(2);

  await image.getByRole('button', { name: 'Reacties (0)' }).click();
  await image.getByLabel('Je reactie').fill('Klopt het zoekgebied bij de A4?');
  await image.getByRole('button', { name: 'Reageren' }).click();
  await expect(image.getByRole('listitem', { name: /Anne de Vries/ })).toContainText('Klopt het zoekgebied bij de A4?');
  await expect(image.getByRole('button', { name: 'Reacties (1)' })).toBeVisible();
  const comment = image.getByRole('listitem', { name: /Anne de Vries/ });
  await comment.getByRole('button', { name: 'Bewerken' }).click();
  await comment.getByLabel('Reactie bewerken').fill('Klopt het zoekgebied bij de A44?');
  await comment.getByRole('button', { name: 'Opslaan' }).click();
  await expect(comment).toContainText('A44');
  await expect(comment).toContainText('bewerkt');
  await checkA11y(page);
  await comment.getByRole('button', { name: 'Verwijderen' }).click();
  await comment.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(image.getByText('Nog geen reacties.')).toBeVisible();
  await expect(image.getByRole('button', { name: 'Reacties (0)' })).toBeVisible();

  // A browser has no system app to hand a file to.
  await expect(page.getByRole('button', { name: 'Openen' })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await image.getByRole('button', { name: 'Opslaan' }).click();
  expect((await download).suggestedFilename()).toBe('kaart.png');

  expect(consoleErrors).toEqual([]);
});

test('two partners: a document added by A reaches B complete, B previews and comments, A sees the comment', async () => {
  test.setTimeout(150_000);
  const [portA, portB] = PARTNER_HOST_PORTS;
  let a: Partner | undefined;
  let b: Partner | undefined;
  try {
    a = await openPartner(portA);
    b = await openPartner(portB);
    await createIdentity(a.page, { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager' });
    await createWorkspace(a.page, 'Holland Rijnland', 'Samen delen');
    await addOrganisation(a.page, { name: 'Gemeente Leiden', type: 'Gemeente' });
    await openSection(a.page, 'Documenten');
    await addDocument(a.page, { name: 'afspraken.txt', mimeType: 'text/plain', buffer: Buffer.from('Afspraken van de regiosessie: zoekgebied A4 verder uitwerken.\n', 'utf8') });

    await a.page.getByRole('button', { name: 'Uitnodigen' }).click();
    const inviteDialog = a.page.getByRole('dialog', { name: 'Partner uitnodigen' });
    await expect(inviteDialog.getByTestId('invite-code')).toHaveValue(/^SK1\./);
    const code = await inviteDialog.getByTestId('invite-code').inputValue();
    await inviteDialog.getByRole('button', { name: 'Sluiten', exact: true }).first().click();

    await createIdentity(b.page, { name: 'Bram Jansen', organisation: 'Liander', role: 'Netstrateeg' });
    await b.page.getByRole('button', { name: 'Deelnemen met uitnodiging' }).click();
    const joinDialog = b.page.getByRole('dialog', { name: 'Deelnemen aan een werkruimte' });
    await joinDialog.getByLabel('Uitnodigingscode').fill(code);
    await joinDialog.getByRole('button', { name: 'Deelnemen' }).click();
    await openSection(b.page, 'Documenten');
    const atB = b.page.getByRole('article', { name: 'afspraken' });
    await expect(atB).toBeVisible({ timeout: 30_000 });
    // Small files are fetched automatically and verified before they count as here.
    await expect(atB.getByText('Compleet en gecontroleerd')).toBeVisible({ timeout: 30_000 });
    const preview = await openPreview(b.page, atB, 'afspraken');
    await expect(preview.getByLabel('Tekst van afspraken')).toHaveText(/zoekgebied A4/);
    await preview.getByRole('button', { name: 'Sluiten', exact: true }).click();

    await atB.getByRole('button', { name: 'Reacties (0)' }).click();
    await atB.getByLabel('Je reactie').fill('Eens, wij rekenen de netimpact door.');
    await atB.getByRole('button', { name: 'Reageren' }).click();

    const atA = a.page.getByRole('article', { name: 'afspraken' });
    await atA.getByRole('button', { name: 'Reacties (1)' }).click({ timeout: 30_000 });
    await expect(atA.getByRole('listitem', { name: /Bram Jansen/ })).toContainText('wij rekenen de netimpact door');
    // Not B's comment to edit for A.
    await expect(atA.getByRole('listitem', { name: /Bram Jansen/ }).getByRole('button', { name: 'Bewerken' })).toHaveCount(0);
  } finally {
    await Promise.all([a?.close(), b?.close()]);
  }
});

test("a peer's vertrouwelijk document in the workspace shows as damaged, not as a document", async ({ page }) => {
  await page.goto('/');
  await createIdentity(page);
  await createWorkspace(page, 'Drenthe');
  const workspaceId = workspaceIdFromUrl(page.url());
  // Written with the room's rules, then handed to the workspace document, as a misbehaving client could.
  const peer = new Y.Doc();
  const version = { hash: 'a'.repeat(64), size: 10, type: 'application/pdf', fileName: 'geheim.pdf', addedAt: 1, addedBy: 'peer' };
  writeDocument(peer, 'room', { title: 'Geheime netkaart', description: '', tags: [], organisationId: 'org', sensitivity: 'vertrouwelijk' }, version, 'from-peer');
  await putDocumentUpdate(page, workspaceId, Y.encodeStateAsUpdateV2(peer));
  await page.reload();
  await openSection(page, 'Documenten');
  await expect(page.getByTestId('damaged-document')).toContainText('Een partner heeft gegevens gestuurd die niet kloppen');
  await expect(page.getByTestId('damaged-document')).toContainText('sensitivity');
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(page.getByText('Geheime netkaart')).toHaveCount(0);
});

test('in a confidential room vertrouwelijk is offered and the default, for the room’s organisations only, and stays out of the workspace library', async ({ page }) => {
  await page.goto('/');
  await createIdentity(page);
  await createWorkspace(page, 'Holland Rijnland', 'Kamers');
  await addOrganisation(page, { name: 'Gemeente Leiden', type: 'Gemeente' });
  await addOrganisation(page, { name: 'Liander', type: 'Netbeheerder' });
  await openSection(page, 'Vertrouwelijke kamers');
  await page.getByRole('button', { name: 'Nieuwe kamer' }).click();
  const create = page.getByRole('dialog', { name: 'Nieuwe vertrouwelijke kamer' });
  await create.getByLabel('Naam van de kamer').fill('Grondposities');
  await create.getByRole('button', { name: 'Kamer openen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Grondposities' })).toBeVisible();

  await page.getByRole('button', { name: 'Document toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document toevoegen' });
  await expect(dialog.getByRole('combobox', { name: 'Gevoeligheid' })).toHaveValue('Vertrouwelijk');
  await dialog.getByRole('combobox', { name: 'Organisatie' }).click();
  await expect(page.getByRole('option', { name: 'Gemeente Leiden' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Liander' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await dialog.getByLabel('Bestand kiezen').setInputFiles({ name: 'grondposities.txt', mimeType: 'text/plain', buffer: Buffer.from('Posities per perceel.\n', 'utf8') });
  await dialog.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('article', { name: 'grondposities' })).toContainText('Vertrouwelijk');
  await checkA11y(page);

  await openSection(page, 'Documenten');
  await expect(page.getByText('Nog geen documenten')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);
});
