import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { addOrganisation, createIdentity, createWorkspace, openSection } from './app-actions';
import { crashRendererAndReopen, killDelays, startKillableBrowser } from './killable-browser';
import { WORKER_HOSTS, hostUrl } from './web-hosts';

/**
 * Issue 13, item 4 (first part): an edit the screen shows survives the
 * browser being killed right after, at random moments. Each round opens the
 * workspace on the same profile, checks that every organisation added in an
 * earlier round is there, adds one, and 0–30 ms after the new card shows
 * either kills Chromium (SIGKILL to the browser process) or crashes only
 * the page's renderer (DevTools Page.crash) and reloads it. Bounded: ROUNDS
 * rounds, a seed printed so a failure can be replayed (KILL_SEED).
 */
const ROUNDS = 8;
const BASE = hostUrl(WORKER_HOSTS.main);

test('organisations added just before the browser is killed are all there after a restart', async () => {
  test.setTimeout(180_000);
  const seed = Number(process.env.KILL_SEED ?? Date.now() % 100_000);
  console.log(`crash-kill: seed ${seed}`);
  const nextDelay = killDelays(seed);
  const profile = await mkdtemp(join(tmpdir(), 'stroomkring-kill-'));
  const added: string[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const browser = await startKillableBrowser(profile);
      const { page } = browser;
      await page.goto(BASE);
      if (round === 0) {
        await createIdentity(page);
        await createWorkspace(page, 'Holland Rijnland', 'RES 2.0');
      } else {
        await page.getByRole('link', { name: 'Werkruimte RES 2.0 (Holland Rijnland) openen' }).click();
      }
      await openSection(page, 'Organisaties');
      for (const name of added) await expect(page.getByRole('article', { name })).toBeVisible();
      const name = `Organisatie ${round + 1}`;
      await addOrganisation(page, { name, type: 'Gemeente' });
      const delay = nextDelay();
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      added.push(name);
      if (delay % 2 === 0) {
        await browser.kill();
        continue;
      }
      // The renderer alone: the reloaded page must show the card.
      const reopened = await crashRendererAndReopen(page, BASE);
      await reopened.getByRole('link', { name: 'Werkruimte RES 2.0 (Holland Rijnland) openen' }).click();
      await openSection(reopened, 'Organisaties');
      await expect(reopened.getByRole('article', { name })).toBeVisible();
      await browser.kill();
    }
    const last = await startKillableBrowser(profile);
    await last.page.goto(BASE);
    await last.page.getByRole('link', { name: 'Werkruimte RES 2.0 (Holland Rijnland) openen' }).click();
    await openSection(last.page, 'Organisaties');
    for (const name of added) await expect(last.page.getByRole('article', { name })).toBeVisible();
    await last.kill();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
