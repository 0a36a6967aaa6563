/**
 * The app as `npm run bench:open` drives it: the web build served by
 * `vite preview` with the web host (each host its own signaling hub, as one
 * device), on free loopback ports, and a partner's page in its own Chromium
 * process with the render probe injected before the app's scripts.
 */
import { stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from '@playwright/test';
import { build, preview } from 'vite';
import { withTimeout } from './harness';

const WEB_CONFIG = 'vite.web.config.ts';
/** Where that config builds to. */
const WEB_BUILD_DIR = 'dist-web';

/** What the e2e tests use: a laptop screen, Dutch. */
const VIEWPORT = { width: 1280, height: 800 };

/** The production build, with function names kept so the render probe can tell components apart (names add a few kB). */
export async function buildWebApp(): Promise<void> {
  await build({ configFile: WEB_CONFIG, logLevel: 'warn', build: { rolldownOptions: { output: { keepNames: true } } } });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface WebHost {
  readonly url: string;
  close(): Promise<void>;
}

/** One device's web host: the built renderer and its hub. */
export async function startWebHost(): Promise<WebHost> {
  const port = await freePort();
  const server = await preview({ configFile: WEB_CONFIG, logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true } });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** A page of the app with the probe (bench/page/render-probe.ts, bundled) running before the app. */
export async function openAppPage(browser: Browser, url: string, name: string, probe: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: VIEWPORT, reducedMotion: 'reduce' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  // tsx keeps function names with an `__name` helper, which functions passed to page.evaluate (test/e2e/idb.ts) then call in the page.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await context.addInitScript({ content: `(() => {\n${probe}\n})();` });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[${name}] page error: ${error.message}`));
  page.on('crash', () => console.log(`[${name}] page crashed`));
  await withTimeout(`load app ${name}`, 30_000, page.goto(url));
  return page;
}

/** Reloads the page and returns when the landing section was committed and when it was usable, on the page's clock (ms since navigation start). */
export async function reloadToFirstScreen(page: Page, timeoutMs: number): Promise<{ committedMs: number; usableMs: number }> {
  await page.reload();
  await page.waitForFunction(() => window.renderProbe.firstScreenAt !== undefined, undefined, { timeout: timeoutMs, polling: 50 });
  return page.evaluate(() => ({ committedMs: window.renderProbe.firstCommitAt as number, usableMs: window.renderProbe.firstScreenAt as number }));
}

/**
 * The app's script files the page had requested when its first screen
 * showed, and their size as built (a reloaded page reads them from cache,
 * where the browser reports no size).
 */
export async function javascriptBeforeFirstScreen(page: Page): Promise<{ bytes: number; files: number }> {
  const paths = await page.evaluate(() => {
    const shownAt = window.renderProbe.firstCommitAt ?? Number.POSITIVE_INFINITY;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js') && entry.startTime < shownAt)
      .map((entry) => new URL(entry.name).pathname);
  });
  const unique = [...new Set(paths)];
  const sizes = await Promise.all(unique.map(async (path) => (await stat(join(WEB_BUILD_DIR, path))).size));
  return { bytes: sizes.reduce((sum, size) => sum + size, 0), files: unique.length };
}

/** For finding out where the time goes: a V8 CPU profile (Chrome DevTools' format) of the page while `work` runs. */
export async function profileWhile(page: Page, work: () => Promise<unknown>): Promise<object> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  await work();
  const { profile } = await session.send('Profiler.stop');
  await session.detach();
  return profile;
}
