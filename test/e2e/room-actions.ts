import { expect, type Page } from '@playwright/test';
import { openSection } from './app-actions';

/** A opens a confidential room for the given organisations (its own is checked already); returns the room id. */
export async function createRoom(page: Page, title: string, organisations: readonly string[]): Promise<string> {
  await openSection(page, 'Vertrouwelijke kamers');
  await page.getByRole('button', { name: 'Nieuwe kamer' }).click();
  const create = page.getByRole('dialog', { name: 'Nieuwe vertrouwelijke kamer' });
  await create.getByLabel('Naam van de kamer').fill(title);
  for (const organisation of organisations) await create.getByRole('checkbox', { name: organisation }).check();
  await create.getByRole('button', { name: 'Kamer openen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  const roomId = /\/kamers\/([^/?#]+)/.exec(page.url())?.[1];
  if (!roomId) throw new Error(`no room id in ${page.url()}`);
  return roomId;
}

/** From the open room, a room code for the member named as the picker lists them ("Name (Organisation)"). */
export async function makeRoomCode(page: Page, option: string): Promise<string> {
  await page.getByRole('button', { name: 'Lid uitnodigen' }).click();
  const invite = page.getByRole('dialog', { name: 'Lid uitnodigen voor de kamer' });
  await invite.getByRole('combobox', { name: 'Wie nodig je uit?' }).click({ timeout: 30_000 });
  await page.getByRole('option', { name: option }).click();
  await invite.getByRole('button', { name: 'Kamercode maken' }).click();
  const code = await invite.getByTestId('room-invite-code').inputValue();
  await invite.getByRole('button', { name: 'Sluiten' }).click();
  await expect(invite).toBeHidden();
  return code;
}

/** Joins a room with its code from the rooms section and lands in the room. */
export async function joinRoom(page: Page, code: string, title: string): Promise<void> {
  await openSection(page, 'Vertrouwelijke kamers');
  await page.getByRole('button', { name: 'Deelnemen aan kamer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deelnemen aan een kamer' });
  await dialog.getByLabel('Kamercode').fill(code);
  await dialog.getByRole('button', { name: 'Deelnemen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}
