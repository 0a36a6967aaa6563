import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, openSection, readInviteParts, startWorkspaceOfThree } from './app-actions';
import { storedWorkspaceKey, workspaceIdFromUrl } from './idb';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * The founder, the workspace's first administrator, makes B an
 * administrator too and then removes B: after a confirmation, B's connection is closed at once and refused from then on;
 * B is told; nobody shows B as present; what A adds afterwards never
 * reaches B; B's profile at A says "verwijderd"; A and C move to a new
 * workspace key that B does not have. Separate Chromium processes
 * (A, B and C).
 */
const [PORT_A, PORT_B, PORT_C] = PARTNER_HOST_PORTS;
const status = (page: Page) => page.getByTestId('sync-status');

test('an administrator removes a member, who is cut off at once and gets nothing new', async () => {
  test.setTimeout(180_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B), openPartner(PORT_C)]);
  const [a, b, c] = partners as [Partner, Partner, Partner];
  try {
    const { inviteB } = await startWorkspaceOfThree([a.page, b.page, c.page], { b: PORT_B, c: PORT_C }, [{ name: 'Gemeente Leiden', type: 'Gemeente' }]);
    await expect(status(a.page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });
    const bramPresent = (page: Page) => page.getByRole('listitem', { name: 'Bram Jansen, Liander' });
    await expect(bramPresent(c.page)).toBeVisible({ timeout: 20_000 });

    await openSection(a.page, 'Mensen');
    await a.page.getByRole('list', { name: 'Mensen in deze werkruimte' }).getByRole('link', { name: 'Bram Jansen' }).click();
    // First A makes B an administrator too (a signed grant); removing an administrator is allowed while another remains.
    await a.page.getByRole('button', { name: 'Beheerder maken' }).click();
    await expect(a.page.getByText('beheerder', { exact: true })).toBeVisible();
    await expect(a.page.getByRole('button', { name: 'Beheerder maken' })).toBeHidden();
    await a.page.getByRole('button', { name: 'Uit de werkruimte verwijderen' }).click();
    const confirm = a.page.getByRole('dialog', { name: 'Bram Jansen uit de werkruimte verwijderen?' });
    await expect(confirm).toContainText('Wat Bram Jansen al heeft, blijft op diens computer.');
    await expectNoSeriousA11yViolations(a.page);
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await expect(confirm).toBeHidden();
    await expect(a.page.getByText('verwijderd', { exact: true })).toBeVisible();
    await expect(a.page.getByRole('button', { name: 'Uit de werkruimte verwijderen' })).toBeHidden();

    // B is cut off at once and told why; A has no partner any more.
    await expect(b.page.getByRole('alert').filter({ hasText: 'Een beheerder heeft je uit deze werkruimte verwijderd.' })).toBeVisible({ timeout: 20_000 });
    await expect(status(a.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 20_000 });
    // Nobody shows B as present any more (presence would otherwise linger until it times out).
    await expect(bramPresent(a.page)).toHaveCount(0);
    await expect(bramPresent(c.page)).toHaveCount(0);

    // What A adds now never reaches B: B keeps being refused when it tries again.
    await openSection(a.page, 'Organisaties');
    await addOrganisation(a.page, { name: 'Alliander', type: 'Netbeheerder' });
    await a.page.getByRole('button', { name: 'Verbindingen' }).click();
    const connections = a.page.getByRole('dialog', { name: 'Verbindingen' });
    await expect(connections.getByTestId('mesh-neighbours').getByRole('listitem')).toHaveCount(1);
    await expect(connections.getByTestId('mesh-neighbours')).toContainText('Carla Smit');
    await a.page.keyboard.press('Escape');
    await openSection(b.page, 'Organisaties');
    await expect(b.page.getByRole('article', { name: 'Gemeente Leiden' })).toBeVisible();
    await expect(b.page.getByRole('article', { name: 'Alliander' })).toHaveCount(0);
    await expect(status(b.page)).not.toHaveText(/Bijgewerkt|Verbonden/);

    // The workspace has a new key that A and C hold and B does not: B cannot even find the room any more.
    const workspaceId = workspaceIdFromUrl(a.page.url());
    const inviteKey = readInviteParts(inviteB).key;
    await expect.poll(() => storedWorkspaceKey(a.page, workspaceId)).not.toBe(inviteKey);
    const keyA = await storedWorkspaceKey(a.page, workspaceId);
    await expect.poll(() => storedWorkspaceKey(c.page, workspaceId)).toBe(keyA);
    expect(await storedWorkspaceKey(b.page, workspaceId)).toBe(inviteKey);
  } finally {
    await Promise.all(partners.map((partner) => partner.close()));
  }
});
