import { expect, test, type Page } from './fixtures';
import { callSession } from '../../bench/session-harness';
import { expectNoSeriousA11yViolations } from './a11y';
import { ANNE, BRAM, addOrganisation, createIdentity, createInvite, createWorkspace, joinAtHost } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';
import { useScriptedPeers } from './scripted-peer';

/**
 * A partner whose client floods the room cannot freeze it: A and B use the
 * app, each in their own Chromium process; F is a scripted peer in a third
 * (the session benchmark page, running the app's own WorkspaceSync and
 * membership, admitted with an invite of its own like any partner) that makes a thousand updates a second, far above any
 * person's typing and the flood limit. While it floods, B's edit reaches A as
 * usual and A's Verbindingen names F; once it stops, everyone is even again
 * (what was held back came through the reconcile).
 */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;
const FLOODER = 'Floor Vloed';
const FLOOD_MS = 6_000;
const FLOOD_PER_SECOND = 1_000;
const scripted = useScriptedPeers('flooder');

const status = (page: Page) => page.getByTestId('sync-status');

test('a flooding peer is held back and named, and the honest partners keep working', async () => {
  test.setTimeout(180_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
  const [a, b] = partners as [Partner, Partner];
  try {
    await createIdentity(a.page, ANNE);
    await createWorkspace(a.page, 'Holland Rijnland', 'RES 2.0');
    await addOrganisation(a.page, { name: 'Gemeente Leiden', type: 'Gemeente' });
    const invite = await createInvite(a.page);
    const inviteF = await createInvite(a.page);
    await createIdentity(b.page, BRAM);
    await joinAtHost(b.page, PORT_B, invite);
    await expect(status(b.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });

    const f = await scripted.join(FLOODER, inviteF);
    await expect(status(a.page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });
    await expect(status(b.page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });

    const flooding = callSession(f, FLOOD_MS + 30_000, 'flood', FLOOD_MS, FLOOD_PER_SECOND);
    // While F floods: B's new organisation reaches A in the usual time, and A's Verbindingen names F.
    await addOrganisation(b.page, { name: 'Liander', type: 'Netbeheerder' });
    await expect(a.page.getByRole('article', { name: 'Liander' })).toBeVisible();
    await a.page.getByRole('button', { name: 'Verbindingen' }).click();
    const connections = a.page.getByRole('dialog', { name: 'Verbindingen' });
    const alert = connections.getByRole('alert').filter({ hasText: 'Te veel wijzigingen tegelijk' });
    await expect(alert).toContainText(`${FLOODER}:`);
    await expect(alert).toContainText(/wijzigingen tegengehouden/);
    await a.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(a.page);
    await a.page.keyboard.press('Escape');
    await expect(connections).toBeHidden();

    const made = await flooding;
    expect(made).toBeGreaterThan(FLOOD_PER_SECOND);
    // Afterwards what was held back arrives at the honest peers' pace: all three even.
    await expect(status(a.page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 60_000 });
    await expect(status(b.page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 60_000 });
    await expect.poll(() => callSession(f, 15_000, 'statusKind'), { timeout: 60_000 }).toBe('inSync');
  } finally {
    await scripted.stopAll();
    await Promise.all(partners.map((partner) => partner.close()));
  }
});
