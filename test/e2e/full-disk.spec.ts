import { expect, test, type Page } from './fixtures';
import { chooseOption, createIdentity, openSection } from './app-actions';

/**
 * A full disk, simulated the way IndexedDB reports it: every add/put throws
 * a QuotaExceededError DOMException while the switch is on.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const flag = '__stroomkringDiskFull';
    for (const method of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        if ((window as unknown as Record<string, unknown>)[flag]) throw new DOMException('The disk is full', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
});

async function setDiskFull(page: Page, full: boolean) {
  await page.evaluate((value) => {
    (window as unknown as Record<string, unknown>).__stroomkringDiskFull = value;
  }, full);
}

test('a full disk is reported clearly and loses nothing', async ({ page }) => {
  await page.goto('/');
  await createIdentity(page);

  await setDiskFull(page, true);
  await page.getByRole('button', { name: 'Nieuwe werkruimte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe werkruimte' });
  await chooseOption(page, 'Energieregio', 'Flevoland', 'Flevo');
  await dialog.getByLabel('Naam (optioneel)').fill('Windparken');
  await dialog.getByRole('button', { name: 'Nieuwe werkruimte' }).click();
  await expect(page.getByText('Opslaan is niet gelukt')).toBeVisible();
  await expect(page.getByText(/De schijf is vol. Je invoer staat nog in het formulier/)).toBeVisible();
  await expect(dialog.getByLabel('Naam (optioneel)')).toHaveValue('Windparken');

  await setDiskFull(page, false);
  await dialog.getByRole('button', { name: 'Nieuwe werkruimte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Windparken' })).toBeVisible();

  await setDiskFull(page, true);
  await openSection(page, 'Organisaties');
  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  const orgDialog = page.getByRole('dialog', { name: 'Organisatie toevoegen' });
  await orgDialog.getByLabel('Naam').fill('Windcoöperatie Flevoland');
  await chooseOption(page, 'Soort organisatie', 'Energiecoöperatie');
  await orgDialog.getByRole('button', { name: 'Opslaan' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Wijzigingen nog niet opgeslagen' });
  await expect(warning).toContainText('De schijf is vol');
  await expect(page.getByRole('article', { name: 'Windcoöperatie Flevoland' })).toBeVisible();

  await warning.getByRole('button', { name: 'Opnieuw opslaan' }).click();
  await expect(warning).toContainText('De schijf is vol');
  await setDiskFull(page, false);
  await warning.getByRole('button', { name: 'Opnieuw opslaan' }).click();
  await expect(warning).toBeHidden();

  await page.reload();
  await expect(page.getByRole('article', { name: 'Windcoöperatie Flevoland' })).toBeVisible();
});
