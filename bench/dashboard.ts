/**
 * `npm run bench:dashboard`: what one dashboard recompute costs on a large
 * region (100 organisations, 500 people, 2000 introductions, 20 goals), as a
 * ratio against reading the whole workspace document once (`doc.toJSON()`)
 * in the same run. The machine is shared, so only the ratio compares between
 * runs; milliseconds are printed for orientation.
 */
import { cpus, loadavg } from 'node:os';
import { OPEN_AUTHORITY } from '../shared/mandates/mandate-state';
import { mkdir, writeFile } from 'node:fs/promises';
import { largeRegion } from '../shared/dashboard/large-region.fixture';
import { dashboardView } from '../shared/dashboard/view';

/** Rounds alternate baseline and dashboard, so drift in machine load hits both alike. */
const ROUNDS = 9;
/** Runs before measuring, so both paths are compiled and warm. */
const WARM_UP = 2;
const NOW = new Date(Date.UTC(2027, 0, 5));
const RESULTS_PATH = 'bench/results/dashboard-latest.json';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(run: () => unknown): Promise<number> {
  const began = performance.now();
  await run();
  return performance.now() - began;
}

const doc = largeRegion();
const readWhole = () => doc.toJSON();
const recompute = () => dashboardView(doc, NOW, OPEN_AUTHORITY);
for (let i = 0; i < WARM_UP; i += 1) {
  readWhole();
  await recompute();
}
const load = loadavg()[0] ?? Number.NaN;
const baseline: number[] = [];
const dashboard: number[] = [];
for (let i = 0; i < ROUNDS; i += 1) {
  baseline.push(await timed(readWhole));
  dashboard.push(await timed(recompute));
}
const result = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version, loadAtStart: load },
  region: { organisations: 100, members: 500, introductions: 2000, goals: 20 },
  medianMs: { readWholeDocument: median(baseline), dashboardView: median(dashboard) },
  ratio: median(dashboard) / median(baseline),
};
console.log(`dashboard recompute on a large region (${ROUNDS} rounds, load ${load.toFixed(1)} on ${cpus().length} cores)`);
console.log(`  read whole document (baseline): ${result.medianMs.readWholeDocument.toFixed(1)} ms`);
console.log(`  dashboardView:                  ${result.medianMs.dashboardView.toFixed(1)} ms`);
console.log(`  ratio:                          ${result.ratio.toFixed(1)}× the baseline`);
await mkdir('bench/results', { recursive: true });
await writeFile(RESULTS_PATH, `${JSON.stringify(result, null, 2)}\n`);
