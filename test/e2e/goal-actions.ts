import { expect, type Page } from '@playwright/test';

/** Signs a stance on a goal's page: opens the dialog with `opener`, picks `stance`, gives `reason`, and waits until it is signed. */
export async function signStance(page: Page, opener: string, stance: string, reason = '') {
  await page.getByRole('button', { name: opener }).click();
  const dialog = page.getByRole('dialog', { name: 'Standpunt innemen' });
  await dialog.getByRole('radio', { name: stance, exact: true }).check();
  await dialog.getByRole('textbox', { name: 'Toelichting' }).fill(reason);
  await dialog.getByRole('button', { name: 'Ondertekenen' }).click();
  await expect(dialog).toBeHidden();
}
