/**
 * Node-side plumbing for the benchmark: bundle the page, serve it on
 * loopback, start one Chromium process per peer, call the page's API with a
 * timeout on every call, and undo all of it in reverse order. Nothing here
 * measures anything.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_PATH, chromiumArgs } from '../test/e2e/chromium';
import type { BenchPageApi } from './page/bench-page';

const PAGE_ENTRY = 'bench/page/bench-page.ts';

/** Starting Chromium and loading the bundle takes ~1 s here; a slow, busy machine gets ten times that. */
const LAUNCH_TIMEOUT_MS = 30_000;

/** Closing must never hang the run: a browser that does not close in time is killed with the process. */
const CLOSE_TIMEOUT_MS = 10_000;

export async function withTimeout<T>(what: string, timeoutMs: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Close functions run last-in first-out; each failure is reported and the rest
 * still run. Something registered after runAll (a phase still starting when
 * the run deadline passed) is closed at once instead of being leaked.
 */
export class Cleanup {
  private readonly steps: Array<{ what: string; run: () => Promise<unknown> }> = [];
  private done = false;

  get finished(): boolean {
    return this.done;
  }

  add(what: string, run: () => Promise<unknown>): void {
    if (this.done) void withTimeout(`close ${what}`, CLOSE_TIMEOUT_MS, run()).catch(() => undefined);
    else this.steps.push({ what, run });
  }

  async runAll(): Promise<string[]> {
    this.done = true;
    const failures: string[] = [];
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await withTimeout(`close ${step.what}`, CLOSE_TIMEOUT_MS, step.run());
      } catch (cause) {
        failures.push(`${step.what}: ${String(cause)}`);
      }
    }
    return failures;
  }
}

/** The page bundle as one ES module, built in memory (nothing is written to disk); another entry serves another benchmark. */
export async function bundlePage(entry: string = PAGE_ENTRY): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    // One file: the page is served as a single script (a library's dynamic import of a Node module must not become a second chunk).
    build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'page' }, rollupOptions: { output: { codeSplitting: false } } },
    // A page that bundles React (the render probe) needs what an app build defines.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  });
  for (const out of Array.isArray(result) ? result : [result]) {
    if (!('output' in out)) continue;
    const entry = out.output.find((o) => o.type === 'chunk' && o.isEntry);
    if (entry?.type === 'chunk') return entry.code;
  }
  throw new Error('vite build produced no entry chunk');
}

/** Serves the bundle and a bare HTML shell on a random loopback port. */
export async function servePage(code: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url === '/page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title><script type="module" src="/page.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One Chromium process per peer, as separate machines would be; each is registered for cleanup as soon as it exists. */
export async function launchBrowsers(count: number, cleanup: Cleanup, firstIndex = 0): Promise<Browser[]> {
  const browsers: Browser[] = [];
  for (let i = firstIndex; i < firstIndex + count; i++) {
    const browser = await withTimeout(`launch chromium ${i}`, LAUNCH_TIMEOUT_MS, chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs() }));
    let closing = false;
    browser.on('disconnected', () => {
      if (!closing) console.log(`[chromium ${i}] disconnected unexpectedly`);
    });
    cleanup.add(`chromium ${i}`, () => {
      closing = true;
      return browser.close();
    });
    browsers.push(browser);
  }
  return browsers;
}

/** A fresh page (own browser context, so no shared storage or BroadcastChannel) with the bench API loaded. */
export async function openBenchPage(browser: Browser, url: string, name: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') console.log(`[${name}] ${m.text()}`);
  });
  page.on('pageerror', (e) => console.log(`[${name}] page error: ${e.message}`));
  page.on('crash', () => console.log(`[${name}] page crashed`));
  await withTimeout(`load page ${name}`, LAUNCH_TIMEOUT_MS, page.goto(url));
  await page.waitForFunction(() => 'bench' in window, undefined, { timeout: LAUNCH_TIMEOUT_MS });
  return page;
}

type Api = BenchPageApi;

/** Calls `window.bench[name](...args)` in the page; rejects after `timeoutMs` whatever the page does. */
export function call<K extends keyof Api>(page: Page, timeoutMs: number, name: K, ...args: Parameters<Api[K]>): Promise<Awaited<ReturnType<Api[K]>>> {
  const work = page.evaluate(
    ({ n, a }) => (window.bench[n] as (...x: unknown[]) => unknown)(...a),
    { n: name, a: args as unknown[] },
  ) as Promise<Awaited<ReturnType<Api[K]>>>;
  return withTimeout(`${String(name)} in page`, timeoutMs, work);
}

/** Closes pages without letting one stuck page block the others or the run. */
export async function closePages(pages: Page[]): Promise<void> {
  await Promise.allSettled(pages.map((p) => withTimeout('close page', CLOSE_TIMEOUT_MS, p.close())));
}
