import { chromium, expect, test, type Browser, type Page } from './fixtures';
import { bundlePage, servePage } from '../../bench/harness';
import { callSession, openSessionPages } from '../../bench/session-harness';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, openSection, readInviteParts, startPairAtHosts } from './app-actions';
import { CHROMIUM_PATH, chromiumArgs } from './chromium';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';
import type { KeyHolderApi } from './pages/key-holder-page';

/**
 * Holding the key is not enough: A and B use the app (separate Chromium
 * processes); in a third process three clients that know only what an
 * invite code carries try to get in:
 *   - a stock y-webrtc client in the workspace's room (y-webrtc's own protocol);
 *   - the app's own sync and membership code, but with no invite (a key holder);
 *   - the same with B's invite, already used by B (a copied code).
 * None of them receives anything of the workspace (on the stock client's
 * channels, not one byte besides challenges and refusals), A's Verbindingen lists the refused connections, and A
 * and B keep syncing.
 */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;
/** The pages are bundled by Vite in memory: a few seconds each here. */
const BUNDLE_TIMEOUT_MS = 90_000;
/** How long the stock client is watched for further connections after its first refusals. */
const QUIET_WINDOW_MS = 6_000;
/** A challenge and a refusal from a peer or two that had not refused it yet; without the back-off it was 190 in 6 s here. */
const MAX_MESSAGES_IN_WINDOW = 8;

let intruders: Browser | undefined;
let servers: { url: string; close: () => Promise<void> }[] = [];

test.beforeAll(async () => {
  test.setTimeout(BUNDLE_TIMEOUT_MS + 30_000);
  servers = await Promise.all([servePage(await bundlePage('test/e2e/pages/key-holder-page.ts')), servePage(await bundlePage('bench/page/session-page.ts'))]);
  intruders = await chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs() });
});

test.afterAll(async () => {
  await intruders?.close();
  await Promise.all(servers.map((server) => server.close()));
});

const status = (page: Page) => page.getByTestId('sync-status');

const stockView = (page: Page) => page.evaluate(() => (window as unknown as { keyHolder: KeyHolderApi }).keyHolder.view());

test('a client with only the key, or with a used invite, gets nothing and is listed as refused', async () => {
  test.setTimeout(180_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
  const [a, b] = partners as [Partner, Partner];
  const sessionPages: Page[] = [];
  let stock: Page | undefined;
  try {
    const invite = await startPairAtHosts(a.page, b.page, PORT_B);
    await openSection(b.page, 'Organisaties');
    await expect(b.page.getByRole('article', { name: 'Gemeente Leiden' })).toBeVisible();

    const { workspaceId, key, hub } = readInviteParts(invite);
    const [stockServer, sessionServer] = servers as unknown as [{ url: string }, { url: string }];
    // Not openBenchPage: y-webrtc logs "Unable to compute message" for every challenge it cannot read, which says nothing here.
    stock = await (intruders as Browser).newPage();
    await stock.goto(stockServer.url);
    await stock.waitForFunction(() => 'keyHolder' in window);
    await stock.evaluate((options) => (window as unknown as { keyHolder: KeyHolderApi }).keyHolder.start(options), { hubUrl: hub, workspaceId, key });
    await openSessionPages([intruders as Browser], sessionServer.url, 2, 'intruder', sessionPages);
    const [keyOnly, copied] = sessionPages as [Page, Page];
    const start = { hubUrl: hub, workspaceId, key, seedChars: 0, memberEntry: false };
    await callSession(keyOnly, 15_000, 'start', { ...start, index: 0, displayName: 'Mallory Sleutel' });
    await callSession(copied, 15_000, 'start', { ...start, index: 1, displayName: 'Kees Kopie', invite });

    // A refuses each of them, for its own reason.
    await a.page.getByRole('button', { name: 'Verbindingen' }).click();
    const connections = a.page.getByRole('dialog', { name: 'Verbindingen' });
    const refused = connections.getByTestId('refused-connections');
    await expect(refused).toContainText('Een verbinding geweigerd: geen bewezen lid van deze werkruimte', { timeout: 30_000 });
    await expect(refused).toContainText('de uitnodiging is al door iemand anders gebruikt', { timeout: 30_000 });
    await expect(connections.getByTestId('mesh-neighbours').getByRole('listitem')).toHaveCount(1);
    await expect(connections.getByTestId('mesh-neighbours')).toContainText('Bram Jansen · Liander');
    await expect(connections.getByTestId('mesh-neighbours')).toContainText('bewezen lid');
    await a.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(a.page);
    await a.page.keyboard.press('Escape');

    // The stock client connected (it got a challenge and a refusal) and received nothing else.
    await expect.poll(async () => (await stockView(stock as Page)).messages, { timeout: 30_000 }).toBeGreaterThan(0);
    // And it is not let in again and again: each peer refused it once and ignores it for a while (no connection storm).
    const before = (await stockView(stock)).messages;
    await stock.waitForTimeout(QUIET_WINDOW_MS);
    const further = (await stockView(stock)).messages - before;
    console.log(`key holder: ${further} more messages to the stock client in ${QUIET_WINDOW_MS / 1000} s after its first refusals`);
    expect(further).toBeLessThanOrEqual(MAX_MESSAGES_IN_WINDOW);
    const seen = await stockView(stock);
    expect(seen.otherThanProving).toBe(0);
    expect(seen.roots).toEqual([]);
    for (const page of [keyOnly, copied]) {
      expect(await callSession(page, 15_000, 'statusKind')).toBe('looking');
      expect(await callSession(page, 15_000, 'peerView')).toMatchObject({ directPeers: 0, members: 0 });
    }

    // A and B go on as before.
    await addOrganisation(b.page, { name: 'Liander', type: 'Netbeheerder' });
    await openSection(a.page, 'Organisaties');
    await expect(a.page.getByRole('article', { name: 'Liander' })).toBeVisible();
    await expect(status(a.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 20_000 });
  } finally {
    await stock?.evaluate(() => (window as unknown as { keyHolder: KeyHolderApi }).keyHolder.stop()).catch(() => undefined);
    await Promise.all(sessionPages.map((page) => callSession(page, 5_000, 'stop').catch(() => undefined)));
    await Promise.all(partners.map((partner) => partner.close()));
  }
});
