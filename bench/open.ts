/**
 * `npm run bench:open` (issue 14): how the real app, in real Chromium, opens
 * a large workspace and shows one partner's change to it.
 *
 * The workspace (bench/open-region.ts: 200 organisations, 1,000 people,
 * 5,000 introductions, 2,000 documents, 500 ideas, 50 goals) is stored in
 * partner A's IndexedDB, where the app keeps it. Then, in one run:
 *   - first screen: A's page reloads; time from navigation start until the
 *     landing section is committed (the render probe sees it), per round;
 *   - the baseline, between those rounds: decoding the same stored state
 *     into a Y.Doc and reading it whole once (`toJSON`) in Node. Ratios are
 *     against the toJSON; the decode is printed as the floor any screen
 *     pays before it can read anything;
 *   - initial JavaScript: the app's script bytes fetched before the first screen;
 *   - a remote change: partner B (own Chromium, own web host and hub, joined
 *     by invite over real WebRTC) edits its organisation's interest while
 *     both look at Belangen; on A, the components React rendered because
 *     of it (counted through the DevTools hook, target: 1 InterestCard), and
 *     the time from B's click on Opslaan to the text showing on A.
 * Prints `open ratio: X` (first screen / toJSON) last.
 */
import { cpus, loadavg } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import * as Y from 'yjs';
import type { Page } from '@playwright/test';
import { ANNE, BRAM, createIdentity, createInvite, createWorkspace, joinWithInvite, openSection } from '../test/e2e/app-actions';
import { putFetchedDocumentUpdate, workspaceIdFromUrl } from '../test/e2e/idb';
import { bundlePage, Cleanup, launchBrowsers } from './harness';
import { buildWebApp, javascriptBeforeFirstScreen, openAppPage, profileWhile, reloadToFirstScreen, startWebHost } from './open-app';
import { OPEN_REGION, openRegionUpdate, organisationName } from './open-region';

const ROUNDS = Number(process.env.OPEN_ROUNDS ?? 7);
const REMOTE_EDITS = Number(process.env.OPEN_REMOTE_EDITS ?? 3);
/** After the change showed, commits still caused by it (a debounced view) are waited for this long. */
const SETTLE_MS = 1_000;
const LOAD_PATH = '/__bench-open/update.bin';
const RESULTS_PATH = 'bench/results/open-latest.json';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Decoding the stored state, then reading the whole document once. */
function readWholeDocument(update: Uint8Array): { decodeMs: number; toJsonMs: number } {
  const began = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, update);
  for (const name of [...doc.share.keys()]) doc.getMap(name);
  const decoded = performance.now();
  doc.toJSON();
  const read = performance.now();
  doc.destroy();
  return { decodeMs: decoded - began, toJsonMs: read - decoded };
}

async function storeRegion(page: Page, update: Uint8Array): Promise<void> {
  await page.route(`**${LOAD_PATH}`, (route) => route.fulfill({ status: 200, body: Buffer.from(update), contentType: 'application/octet-stream' }));
  await putFetchedDocumentUpdate(page, workspaceIdFromUrl(page.url()), LOAD_PATH);
  await page.unroute(`**${LOAD_PATH}`);
}

interface RemoteChange {
  readonly latencyMs: number;
  readonly commits: number;
  readonly interestCards: number;
  readonly components: number;
  readonly top: ReadonlyArray<readonly [string, number]>;
}

/** B saves a new text for its organisation's interests; A counts what it rendered and times when the text showed. */
async function remoteInterestChange(a: Page, b: Page, text: string): Promise<RemoteChange> {
  const ownName = organisationName(1);
  await a.evaluate(() => window.renderProbe.reset());
  // Organisation 1's card only (its id in open-region.ts is o1): looking through all 200 cards every frame would slow what it times.
  const shown = a.evaluate(({ text }) => window.renderProbe.textShownAt('article[aria-labelledby="interest-o1"]', text, 30_000), { text });
  await b.getByRole('button', { name: `Belangen van ${ownName} bewerken` }).click();
  const form = b.getByRole('dialog', { name: `Belangen van ${ownName}` });
  await form.getByRole('textbox', { name: 'Belangen', exact: true }).fill(text);
  const save = form.getByRole('button', { name: 'Opslaan' });
  await save.evaluate((button) => button.addEventListener('click', () => ((window as unknown as { savedAt: number }).savedAt = performance.timeOrigin + performance.now()), { capture: true, once: true }));
  await save.click();
  await form.waitFor({ state: 'hidden' });
  const shownAt = await shown;
  const savedAt = await b.evaluate(() => (window as unknown as { savedAt: number }).savedAt);
  await a.waitForTimeout(SETTLE_MS);
  const { commits, renders } = await a.evaluate(() => window.renderProbe.snapshot());
  // The app's own components; a library's (Mantine's Box, Text, …) render beneath them and are counted in the total.
  const top = Object.entries(renders).filter(([name]) => !name.includes('/')).sort((x, y) => y[1] - x[1]).slice(0, 10);
  return {
    latencyMs: shownAt - savedAt,
    commits,
    interestCards: renders.InterestCard ?? 0,
    components: Object.values(renders).reduce((sum, count) => sum + count, 0),
    top,
  };
}

async function run(cleanup: Cleanup) {
  if (process.env.OPEN_SKIP_BUILD !== '1') await buildWebApp();
  const probe = await bundlePage('bench/page/render-probe.ts');
  const [hostA, hostB] = await Promise.all([startWebHost(), startWebHost()]);
  for (const host of [hostA, hostB]) cleanup.add(`web host ${host.url}`, () => host.close());
  const [browserA, browserB] = await launchBrowsers(2, cleanup);
  if (!browserA || !browserB) throw new Error('two browsers expected');
  const a = await openAppPage(browserA, hostA.url, 'A', probe);
  await createIdentity(a, { ...ANNE, organisation: organisationName(0) });
  await createWorkspace(a, 'Holland Rijnland', 'RES 2.0');
  const update = openRegionUpdate();
  await storeRegion(a, update);
  await reloadToFirstScreen(a, 120_000); // warm-up: fills the browser's caches, as on a second start

  const load = loadavg()[0] ?? Number.NaN;
  const baseline: number[] = [];
  const decode: number[] = [];
  const firstScreen: number[] = [];
  const firstCommit: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const whole = readWholeDocument(update);
    baseline.push(whole.toJsonMs);
    decode.push(whole.decodeMs);
    const shown = await reloadToFirstScreen(a, 60_000);
    firstScreen.push(shown.usableMs);
    firstCommit.push(shown.committedMs);
  }
  const script = await javascriptBeforeFirstScreen(a);
  // OPEN_PROFILE=file.cpuprofile: one more reload, profiled, to open in Chrome DevTools (OPEN_PROFILE_REMOTE: A during the first remote change).
  if (process.env.OPEN_PROFILE) await writeFile(process.env.OPEN_PROFILE, JSON.stringify(await profileWhile(a, () => reloadToFirstScreen(a, 60_000))));

  const code = await createInvite(a);
  const b = await openAppPage(browserB, hostB.url, 'B', probe);
  await createIdentity(b, { ...BRAM, organisation: organisationName(1) });
  await joinWithInvite(b, code);
  await openSection(b, 'Belangen');
  await b.getByRole('button', { name: `Belangen van ${organisationName(1)} bewerken` }).waitFor({ timeout: 180_000 });
  await openSection(a, 'Belangen');
  await a.getByRole('article', { name: organisationName(1), exact: true }).waitFor();
  const changes: RemoteChange[] = [];
  for (let edit = 0; edit < REMOTE_EDITS; edit += 1) {
    const change = () => remoteInterestChange(a, b, `Warmtenet in wijk ${edit + 1}`);
    if (edit === 0 && process.env.OPEN_PROFILE_REMOTE) await writeFile(process.env.OPEN_PROFILE_REMOTE, JSON.stringify(await profileWhile(a, async () => changes.push(await change()))));
    else changes.push(await change());
  }

  const toJsonMs = median(baseline);
  const firstScreenMs = median(firstScreen);
  const latencyMs = median(changes.map((change) => change.latencyMs));
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, loadAtStart: load },
    workspace: { ...OPEN_REGION, storedBytes: update.byteLength },
    rounds: ROUNDS,
    medianMs: { toJson: toJsonMs, decodeStoredState: median(decode), firstScreenCommitted: median(firstCommit), firstScreen: firstScreenMs, remoteChangeShown: latencyMs },
    initialJavaScript: script,
    remoteChanges: changes,
    ratios: { firstScreen: firstScreenMs / toJsonMs, remoteChangeShown: latencyMs / toJsonMs },
  };
  await mkdir('bench/results', { recursive: true });
  await writeFile(RESULTS_PATH, `${JSON.stringify(result, null, 2)}\n`);

  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(`opening a large workspace in the app (${ROUNDS} rounds, load ${load.toFixed(1)} on ${cpus().length} cores)`);
  console.log(`  workspace: ${OPEN_REGION.organisations} organisations, ${OPEN_REGION.members} people, ${OPEN_REGION.introductions} introductions, ${OPEN_REGION.documents} documents, ${OPEN_REGION.ideas} ideas, ${OPEN_REGION.goals} goals; ${(update.byteLength / 1e6).toFixed(1)} MB stored`);
  console.log(`  baseline, toJSON of the whole document: ${toJsonMs.toFixed(1)} ms (decoding the stored state before it: ${ms(median(decode))})`);
  console.log(`  first screen after reload:              ${ms(firstScreenMs)} until usable (target < 300 ms), ratio ${result.ratios.firstScreen.toFixed(1)}; committed at ${ms(median(firstCommit))}`);
  console.log(`  initial JavaScript:                     ${(script.bytes / 1e6).toFixed(2)} MB in ${script.files} files (target < 1 MB)`);
  for (const [i, change] of changes.entries()) {
    console.log(`  remote interest change ${i + 1}: shown after ${ms(change.latencyMs)}; ${change.commits} commits, ${change.interestCards} InterestCard render(s) (target 1), ${change.components} components in all`);
    console.log(`    app components rendered: ${change.top.map(([name, count]) => `${name} ×${count}`).join(', ')}`);
  }
  console.log(`  remote change shown (median):           ${ms(latencyMs)} (target < 50 ms), ratio ${result.ratios.remoteChangeShown.toFixed(1)}`);
  console.log(`open ratio: ${result.ratios.firstScreen.toFixed(2)}`);
}

const cleanup = new Cleanup();
try {
  await run(cleanup);
} finally {
  const failures = await cleanup.runAll();
  for (const failure of failures) console.log(`cleanup: ${failure}`);
}
