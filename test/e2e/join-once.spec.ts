import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from './fixtures';
import * as Y from 'yjs';
import { FILE_CHANNEL_LABEL } from '../../shared/files/protocol';
import { addOrganisation, createIdentity, createInvite, createWorkspace, joinWithInvite, openSection } from './app-actions';
import { putFetchedDocumentUpdate, workspaceIdFromUrl } from './idb';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * A partner who joins receives the workspace's state once: the bytes all
 * partners put on their sync channels while B joins A's 2 MB workspace stay
 * close to 2 MB. (Stock y-webrtc relayed the received state straight back,
 * and with more partners sent it from each of them.) Bytes are counted where
 * the app hands them to real RTCDataChannels, the file channel left out.
 */
const STATE_BYTES = 2_000_000;
const LOAD_PATH = '/__load-test/update.bin';

/** Counts, in the page, the bytes handed to data channels other than the file channel. */
function countSyncBytes(fileLabel: string): void {
  const counter = { bytes: 0 };
  (window as unknown as { syncBytes: typeof counter }).syncBytes = counter;
  const realSend = RTCDataChannel.prototype.send as (this: RTCDataChannel, data: unknown) => void;
  RTCDataChannel.prototype.send = function send(this: RTCDataChannel, data: unknown): void {
    realSend.call(this, data);
    if (this.label !== fileLabel && (data instanceof ArrayBuffer || ArrayBuffer.isView(data))) counter.bytes += data.byteLength;
  } as typeof RTCDataChannel.prototype.send;
}

const syncBytes = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { syncBytes: { bytes: number } }).syncBytes.bytes);

async function withCounter(partner: Partner): Promise<void> {
  await partner.page.context().addInitScript(countSyncBytes, FILE_CHANNEL_LABEL);
  await partner.page.reload();
}

test('a joining partner receives the state once', async () => {
  test.setTimeout(180_000);
  const [portA, portB] = PARTNER_HOST_PORTS;
  const [a, b]: [Partner, Partner] = await Promise.all([openPartner(portA), openPartner(portB)]);
  try {
    await Promise.all([withCounter(a), withCounter(b)]);
    await createIdentity(a.page, { name: 'Anne de Vries', organisation: 'Provincie Utrecht', role: 'Archivaris' });
    await createWorkspace(a.page, 'U16', 'Archief');
    await addOrganisation(a.page, { name: 'Regionaal Archief', type: 'Overig' });
    const ballast = new Y.Doc();
    ballast.getText('load-test-state').insert(0, randomBytes((STATE_BYTES * 3) / 4).toString('base64'));
    const update = Buffer.from(Y.encodeStateAsUpdateV2(ballast));
    await a.page.route(`**${LOAD_PATH}`, (route) => route.fulfill({ status: 200, body: update, contentType: 'application/octet-stream' }));
    await putFetchedDocumentUpdate(a.page, workspaceIdFromUrl(a.page.url()), LOAD_PATH);
    await a.page.unroute(`**${LOAD_PATH}`);
    await a.page.reload();
    await expect(a.page.getByRole('article', { name: 'Regionaal Archief' })).toBeVisible({ timeout: 30_000 });
    const code = await createInvite(a.page);

    await createIdentity(b.page, { name: 'Bram Jansen', organisation: 'Stedin', role: 'Netstrateeg' });
    const before = (await syncBytes(a.page)) + (await syncBytes(b.page));
    await joinWithInvite(b.page, code);
    await openSection(b.page, 'Organisaties');
    await expect(b.page.getByRole('article', { name: 'Regionaal Archief' })).toBeVisible({ timeout: 60_000 });
    await expect(b.page.getByTestId('sync-status')).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });
    await expect(a.page.getByTestId('sync-status')).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });
    const sent = (await syncBytes(a.page)) + (await syncBytes(b.page)) - before;
    console.log(`joining a ${STATE_BYTES / 1e6} MB workspace put ${(sent / 1e6).toFixed(2)} MB on the sync channels (${(sent / STATE_BYTES).toFixed(2)}×)`);
    expect(sent).toBeGreaterThan(STATE_BYTES);
    expect(sent / STATE_BYTES).toBeLessThan(1.2);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
