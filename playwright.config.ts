import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs } from './test/e2e/chromium';
import { CHAIN_HOST_PORTS, PARTNER_HOST_PORTS } from './test/e2e/partners';

const PORT = 5178;

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser)
 * against the built renderer served by `vite preview` on loopback.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  // No retries: a test that passes only on a second try is a bug in the app or the test, to be found.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumArgs() },
    trace: 'retain-on-failure',
    locale: 'nl-NL',
    // No fades: axe then judges every modal and notification as it settles, never half transparent mid-transition.
    reducedMotion: 'reduce',
  },
  // One web host per partner: each serves the same renderer and runs its own signaling hub (loopback only, no mDNS).
  webServer: [PORT, ...PARTNER_HOST_PORTS, ...CHAIN_HOST_PORTS].map((port) => ({
    command: `npx vite preview --config vite.web.config.ts --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  })),
});
