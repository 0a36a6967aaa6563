import { expect, test } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, createIdentity, createWorkspace } from './app-actions';

const ORGANISATIONS = [
  { name: 'Gemeente Leiden', type: 'Gemeente', description: 'Centrumgemeente in de regio.', website: 'leiden.nl' },
  { name: 'Hoogheemraadschap van Rijnland', type: 'Waterschap', description: 'Waterbeheer en aquathermie.' },
  { name: 'Liander', type: 'Netbeheerder', website: 'https://www.liander.nl' },
];

test('a new user creates a region workspace with partners, finds it back after reload, switches to English and deletes it', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  await page.goto('/');
  await expectNoSeriousA11yViolations(page);
  await createIdentity(page);
  await expect(page.getByText('Je hebt nog geen werkruimte.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await createWorkspace(page, 'Holland Rijnland', 'RES 2.0');
  for (const org of ORGANISATIONS) await addOrganisation(page, org);
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'RES 2.0' })).toBeVisible();
  for (const org of ORGANISATIONS) await expect(page.getByRole('article', { name: org.name })).toBeVisible();
  // Grouped by stakeholder type, in taxonomy order.
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Gemeente (1)', 'Waterschap (1)', 'Netbeheerder (1)']);
  await expect(page.getByRole('article', { name: 'Gemeente Leiden' }).getByRole('link', { name: 'Website van Gemeente Leiden openen' })).toHaveText('leiden.nl');

  await page.getByRole('button', { name: 'Liander bewerken' }).click();
  const edit = page.getByRole('dialog', { name: 'Organisatie bewerken' });
  await expect(edit.getByLabel('Naam')).toHaveValue('Liander');
  await edit.getByLabel('Korte beschrijving').fill('Netbeheerder voor elektriciteit en gas.');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('article', { name: 'Liander' })).toContainText('Netbeheerder voor elektriciteit en gas.');

  await page.getByRole('link', { name: 'Terug naar je werkruimtes' }).click();
  await page.getByRole('button', { name: 'Naam van werkruimte RES 2.0 (Holland Rijnland) wijzigen' }).click();
  const rename = page.getByRole('dialog', { name: 'Naam van werkruimte wijzigen' });
  await rename.getByLabel('Naam (optioneel)').fill('RES 2.0 Holland Rijnland');
  await rename.getByRole('button', { name: 'Opslaan' }).click();
  const row = page.getByRole('row', { name: /Holland Rijnland/ });
  await expect(row).toContainText('RES 2.0 Holland Rijnland');
  // The whole row opens the workspace, not only its Openen button.
  await row.getByRole('cell', { name: 'Holland Rijnland', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'RES 2.0 Holland Rijnland' })).toBeVisible();
  await page.getByRole('link', { name: 'Terug naar je werkruimtes' }).click();

  await page.getByRole('banner').getByText('English', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await expect(page.getByRole('heading', { name: 'Your workspaces' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your workspaces' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: 'Delete workspace RES 2.0 Holland Rijnland (Holland Rijnland)' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete workspace?' });
  await expect(confirm).toContainText('RES 2.0 Holland Rijnland (Holland Rijnland)');
  await expect(confirm).toContainText('3 organisations');
  await confirm.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByText('You have no workspace yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('You have no workspace yet.')).toBeVisible();

  expect(consoleErrors).toEqual([]);
});
