import { expect, test } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, chooseOption, createIdentity, createWorkspace, openSection } from './app-actions';
import { createRoom } from './room-actions';

/**
 * Issue 13, item 3: automatic local backups, set and made from the
 * workspace's menu, listed with their dates, and a workspace deleted from
 * this device put back from its backup on the start screen, its
 * confidential room included; and a room's own history.
 */
test('a workspace deleted from this device comes back from its automatic backup', async ({ page }) => {
  await page.goto('/');
  await createIdentity(page);
  await createWorkspace(page, 'Holland Rijnland', 'RES 2.0');
  await addOrganisation(page, { name: 'Gemeente Leiden', type: 'Gemeente' });
  await addOrganisation(page, { name: 'Stedin', type: 'Netbeheerder' });
  // A confidential room, with its own history.
  await createRoom(page, 'Netcongestie', ['Stedin']);
  await page.getByRole('link', { name: 'Geschiedenis' }).click();
  await expect(page.getByRole('heading', { name: 'Geschiedenis', level: 2 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Wijzigingen, nieuwste eerst' }).getByRole('listitem').first()).toContainText('Anne de Vries');
  await page.getByRole('link', { name: 'Terug naar de kamer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Netcongestie' })).toBeVisible();

  await page.getByRole('button', { name: 'Werkruimte', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Automatische back-ups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Automatische back-ups' });
  await expect(dialog.getByText('Nog geen back-ups.')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Hoe vaak' })).toHaveValue('Elke dag');
  await chooseOption(page, 'Hoe vaak', 'Elk uur');
  await expect(dialog.getByRole('combobox', { name: 'Hoe vaak' })).toHaveValue('Elk uur');
  await dialog.getByRole('button', { name: 'Nu een back-up maken' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Back-up gemaakt.');
  const list = dialog.getByRole('table', { name: 'Back-ups, nieuwste eerst' });
  await expect(list.getByRole('row')).toHaveCount(1);
  await page.mouse.move(0, 0);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Sluiten', exact: true }).last().click();
  await expect(dialog).toBeHidden();

  // Deleted from this device; the start screen offers its backup.
  await page.getByRole('link', { name: 'Terug naar je werkruimtes' }).click();
  await page.getByRole('row', { name: /RES 2\.0/ }).getByRole('button', { name: /verwijderen/ }).click();
  await page.getByRole('dialog', { name: 'Werkruimte verwijderen?' }).getByRole('button', { name: 'Definitief verwijderen' }).click();
  await expect(page.getByRole('row', { name: /RES 2\.0/ })).toHaveCount(0);
  const orphaned = page.getByRole('region', { name: 'Back-ups van werkruimtes die niet meer op dit apparaat staan' });
  await expect(orphaned).toContainText('RES 2.0:');
  await orphaned.getByRole('button', { name: /^Back-up van .* terugzetten$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'RES 2.0' })).toBeVisible();
  await openSection(page, 'Organisaties');
  await expect(page.getByRole('article', { name: 'Stedin' })).toBeVisible();
  // The room came back with it.
  await openSection(page, 'Vertrouwelijke kamers');
  await page.getByRole('link', { name: /Netcongestie/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Netcongestie' })).toBeVisible();
});
