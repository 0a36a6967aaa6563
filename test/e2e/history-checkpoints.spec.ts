import { randomUUID } from 'node:crypto';
import { chromium, expect, test, type Browser, type Page } from './fixtures';
import { bundlePage, servePage, withTimeout } from '../../bench/harness';
import { startLocalHub, type LocalHub } from '../../electron/signaling/start-local-hub';
import { generateWorkspaceKey } from '../../shared/invite/workspace-key';
import { CHROMIUM_PATH, chromiumArgs } from './chromium';
import type { CheckpointPeerApi } from './pages/checkpoint-page';

/**
 * Checkpoints keep the kept log small without losing history (issue 13):
 * three member devices in separate Chromium processes, each syncing through
 * the app's WorkspaceSync over real WebRTC on the app's hub on loopback and
 * keeping its signed changes in real IndexedDB with the app's stores, the
 * founder's device checkpointing every 8 changes. A (founder) and B add
 * ideas; both keep far fewer signed changes than were made, and the history
 * each reads back from IndexedDB still names every idea change with its
 * author and ends with every idea. C joins afterwards on a fresh profile,
 * catches up from the checkpoint and holds every idea.
 */
const CHECKPOINT_EVERY = 8;
const BUNDLE_TIMEOUT_MS = 60_000;
const CALL_MS = 30_000;
const SYNC_TIMEOUT_MS = 45_000;

let browsers: Browser[] = [];
let hub: LocalHub | undefined;
let server: { url: string; close: () => Promise<void> } | undefined;

function call<K extends keyof CheckpointPeerApi>(page: Page, name: K, ...args: Parameters<CheckpointPeerApi[K]>): Promise<Awaited<ReturnType<CheckpointPeerApi[K]>>> {
  const work = page.evaluate(({ n, a }) => ((window as unknown as { checkpointPeer: CheckpointPeerApi }).checkpointPeer[n] as (...x: unknown[]) => unknown)(...a), {
    n: name,
    a: args as unknown[],
  }) as Promise<Awaited<ReturnType<CheckpointPeerApi[K]>>>;
  return withTimeout(`${name} in page`, CALL_MS, work);
}

async function openPeer(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  await page.goto((server as { url: string }).url);
  await page.waitForFunction(() => 'checkpointPeer' in window);
  return page;
}

test.beforeAll(async () => {
  test.setTimeout(BUNDLE_TIMEOUT_MS + 30_000);
  server = await servePage(await bundlePage('test/e2e/pages/checkpoint-page.ts'));
  hub = await startLocalHub({ host: '127.0.0.1', port: 0, discovery: false, log: () => {} });
  browsers = await Promise.all([0, 1, 2].map(() => chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs() })));
});

test.afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
  await hub?.close();
  await server?.close();
});

test('checkpoints drop the signed changes they cover, the history keeps every change, and a newcomer catches up from the checkpoint', async () => {
  test.setTimeout(180_000);
  const pages = await Promise.all(browsers.map(openPeer));
  const [a, b, c] = pages as [Page, Page, Page];
  try {
    const [keyA, keyB, keyC] = (await Promise.all(pages.map((page) => call(page, 'prepare')))) as [string, string, string];
    const people = [
      { publicKey: keyA, displayName: 'Anne de Vries', organisationName: 'Gemeente Leiden' },
      { publicKey: keyB, displayName: 'Bram Jansen', organisationName: 'Liander' },
      { publicKey: keyC, displayName: 'Carla Smit', organisationName: 'Energiecoöperatie Leiden' },
    ];
    const workspaceId = randomUUID();
    const seed = await call(a, 'seed', workspaceId, people);
    const session = { hubUrl: (hub as LocalHub).url, workspaceId, key: generateWorkspaceKey(), founderKey: keyA, seed, checkpointEvery: CHECKPOINT_EVERY };
    const startPeer = (page: Page, index: number) => call(page, 'start', { ...session, displayName: people[index]!.displayName, organisationName: people[index]!.organisationName });
    await Promise.all([startPeer(a, 0), startPeer(b, 1)]);
    await expect.poll(() => Promise.all([a, b].map((page) => call(page, 'statusKind'))), { timeout: SYNC_TIMEOUT_MS }).toEqual(['inSync', 'inSync']);

    const fromA = Array.from({ length: 16 }, (_, i) => `Idee van Anne ${i + 1}`);
    const fromB = Array.from({ length: 6 }, (_, i) => `Idee van Bram ${i + 1}`);
    await call(a, 'addIdeas', fromA.slice(0, 10), 40);
    await call(b, 'addIdeas', fromB, 40);
    await call(a, 'addIdeas', fromA.slice(10), 40);
    const all = [...fromA, ...fromB].sort();
    await expect.poll(() => call(b, 'ideaTitles'), { timeout: SYNC_TIMEOUT_MS }).toEqual(all);
    await expect.poll(() => call(a, 'ideaTitles'), { timeout: SYNC_TIMEOUT_MS }).toEqual(all);

    for (const page of [a, b]) {
      const report = await call(page, 'report');
      // 22 ideas and a baseline each were signed; a checkpoint stands in for most of them.
      expect(report.keptChanges).toBeLessThan(fromA.length + fromB.length);
      expect(report.checkpointsKept).toBe(1);
      expect(report.segments).toBeGreaterThan(0);
      expect(report.changesBySigner).toEqual({ [keyA]: fromA.length, [keyB]: fromB.length });
      expect(report.lastTitles).toEqual(all);
    }

    await startPeer(c, 2);
    await expect.poll(() => call(c, 'ideaTitles'), { timeout: SYNC_TIMEOUT_MS }).toEqual(all);
    const newcomer = await call(c, 'report');
    expect(newcomer.checkpointsKept).toBe(1);
    expect(newcomer.lastTitles).toEqual(all);
  } finally {
    await Promise.all(pages.map((page) => call(page, 'stop').catch(() => undefined)));
    await Promise.all(pages.map((page) => page.close()));
  }
});
