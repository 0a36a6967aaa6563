import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs } from './chromium';
import { WORKER_HOSTS } from './web-hosts';

/**
 * A partner in another organisation: their own Chromium process (so their
 * own IndexedDB, and WebRTC between processes, not BroadcastChannel), using
 * their own web host.
 */
export interface Partner {
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

export async function openPartner(hostPort: number): Promise<Partner> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs() });
  const page = await openPartnerPage(browser, hostPort);
  return { browser, page, close: () => browser.close() };
}

/** One more partner in an open Chromium process: a context of its own, so its own IndexedDB and identity. */
export async function openPartnerPage(browser: Browser, hostPort: number, label = String(hostPort)): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${hostPort}` });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[partner ${label}] page error: ${error.message}`));
  // E2E_CONSOLE=1 shows what the partners' pages log, for finding out why a test fails.
  if (process.env.E2E_CONSOLE) page.on('console', (message) => console.log(`[partner ${label}] ${message.type()}: ${message.text()}`));
  await page.goto(`http://127.0.0.1:${hostPort}/`);
  return page;
}

/** Ports of this worker's partner web hosts (see web-hosts.ts and playwright.config.ts). */
export const PARTNER_HOST_PORTS = WORKER_HOSTS.partners;
/**
 * Web hosts only two-hop.spec.ts uses: hub links made by one test outlive it
 * (the hosts run for the whole run), and that test needs hubs linked A–B and
 * B–C and nothing else.
 */
export const CHAIN_HOST_PORTS = WORKER_HOSTS.chain;
