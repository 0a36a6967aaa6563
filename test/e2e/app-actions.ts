import { expect, type Page } from '@playwright/test';

/** Steps a person takes in the Dutch UI, shared by the end-to-end specs. */

export async function createIdentity(page: Page, profile = { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager energie' }) {
  await expect(page.getByRole('heading', { name: 'Welkom bij Stroomkring' })).toBeVisible();
  await page.getByLabel('Je naam').fill(profile.name);
  await page.getByLabel('Je organisatie').fill(profile.organisation);
  await page.getByLabel('Je rol').fill(profile.role);
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByRole('heading', { name: 'Je werkruimtes' })).toBeVisible();
}

/** Picks from a Mantine Select; `search` is typed first when the select is searchable. */
export async function chooseOption(page: Page, label: string, option: string, search?: string) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

export async function createWorkspace(page: Page, region: string, name = '') {
  await page.getByRole('button', { name: 'Nieuwe werkruimte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe werkruimte' });
  await chooseOption(page, 'Energieregio', region, region.slice(0, 6));
  if (name) await dialog.getByLabel('Naam (optioneel)').fill(name);
  await dialog.getByRole('button', { name: 'Nieuwe werkruimte' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: name || region })).toBeVisible();
}

export interface OrganisationEntry {
  name: string;
  type: string;
  description?: string;
  website?: string;
}

/** Opens one of the workspace's sections by its tab (Overzicht, Organisaties, Mensen, Netwerk, Belangen, Documenten, Vertrouwelijke kamers). */
export async function openSection(page: Page, name: string) {
  const link = page.getByRole('navigation', { name: 'Onderdelen van de werkruimte' }).getByRole('link', { name, exact: true });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}

export async function addOrganisation(page: Page, org: OrganisationEntry) {
  await openSection(page, 'Organisaties');
  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Organisatie toevoegen' });
  await dialog.getByLabel('Naam').fill(org.name);
  await chooseOption(page, 'Soort organisatie', org.type);
  if (org.description) await dialog.getByLabel('Korte beschrijving').fill(org.description);
  if (org.website) await dialog.getByLabel('Website').fill(org.website);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('article', { name: org.name })).toBeVisible();
}

/** Opens the invite dialog in the open workspace and returns its code. */
export async function createInvite(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Uitnodigen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Partner uitnodigen' });
  const code = dialog.getByTestId('invite-code');
  await expect(code).toHaveValue(/^SK1\./);
  const value = await code.inputValue();
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  return value;
}

/** Joins a workspace from the start screen with an invite code. */
export async function joinWithInvite(page: Page, code: string) {
  const dialog = page.getByRole('dialog', { name: 'Deelnemen aan een werkruimte' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Deelnemen met uitnodiging' }).click();
  await dialog.getByLabel('Uitnodigingscode').fill(code);
  await dialog.getByRole('button', { name: 'Deelnemen' }).click();
}

/** Joins with an invite from the start page of the partner's own web host (so its hub links to the inviter's). */
export async function joinAtHost(page: Page, port: number, code: string, workspaceName = 'RES 2.0') {
  await page.goto(`http://127.0.0.1:${port}/#/`);
  await joinWithInvite(page, code);
  await expect(page.getByRole('heading', { level: 1, name: workspaceName })).toBeVisible();
}

/**
 * A starts workspace "RES 2.0" with the given organisations; Bram (Liander) and Carla (Energiecoöperatie
 * Leiden) join with A's invites at their own hosts, and Carla takes Bram's invite too, so each hub is linked to
 * both others (hubs do not relay for each other). Returns the invite B used.
 */
export async function startWorkspaceOfThree(pages: readonly [Page, Page, Page], ports: { b: number; c: number }, organisations: readonly OrganisationEntry[]) {
  const [a, b, c] = pages;
  await createIdentity(a, ANNE);
  await createWorkspace(a, 'Holland Rijnland', 'RES 2.0');
  for (const organisation of organisations) await addOrganisation(a, organisation);
  const inviteB = await createInvite(a);
  const inviteC = await createInvite(a);
  await createIdentity(b, BRAM);
  await joinAtHost(b, ports.b, inviteB);
  await createIdentity(c, CARLA);
  await joinAtHost(c, ports.c, inviteC);
  await expect(b.getByTestId('sync-status')).toHaveText(/Bijgewerkt met/, { timeout: 30_000 });
  await joinAtHost(c, ports.c, await createInvite(b));
  return { inviteB };
}

/**
 * A (Anne) starts "RES 2.0" with Gemeente Leiden; B (Bram, Liander) joins with
 * A's invite at its own host (port `portB`); both end in sync. Returns the invite B used.
 */
export async function startPairAtHosts(a: Page, b: Page, portB: number): Promise<string> {
  await createIdentity(a, ANNE);
  await createWorkspace(a, 'Holland Rijnland', 'RES 2.0');
  await addOrganisation(a, { name: 'Gemeente Leiden', type: 'Gemeente' });
  const invite = await createInvite(a);
  await createIdentity(b, BRAM);
  await joinAtHost(b, portB, invite);
  await expect(b.getByTestId('sync-status')).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });
  await expect(a.getByTestId('sync-status')).toHaveText('Bijgewerkt met 1 partner', { timeout: 20_000 });
  return invite;
}

/** The two people most specs use: A in a municipality, B at the grid operator. */
export const ANNE = { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager' };
export const BRAM = { name: 'Bram Jansen', organisation: 'Liander', role: 'Netstrateeg' };
export const CARLA = { name: 'Carla Smit', organisation: 'Energiecoöperatie Leiden', role: 'Voorzitter' };

/** A starts workspace "RES 2.0" in Holland Rijnland with the given organisations and invites B, who joins it. */
export async function startSharedWorkspace(a: Page, b: Page, organisations: readonly OrganisationEntry[]) {
  await createIdentity(a, ANNE);
  await createWorkspace(a, 'Holland Rijnland', 'RES 2.0');
  for (const organisation of organisations) await addOrganisation(a, organisation);
  const code = await createInvite(a);
  await createIdentity(b, BRAM);
  await joinWithInvite(b, code);
  await expect(b.getByRole('heading', { level: 1, name: 'RES 2.0' })).toBeVisible();
}

/** What a client that knows only an invite code can read from it (its middle part is readable JSON, signed-code.ts). */
export function readInviteParts(code: string): { workspaceId: string; key: string; hub: string; expiresAt: number | undefined } {
  const payload = JSON.parse(Buffer.from(code.split('.')[1] as string, 'base64url').toString('utf8')) as { workspaceId: string; key: string; hubs: string[]; expiresAt?: number };
  return { workspaceId: payload.workspaceId, key: payload.key, hub: payload.hubs[0] as string, expiresAt: payload.expiresAt };
}
