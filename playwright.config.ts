import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs } from './test/e2e/chromium';
import { e2eWorkerCount, hostUrl, portsOf, webHostBlock } from './test/e2e/web-hosts';

const WORKERS = e2eWorkerCount();

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser)
 * against the built renderer served by `vite preview` on loopback.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Spec files are spread over the workers; the tests of one file run in order in one worker.
  fullyParallel: false,
  workers: WORKERS,
  // No retries: a test that passes only on a second try is a bug in the app or the test, to be found.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumArgs() },
    trace: 'retain-on-failure',
    locale: 'nl-NL',
    // No fades: axe then judges every modal and notification as it settles, never half transparent mid-transition.
    reducedMotion: 'reduce',
  },
  // One web host per partner and worker: each serves the same renderer and runs its own signaling hub
  // (loopback only, no mDNS). baseURL is the worker's default host (test/e2e/fixtures.ts).
  webServer: Array.from({ length: WORKERS }, (_, worker) => portsOf(webHostBlock(worker))).flat().map((port) => ({
    command: `node node_modules/vite/bin/vite.js preview --config vite.web.config.ts --port ${port} --strictPort`,
    url: hostUrl(port),
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  })),
});
