import { chromium, test, type Browser, type Page } from '@playwright/test';
import { bundlePage, servePage } from '../../bench/harness';
import { callSession, openSessionPages } from '../../bench/session-harness';
import { CHROMIUM_PATH, chromiumArgs } from './chromium';
import { readInviteParts } from './app-actions';

/** The session page is bundled by Vite in memory: a few seconds here. */
const BUNDLE_TIMEOUT_MS = 60_000;

export interface ScriptedPeers {
  /**
   * A scripted member in its own Chromium process: the session benchmark page, running the app's own
   * WorkspaceSync and membership, admitted with `invite` like any partner.
   */
  join(name: string, invite: string, options?: { readonly profile?: boolean }): Promise<Page>;
  /** Stops every scripted peer this test started. */
  stopAll(): Promise<void>;
}

/** Registers the spec's beforeAll/afterAll that bundle and serve the session page and launch its browser. */
export function useScriptedPeers(label: string): ScriptedPeers {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  const pages: Page[] = [];
  test.beforeAll(async () => {
    test.setTimeout(BUNDLE_TIMEOUT_MS + 30_000);
    server = await servePage(await bundlePage('bench/page/session-page.ts'));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs() });
  });
  test.afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    async join(name, invite, options = {}) {
      if (!browser || !server) throw new Error('scripted peers: beforeAll has not run');
      const { workspaceId, key, hub } = readInviteParts(invite);
      const opened: Page[] = [];
      await openSessionPages([browser], server.url, 1, label, opened);
      const page = opened[0];
      if (!page) throw new Error('scripted peers: no page opened');
      pages.push(page);
      await callSession(page, 15_000, 'start', { hubUrl: hub, workspaceId, key, index: 0, seedChars: 0, memberEntry: false, displayName: name, invite, profile: options.profile ?? false });
      return page;
    },
    async stopAll() {
      await Promise.all(pages.splice(0).map((page) => callSession(page, 5_000, 'stop').catch(() => undefined)));
    },
  };
}
