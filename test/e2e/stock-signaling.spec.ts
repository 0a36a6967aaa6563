import { startStockServer } from '../../electron/signaling/test-fixtures/stock-server';
import { startRecordingProxy } from '../../electron/peer/test-fixtures/recording-proxy';
import { roomNameFor } from '../../shared/invite/workspace-key';
import { expect, test, type Page } from './fixtures';
import { addOrganisation, openSection, readInviteParts, startPairAtHosts } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * Internet signaling that is not ours (issue 15, item 2), with the app in
 * the browser: two partners (separate Chromium processes) add y-webrtc's
 * own signaling server (bin/server.js, unchanged) under Verbindingen, and it
 * carries their signals to each other. A recording proxy in front keeps
 * what its operator could see: one hashed room name, every signal sealed
 * with the workspace key, no workspace id, key, names or content. (The
 * region peer through the same server: electron/peer/node-webrtc-sync.test.ts.)
 */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;

async function addSignalingServer(page: Page, url: string) {
  await page.getByRole('button', { name: 'Verbindingen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verbindingen' });
  await dialog.getByRole('textbox', { name: 'Extra signaleringsservers (internet)' }).fill(url);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
}

test("the app signals through y-webrtc's own server, which sees a hashed room name and nothing of the workspace", async () => {
  test.setTimeout(120_000);
  const stock = await startStockServer();
  const tap = await startRecordingProxy(stock.url);
  const partners: Partner[] = [];
  try {
    const [a, b] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
    partners.push(a, b);
    const invite = await startPairAtHosts(a.page, b.page, PORT_B);
    const { workspaceId, key } = readInviteParts(invite);
    await addSignalingServer(a.page, tap.url);
    await addSignalingServer(b.page, tap.url);
    await expect(a.page.getByTestId('sync-status')).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });
    await addOrganisation(a.page, { name: 'Stedin', type: 'Netbeheerder' });
    await openSection(b.page, 'Organisaties');
    await expect(b.page.getByRole('article', { name: 'Stedin' })).toBeVisible({ timeout: 30_000 });

    // Both apps are in one room there, and a signal one of them sent reached the other through it.
    const room = await roomNameFor(workspaceId, key);
    await expect.poll(() => new Set(tap.passed.filter((each) => each.fromClient && each.frame.includes('"subscribe"')).map((each) => each.connection)).size, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const publishes = (fromClient: boolean) =>
      tap.passed.flatMap((each) => {
        const message = JSON.parse(each.frame) as { type: string; data?: string };
        return each.fromClient === fromClient && message.type === 'publish' ? [{ connection: each.connection, data: message.data }] : [];
      });
    const carried = () => publishes(false).some((received) => publishes(true).some((sent) => sent.connection !== received.connection && sent.data === received.data));
    await expect.poll(carried, { timeout: 30_000 }).toBe(true);

    const messages = tap.frames.map((frame) => JSON.parse(frame) as { type: string; topics?: string[]; topic?: string; data?: unknown });
    expect(new Set(messages.flatMap((message) => message.topics ?? (message.topic ? [message.topic] : [])))).toEqual(new Set([room]));
    // What the server routes on names nothing of the workspace; the payloads are sealed (AES-GCM, y-webrtc's password).
    const envelopes = messages.map(({ data: _sealed, ...envelope }) => JSON.stringify(envelope)).join('\n');
    for (const secret of [workspaceId, key, 'Anne', 'Bram', 'Gemeente Leiden', 'Liander', 'Stedin', 'RES 2.0', 'sdp', 'candidate']) expect(envelopes).not.toContain(secret);
    for (const message of messages.filter((each) => each.type === 'publish')) {
      const bytes = Buffer.from(String(message.data), 'base64');
      expect(bytes.subarray(1, 8).toString('latin1')).toBe('AES-GCM');
      for (const secret of [workspaceId, key, 'Gemeente Leiden', 'candidate:', 'a=fingerprint']) expect(bytes.includes(secret)).toBe(false);
    }
  } finally {
    for (const partner of partners) await partner.close();
    await tap.close();
    await stock.stop();
  }
});
