import { expect, test } from './fixtures';
import * as Y from 'yjs';
import { addOrganisation, createIdentity, createWorkspace, openSection } from './app-actions';
import { putDocumentUpdate, putRaw, workspaceIdFromUrl } from './idb';

test('empty and over-long names are refused at the field, and nothing is created', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByText('Vul dit veld in.')).toHaveCount(3);
  await page.getByLabel('Je naam').fill('x'.repeat(81));
  await page.getByLabel('Je organisatie').fill('Provincie Zuid-Holland');
  await page.getByLabel('Je rol').fill('   ');
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByText('Maximaal 80 tekens.')).toBeVisible();
  await expect(page.getByLabel('Je naam')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Vul dit veld in.')).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welkom bij Stroomkring' })).toBeVisible();

  await createIdentity(page);
  await createWorkspace(page, 'Zeeland');
  await openSection(page, 'Organisaties');
  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Organisatie toevoegen' });
  await dialog.getByLabel('Website').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByText('Vul dit veld in.')).toBeVisible();
  await expect(dialog.getByText('Kies een waarde uit de lijst.')).toBeVisible();
  await expect(dialog.getByText(/Geen geldig webadres/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByText('0 organisaties')).toBeVisible();
});

test('without IndexedDB the app shows what is wrong and what to do', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Stroomkring kan zijn gegevens niet opslaan' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('De lokale opslag (IndexedDB) is niet beschikbaar');
  await expect(page.getByRole('button', { name: 'Opnieuw proberen' })).toBeVisible();
});

test('a workspace record that cannot be read is listed as damaged and can be removed', async ({ page }) => {
  await page.goto('/');
  await createIdentity(page);
  await createWorkspace(page, 'Twente', 'Goed');
  await page.getByRole('link', { name: 'Terug naar je werkruimtes' }).click();
  await putRaw(page, 'workspaces', { id: 'kapot', regionId: 'atlantis', name: 42, createdAt: 'gisteren', lastOpenedAt: 1 });
  await page.reload();
  const damaged = page.getByRole('row', { name: /Beschadigd/ });
  await expect(damaged).toContainText('Deze werkruimte kan niet worden gelezen');
  await expect(page.getByRole('row', { name: /Twente/ })).toContainText('Goed');
  await damaged.getByRole('button', { name: 'Werkruimte kapot verwijderen' }).click();
  await page.getByRole('dialog', { name: 'Werkruimte verwijderen?' }).getByRole('button', { name: 'Definitief verwijderen' }).click();
  await expect(page.getByRole('row', { name: /Beschadigd/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Twente/ })).toBeVisible();
});

test('an organisation of the wrong shape from a peer shows as a warning; the rest still works', async ({ page }) => {
  await page.goto('/');
  await createIdentity(page);
  await createWorkspace(page, 'Drenthe');
  await addOrganisation(page, { name: 'Provincie Drenthe', type: 'Provincie' });
  const workspaceId = workspaceIdFromUrl(page.url());

  const peer = new Y.Doc();
  const bad = new Y.Map<unknown>();
  peer.getMap('organisations').set('from-peer', bad);
  bad.set('name', 42);
  bad.set('type', 'piraat');
  await putDocumentUpdate(page, workspaceId, Y.encodeStateAsUpdateV2(peer));
  await page.reload();

  await expect(page.getByTestId('damaged-organisation')).toContainText('Een partner heeft gegevens gestuurd die niet kloppen');
  await expect(page.getByRole('article', { name: 'Provincie Drenthe' })).toBeVisible();
  await addOrganisation(page, { name: 'Enexis Netbeheer', type: 'Netbeheerder' });
});

test('a workspace whose stored document is corrupt says so instead of hanging or crashing', async ({ page }) => {
  await page.goto('/');
  await createIdentity(page);
  await createWorkspace(page, 'Groningen');
  const workspaceId = workspaceIdFromUrl(page.url());
  await putDocumentUpdate(page, workspaceId, new Uint8Array([0, 255, 255, 255, 255, 13, 7]));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('De inhoud van deze werkruimte kan niet worden gelezen');
  await page.getByRole('link', { name: 'Terug naar je werkruimtes' }).click();
  await expect(page.getByRole('row', { name: /Groningen/ })).toBeVisible();
});

test('a STUN/TURN server typed wrongly is named with its reason, nothing is saved until each line is right', async ({ page }) => {
  await page.goto('/');
  await createIdentity(page);
  await createWorkspace(page, 'Drenthe');
  await page.getByRole('button', { name: 'Verbindingen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verbindingen' });
  const servers = dialog.getByRole('textbox', { name: 'STUN/TURN-servers' });
  await servers.fill('turn:turn.example.nl:3478\nstun:stun.example.nl:99999\nhttps://stun.example.nl');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByText('„turn:turn.example.nl:3478”: een TURN-server heeft een gebruikersnaam en een wachtwoord nodig, na het adres.')).toBeVisible();
  await expect(dialog.getByText('„stun:stun.example.nl:99999”: de poort moet een getal van 1 tot en met 65535 zijn.')).toBeVisible();
  await expect(dialog.getByText('„https://stun.example.nl”: begint niet met stun:, stuns:, turn: of turns:.')).toBeVisible();
  await expect(servers).toHaveAttribute('aria-invalid', 'true');

  // Relay only, with no TURN server to relay through, could never connect: it is said at once.
  await servers.fill('stun:stun.example.nl:3478');
  const relayOnly = dialog.getByRole('checkbox', { name: 'Alleen via een TURN-relay verbinden' });
  await relayOnly.check();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByText('Alleen via een relay verbinden kan pas met een TURN-server in de lijst hierboven.')).toBeVisible();
  await relayOnly.uncheck();

  await servers.fill('turn:turn.example.nl:3478?transport=tcp naam geheim\nstun:stun.example.nl:3478');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Verbindingsinstellingen opgeslagen')).toBeVisible();
  await page.getByRole('button', { name: 'Verbindingen' }).click();
  await expect(page.getByRole('dialog', { name: 'Verbindingen' }).getByRole('textbox', { name: 'STUN/TURN-servers' })).toHaveValue('turn:turn.example.nl:3478?transport=tcp naam geheim\nstun:stun.example.nl:3478');
});
