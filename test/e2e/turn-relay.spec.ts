import { expect, test, type Page } from './fixtures';
import { startPairAtHosts } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';
import { startTurnServer, TURN_AVAILABLE, type TurnServer } from './turn-server';

/**
 * TURN in the browser (issue 15, item 3): two partners (separate Chromium
 * processes) who choose to connect only through a relay (coturn on
 * loopback) reach each other through it, and the connections view says
 * "via relay"; with the TURN server gone, a partner who comes back cannot
 * connect and the status says why. The case of a blocked direct path
 * itself, in network namespaces, is electron/peer/turn-relay.netns.test.ts.
 */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;
const status = (page: Page) => page.getByTestId('sync-status');
const connectionsButton = (partner: Partner) => partner.page.getByRole('button', { name: 'Verbindingen' });

async function relayOnlyThrough(page: Page, turn: TurnServer) {
  await page.getByRole('button', { name: 'Verbindingen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verbindingen' });
  await dialog.getByRole('textbox', { name: 'STUN/TURN-servers' }).fill(turn.settingsLine);
  await dialog.getByRole('checkbox', { name: 'Alleen via een TURN-relay verbinden' }).check();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
}

test('partners who connect only through a TURN relay see "via relay"; with the TURN server stopped the status says why', async () => {
  test.skip(!TURN_AVAILABLE, 'coturn (turnserver) is not installed: .ci/run installs it');
  test.setTimeout(180_000);
  const turn = await startTurnServer();
  const partners: Partner[] = [];
  try {
    const [a, b] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
    partners.push(a, b);
    await startPairAtHosts(a.page, b.page, PORT_B);
    await connectionsButton(a).click();
    await expect(a.page.getByRole('dialog', { name: 'Verbindingen' }).getByTestId('connection-route')).toHaveText('rechtstreeks', { timeout: 20_000 });
    await a.page.keyboard.press('Escape');

    await relayOnlyThrough(a.page, turn);
    await relayOnlyThrough(b.page, turn);
    await expect(status(a.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 60_000 });
    await connectionsButton(a).click();
    const connections = a.page.getByRole('dialog', { name: 'Verbindingen' });
    await expect(connections.getByTestId('mesh-neighbours')).toContainText('Bram Jansen');
    await expect(connections.getByTestId('connection-route')).toHaveText('via relay', { timeout: 20_000 });
    await a.page.keyboard.press('Escape');
    expect(turn.output()).toMatch(/CREATE_PERMISSION processed, success/);

    // The TURN server goes away; Bram comes back (a reload) and cannot reach Anne: his status says why.
    await turn.stop();
    await b.page.reload();
    await expect(status(b.page)).toHaveText('Geen verbinding: de TURN-server antwoordt niet', { timeout: 60_000 });
  } finally {
    for (const partner of partners) await partner.close();
    await turn.stop();
  }
});
