import { expect, test, type Page } from './fixtures';
import * as Y from 'yjs';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, chooseOption, createIdentity, createWorkspace, openSection } from './app-actions';
import { putDocumentUpdate, workspaceIdFromUrl } from './idb';

/**
 * The directory, profiles and network with what peers wrote, some of it
 * damaged: every damaged item is a warning on that item, the rest works.
 */

const KEY = 'A'.repeat(43);

function peerUpdate(): Uint8Array {
  const peer = new Y.Doc();
  const members = peer.getMap('members');
  const entry = (fields: Record<string, unknown>) => new Y.Map<unknown>(Object.entries(fields));
  members.set('dirk', entry({ memberId: 'dirk', displayName: 'Dirk Bakker', organisationName: 'Provincie Zuid-Holland', role: 'Beleidsadviseur', publicKey: KEY, joinedAt: 1, expertise: ['Warmtenetten'], contact: 'dirk@example.nl', seeks: 42 }));
  members.set('eva', entry({ memberId: 'eva', displayName: 'Eva Mulder', organisationName: 'Woonstichting De Sleutels', role: 'Projectleider', publicKey: KEY, joinedAt: 2, invitedBy: 'dirk', brings: 'Daken van 4000 huurwoningen' }));
  members.set('broken', entry({ memberId: 'broken', displayName: 3 }));
  const introductions = peer.getMap('introductions');
  introductions.set('ok', entry({ kind: 'organisation', by: 'dirk', a: 'eva', b: 'pzh', note: 'Zon op huurwoningen', createdAt: 3 }));
  introductions.set('bad', entry({ kind: 'members', by: 'dirk', a: 'eva', b: 'eva', note: '', createdAt: 4 }));
  const organisations = peer.getMap('organisations');
  organisations.set('pzh', entry({ name: 'Provincie Zuid-Holland', type: 'provincie', description: '', website: '', createdAt: 1, updatedAt: 1, createdBy: 'dirk' }));
  return Y.encodeStateAsUpdateV2(peer);
}

/** Leaving the tab and coming back starts the directory without filters. */
async function resetDirectory(page: Page) {
  await openSection(page, 'Netwerk');
  await openSection(page, 'Mensen');
}

function people(page: Page) {
  return page.getByRole('list', { name: 'Mensen in deze werkruimte' });
}

test('search, filters and presence in the directory; damaged peer data shows as warnings only', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await createIdentity(page, { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager' });
  await createWorkspace(page, 'Holland Rijnland', 'Directory');
  await addOrganisation(page, { name: 'Gemeente Leiden', type: 'Gemeente' });
  await putDocumentUpdate(page, workspaceIdFromUrl(page.url()), peerUpdate());
  await page.reload();

  await openSection(page, 'Mensen');
  await expect(people(page).getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('damaged-person')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);

  const search = page.getByRole('searchbox', { name: 'Zoeken' });
  await search.fill('huurwoningen');
  await expect(people(page).getByRole('listitem')).toHaveCount(1);
  await expect(people(page)).toContainText('Eva Mulder');
  await search.fill('');
  await chooseOption(page, 'Deskundigheid', 'Warmtenetten');
  await expect(people(page).getByRole('listitem')).toHaveCount(1);
  await expect(people(page)).toContainText('Dirk Bakker');
  await resetDirectory(page);
  await chooseOption(page, 'Soort organisatie', 'Gemeente');
  await expect(people(page).getByRole('listitem')).toHaveCount(1);
  await expect(people(page)).toContainText('Anne de Vries');
  await resetDirectory(page);
  await page.getByRole('combobox', { name: 'Organisatie', exact: true }).click();
  await page.getByRole('option', { name: 'Provincie Zuid-Holland', exact: true }).click();
  await expect(people(page).getByRole('listitem')).toHaveCount(1);
  await expect(people(page)).toContainText('Dirk Bakker');
  await resetDirectory(page);
  // Nobody else is connected: only this device is online.
  await page.getByRole('switch', { name: 'Alleen wie nu online is' }).click();
  await expect(people(page).getByRole('listitem')).toHaveCount(1);
  await expect(people(page)).toContainText('Anne de Vries');
  await page.getByRole('switch', { name: 'Alleen wie nu online is' }).click();

  // A profile with one damaged field shows the rest and names that field.
  await people(page).getByRole('link', { name: 'Dirk Bakker' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Dirk Bakker' })).toBeVisible();
  await expect(page.getByTestId('damaged-profile-fields')).toContainText('Wat ik zoek');
  await expect(page.getByText('dirk@example.nl')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Voorstellen met Dirk Bakker' })).toContainText('Dirk Bakker nodigde Eva Mulder uit voor de werkruimte');

  // The organisation profile lists its members and who was introduced to it.
  await page.getByRole('link', { name: 'Provincie Zuid-Holland' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Provincie Zuid-Holland' })).toBeVisible();
  await expect(page.getByRole('region', { name: '1 persoon van deze organisatie' }).getByRole('link', { name: 'Dirk Bakker' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Voorgesteld aan deze organisatie' })).toContainText('Dirk Bakker stelde Eva Mulder voor aan Provincie Zuid-Holland');
  await expectNoSeriousA11yViolations(page);

  // From the organisations tab, the name links to the profile.
  await openSection(page, 'Organisaties');
  await page.getByRole('article', { name: 'Gemeente Leiden' }).getByRole('link', { name: 'Gemeente Leiden' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Gemeente Leiden' })).toBeVisible();
  await expect(page.getByRole('region', { name: '1 persoon van deze organisatie' }).getByRole('link', { name: 'Anne de Vries' })).toBeVisible();

  // The network draws what is valid and does not trip over the rest.
  await openSection(page, 'Netwerk');
  await expect(page.getByRole('region', { name: 'Netwerkplaatje' }).locator('canvas').first()).toBeAttached();
  await expect(page.getByTestId('network-ties')).toContainText('Eva Mulder — voorgesteld aan — Provincie Zuid-Holland (door Dirk Bakker: “Zon op huurwoningen”)');
  await expect(page.getByTestId('network-ties')).toContainText('Dirk Bakker — nodigde uit — Eva Mulder');
});

test('my own profile: edit it, link my organisation, and introduce two others', async ({ page }) => {
  await page.goto('/');
  await createIdentity(page, { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager' });
  await createWorkspace(page, 'Holland Rijnland', 'Profiel');
  await addOrganisation(page, { name: 'Gemeente Leiden (RES-team)', type: 'Gemeente' });
  await putDocumentUpdate(page, workspaceIdFromUrl(page.url()), peerUpdate());
  await page.reload();
  await openSection(page, 'Mensen');
  await people(page).getByRole('link', { name: 'Anne de Vries' }).click();
  await page.getByRole('button', { name: 'Mijn profiel bewerken' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mijn profiel bewerken' });
  await chooseOption(page, 'Organisatie in deze werkruimte', 'Gemeente Leiden (RES-team)');
  await dialog.getByLabel('Wat ik meebreng').fill('x'.repeat(1001));
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByText('Maximaal 1000 tekens.')).toBeVisible();
  await dialog.getByLabel('Wat ik meebreng').fill('Een wethouder die wil');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: 'Gemeente Leiden (RES-team)' })).toBeVisible();
  await expect(page.getByText('Een wethouder die wil')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'Alle mensen' }).click();
  await people(page).getByRole('button', { name: 'Dirk Bakker voorstellen' }).click();
  const introduce = page.getByRole('dialog', { name: 'Mensen aan elkaar voorstellen' });
  await introduce.getByRole('button', { name: 'Voorstellen' }).click();
  await expect(introduce.getByText('Vul dit veld in.').first()).toBeVisible();
  await introduce.getByRole('radio', { name: 'Iemand aan een organisatie' }).check();
  await chooseOption(page, 'Aan welke organisatie', 'Gemeente Leiden (RES-team)');
  await introduce.getByLabel('Korte toelichting').fill('Warmte in Leiden-Zuid');
  await expectNoSeriousA11yViolations(page);
  await introduce.getByRole('button', { name: 'Voorstellen' }).click();
  await expect(introduce).toBeHidden();
  // I belong to that organisation, so the introduction was made to me too.
  await expect(page.getByTestId('introduced-to-me')).toContainText('Anne de Vries stelde Dirk Bakker voor aan Gemeente Leiden (RES-team)');
});
