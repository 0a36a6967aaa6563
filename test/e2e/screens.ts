import { test, type Page } from '@playwright/test';

/**
 * A full-page screenshot kept in the run's output (test-results/<test>/),
 * also for a test that passes, and attached to the test's report: the
 * record of how each screen looks at region size.
 */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const file = test.info().outputPath(`${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}
