import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { ANNE, CARLA, addOrganisation, createIdentity, createInvite, createWorkspace, joinAtHost, readInviteParts } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * An invite can be taken back: A makes one, takes it back from the invite
 * dialog's list of open invites, and C, who joins with it, is told that it
 * was taken back and to ask for a new one, and gets nothing. With a fresh
 * invite (valid for one day) C is let in, and A's Verbindingen shows C as a
 * proven member. Separate Chromium processes.
 */
const [PORT_A, , PORT_C] = PARTNER_HOST_PORTS;
const status = (page: Page) => page.getByTestId('sync-status');

test('a revoked invite admits nobody; a fresh one does', async () => {
  test.setTimeout(180_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_C)]);
  const [a, c] = partners as [Partner, Partner];
  try {
    await createIdentity(a.page, ANNE);
    await createWorkspace(a.page, 'Holland Rijnland', 'RES 2.0');
    await addOrganisation(a.page, { name: 'Gemeente Leiden', type: 'Gemeente' });
    const takenBack = await createInvite(a.page);

    // The dialog makes a new code and lists the earlier one as open, to be taken back.
    await a.page.getByRole('button', { name: 'Uitnodigen' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Partner uitnodigen' });
    await expect(dialog.getByTestId('invite-code')).toHaveValue(/^SK1\./);
    const open = dialog.getByTestId('open-invites').getByRole('listitem');
    await expect(open).toHaveCount(1);
    await expect(open).toContainText('geldig tot');
    await expectNoSeriousA11yViolations(a.page);
    await open.getByRole('button', { name: /^Uitnodiging van .* intrekken$/ }).click();
    await expect(dialog.getByTestId('open-invites')).toBeHidden();
    await dialog.getByRole('button', { name: 'Sluiten' }).click();

    await createIdentity(c.page, CARLA);
    await joinAtHost(c.page, PORT_C, takenBack);
    await expect(c.page.getByRole('alert').filter({ hasText: 'Een partner liet je niet toe: de uitnodiging is ingetrokken. Vraag een nieuwe uitnodiging.' })).toBeVisible({ timeout: 30_000 });
    await expect(status(c.page)).not.toHaveText(/Bijgewerkt|Verbonden/);
    await expect(c.page.getByRole('article', { name: 'Gemeente Leiden' })).toHaveCount(0);

    // A fresh invite, valid for a day.
    await a.page.getByRole('button', { name: 'Uitnodigen' }).click();
    const again = a.page.getByRole('dialog', { name: 'Partner uitnodigen' });
    await again.getByLabel('Geldig').click();
    await a.page.getByRole('option', { name: '1 dag' }).click();
    await expect(again.getByLabel('Geldig')).toHaveValue('1 dag');
    const fresh = again.getByTestId('invite-code');
    await expect(fresh).toHaveValue(/^SK1\./);
    const code = await fresh.inputValue();
    const expiresAt = readInviteParts(code).expiresAt as number;
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
    expect(expiresAt - Date.now()).toBeGreaterThan(23 * 60 * 60 * 1000);
    await a.page.keyboard.press('Escape');

    await joinAtHost(c.page, PORT_C, code);
    await expect(status(c.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });
    await a.page.getByRole('button', { name: 'Verbindingen' }).click();
    const connections = a.page.getByRole('dialog', { name: 'Verbindingen' });
    await expect(connections.getByTestId('mesh-neighbours')).toContainText('Carla Smit · Energiecoöperatie Leiden');
    await expect(connections.getByTestId('refused-connections')).toContainText('de uitnodiging is ingetrokken');
  } finally {
    await Promise.all(partners.map((partner) => partner.close()));
  }
});
