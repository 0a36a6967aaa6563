/**
 * Two app instances find each other by real mDNS, end to end: each partner
 * has its own network namespace (a veth pair between them, a random
 * 10.25x.y.0/24 subnet), its own web host with STROOMKRING_DISCOVERY=1 bound
 * to its veth address, and its own Chromium started inside that namespace.
 * B joins with A's invite but its host never gets the invite's hub addresses
 * (the renderer's POST to /__stroomkring/peers is aborted), so the hubs can
 * only meet by mDNS. Needs root and iproute2; skipped with the reason printed
 * without them.
 */
import { chromium, expect, test, type Browser, type Page } from './fixtures';
import { ANNE, BRAM, addOrganisation, createIdentity, createInvite, createWorkspace, joinWithInvite, openSection } from './app-actions';
import { chromiumArgs } from './chromium';
import { chromiumInNamespace, createNamespacePair, netnsSkipReason, planNamespacePair, removeNamespaces, startWebHost, type NetnsSide, type NetnsWebHost } from './netns';

if (netnsSkipReason) console.warn(`[mdns-discovery.spec] skipping the mDNS namespace test: ${netnsSkipReason}`);

/** Each host is alone in its namespace, so both can use the usual web port. */
const HOST_PORT = 5178;
/** Discovery, hub linking and the WebRTC connection take a few seconds here; allow for a slow, busy machine. */
const SYNC_DEADLINE_MS = 30_000;

interface NamespacedPartner {
  label: 'A' | 'B';
  side: NetnsSide;
  host?: NetnsWebHost;
  browser?: Browser;
  page?: Page;
  removeWrapper?: () => void;
}

test.describe('partners on one LAN, found by mDNS', () => {
  test.skip(netnsSkipReason !== undefined, netnsSkipReason);
  test.describe.configure({ timeout: 120_000 });

  const sides = planNamespacePair('skm');
  const partners: NamespacedPartner[] = [
    { label: 'A', side: sides[0] },
    { label: 'B', side: sides[1] },
  ];

  /** Starts the partner's web host and Chromium inside its namespace and opens the app. */
  async function open(partner: NamespacedPartner): Promise<Page> {
    const host = await startWebHost(partner.side, HOST_PORT, { STROOMKRING_DISCOVERY: '1' });
    partner.host = host;
    const wrapper = chromiumInNamespace(partner.side);
    partner.removeWrapper = wrapper.remove;
    const origin = new URL(host.url).origin;
    // The app needs a secure context (crypto.subtle, randomUUID), which a plain-http LAN address is not; the desktop app's custom scheme is.
    partner.browser = await chromium.launch({
      executablePath: wrapper.executablePath,
      args: chromiumArgs([`--unsafely-treat-insecure-origin-as-secure=${origin}`]),
    });
    const context = await partner.browser.newContext({ locale: 'nl-NL', viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[partner ${partner.label}] page error: ${error.message}`));
    partner.page = page;
    await page.goto(host.url);
    return page;
  }

  test.beforeAll(() => {
    createNamespacePair(sides);
  });

  test.afterAll(async () => {
    for (const partner of partners) {
      await partner.browser?.close().catch((error: Error) => console.error(`closing Chromium in ${partner.side.ns}: ${error.message}`));
      await partner.host?.stop();
      partner.removeWrapper?.();
    }
    removeNamespaces(sides);
  });

  test('B joins without the invite address and finds A by mDNS', async () => {
    const [a, b] = await Promise.all(partners.map(open));
    if (!a || !b) throw new Error('expected two partners');
    try {
      await createIdentity(a, ANNE);
      await createWorkspace(a, 'Holland Rijnland', 'RES 2.0');
      await addOrganisation(a, { name: 'Gemeente Leiden', type: 'Gemeente' });
      const code = await createInvite(a);

      // B's host never learns the hub addresses in the invite: only mDNS can lead it to A's hub.
      let blockedPeerPosts = 0;
      await b.route('**/__stroomkring/peers', (route) => {
        blockedPeerPosts += 1;
        return route.abort('addressunreachable');
      });
      await createIdentity(b, BRAM);
      await joinWithInvite(b, code);
      await expect(b.getByRole('heading', { level: 1, name: 'RES 2.0' })).toBeVisible();
      await expect.poll(() => blockedPeerPosts, { message: 'B tried to hand the invite addresses to its host' }).toBeGreaterThan(0);

      await openSection(b, 'Organisaties');
      await expect(b.getByRole('article', { name: 'Gemeente Leiden' })).toBeVisible({ timeout: SYNC_DEADLINE_MS });
      await expect(a.getByTestId('sync-status')).toHaveText('Bijgewerkt met 1 partner', { timeout: SYNC_DEADLINE_MS });
      await expect(b.getByTestId('sync-status')).toHaveText('Bijgewerkt met 1 partner', { timeout: SYNC_DEADLINE_MS });
    } catch (error) {
      // The hubs log discovery and link trouble to the hosts' output: that is where a failure here is explained.
      for (const partner of partners) {
        const output = partner.host?.output() ?? '(not started)';
        await test.info().attach(`web host ${partner.label} output`, { body: output, contentType: 'text/plain' });
        console.error(`[mdns-discovery.spec] web host ${partner.label} (${partner.side.ns}) output:\n${output}`);
      }
      throw error;
    }
  });
});
