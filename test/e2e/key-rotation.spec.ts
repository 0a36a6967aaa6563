import { expect, test, type Page } from './fixtures';
import { addOrganisation, openSection, readInviteParts, startWorkspaceOfThree } from './app-actions';
import { storedWorkspaceKey, workspaceIdFromUrl } from './idb';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * Key rotation for a member who was away (shared/membership/key-rotation.ts):
 * C works offline while A removes B, so C misses the new key. When C comes
 * back it still looks in the old room, where A keeps a lobby: C proves itself
 * there, gets the rotation, opens its own sealed copy of the new key, moves to
 * the new room and receives what A added meanwhile. B, removed, holds only
 * the old key and gets none of it. Separate Chromium processes (A, B and C).
 */
const [PORT_A, PORT_B, PORT_C] = PARTNER_HOST_PORTS;
const status = (page: Page) => page.getByTestId('sync-status');
const offlineSwitch = (page: Page) => page.getByRole('switch', { name: 'Offline werken' });

test('a member who was offline during a removal catches up with the new key from a remaining member', async () => {
  test.setTimeout(180_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B), openPartner(PORT_C)]);
  const [a, b, c] = partners as [Partner, Partner, Partner];
  try {
    const { inviteB } = await startWorkspaceOfThree([a.page, b.page, c.page], { b: PORT_B, c: PORT_C }, [{ name: 'Gemeente Leiden', type: 'Gemeente' }]);
    await expect(status(a.page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });
    await expect(status(c.page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });
    const workspaceId = workspaceIdFromUrl(a.page.url());
    const oldKey = readInviteParts(inviteB).key;

    await offlineSwitch(c.page).click();
    await expect(status(c.page)).toHaveText('Offline');

    await openSection(a.page, 'Mensen');
    await a.page.getByRole('list', { name: 'Mensen in deze werkruimte' }).getByRole('link', { name: 'Bram Jansen' }).click();
    await a.page.getByRole('button', { name: 'Uit de werkruimte verwijderen' }).click();
    const confirm = a.page.getByRole('dialog', { name: 'Bram Jansen uit de werkruimte verwijderen?' });
    await expect(confirm).toContainText('De werkruimte krijgt een nieuwe sleutel die alleen de overige leden kunnen openen.');
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await expect(a.page.getByText('De werkruimte heeft een nieuwe sleutel; alleen de overige leden kunnen die openen.')).toBeVisible();
    // C had shared its encryption key before going offline: nobody is left without the new key.
    await expect(a.page.getByText(/Nog zonder de nieuwe sleutel/)).toHaveCount(0);
    await expect.poll(() => storedWorkspaceKey(a.page, workspaceId)).not.toBe(oldKey);
    const newKey = await storedWorkspaceKey(a.page, workspaceId);

    await openSection(a.page, 'Organisaties');
    await addOrganisation(a.page, { name: 'Alliander', type: 'Netbeheerder' });
    expect(await storedWorkspaceKey(c.page, workspaceId)).toBe(oldKey);

    // C comes back on the old key, meets A's lobby there, and moves on to the new key and room.
    await offlineSwitch(c.page).click();
    await expect.poll(() => storedWorkspaceKey(c.page, workspaceId), { timeout: 30_000 }).toBe(newKey);
    await expect(status(c.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 20_000 });
    await expect(status(a.page)).toHaveText('Bijgewerkt met 1 partner');
    await openSection(c.page, 'Organisaties');
    await expect(c.page.getByRole('article', { name: 'Alliander' })).toBeVisible();
    await expect(c.page.getByRole('alert').filter({ hasText: /sleutel/ })).toHaveCount(0);

    // B keeps the old key and gets nothing new.
    expect(await storedWorkspaceKey(b.page, workspaceId)).toBe(oldKey);
    await openSection(b.page, 'Organisaties');
    await expect(b.page.getByRole('article', { name: 'Alliander' })).toHaveCount(0);
    await expect(status(b.page)).not.toHaveText(/Bijgewerkt|Verbonden/);
  } finally {
    await Promise.all(partners.map((partner) => partner.close()));
  }
});
