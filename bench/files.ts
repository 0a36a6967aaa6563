/**
 * `npm run bench:files`: how fast the app's file transfer moves a 200 MiB
 * file between two Chromium processes, against raw RTCDataChannel throughput
 * measured in the same run with the same message size and water marks, and
 * how much the receiving renderer's memory grows meanwhile (the target is
 * under twice the receive window, not the file size). All traffic is on
 * loopback with host candidates only; the Node side relays SDP itself.
 *
 * The file page (bench/page/files-page.ts) runs the app's own file store and
 * file service; the raw baseline is bench/raw-baseline.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import type { Browser, Page } from '@playwright/test';
import { PIECE_BYTES } from '../shared/files/chunking';
import { PIECE_HEADER_BYTES } from '../shared/files/protocol';
import { HIGH_WATER_MARK_BYTES, LOW_WATER_MARK_BYTES } from '../renderer/src/files/peer-link';
import { startMemorySampler, type MemoryFigures } from './files-memory';
import { Cleanup, bundlePage, closePages, launchBrowsers, openBenchPage, servePage, withTimeout } from './harness';
import type { FilesPageApi } from './page/files-page';
import { measureRawBaseline, type BaselineResult } from './raw-baseline';

const FILE_BYTES = 200 * 2 ** 20;
const RESULTS_PATH = 'bench/results/files-latest.json';
const TARGET_RATIO = 0.7;
/** The raw side sends what the file channel sends: one piece with its header per message, under the same water marks. */
const RAW_OPTIONS = { bytes: 64 * 2 ** 20, messageBytes: PIECE_HEADER_BYTES + PIECE_BYTES, highWaterBytes: HIGH_WATER_MARK_BYTES, lowWaterBytes: LOW_WATER_MARK_BYTES };
/** Generating, hashing and storing 200 MiB takes ~10 s here; a loaded machine several times that. */
const PREPARE_TIMEOUT_MS = 180_000;
const CONNECT_TIMEOUT_MS = 20_000;
/** 1 MiB/s, a tenth of the worst raw rate seen here, still finishes. */
const TRANSFER_TIMEOUT_MS = 240_000;
const RUN_DEADLINE_MS = 12 * 60_000;
const MB = 1_000_000;
const MiB = 2 ** 20;

interface FilesResults {
  readonly startedAt: string;
  finishedAt?: string;
  readonly machine: { cpus: number; node: string; chromium: string | null };
  readonly loadAtPhaseStart: Record<string, number>;
  readonly baselines: Array<BaselineResult & { when: 'before' | 'after' }>;
  transfer: { bytes: number; storeSeconds: number; seconds: number; bytesPerSecond: number; warnings: number } | null;
  memory: (MemoryFigures & { windowBytes: number }) | null;
  readonly errors: string[];
}

function call<K extends keyof FilesPageApi>(page: Page, timeoutMs: number, name: K, ...args: Parameters<FilesPageApi[K]>): Promise<Awaited<ReturnType<FilesPageApi[K]>>> {
  const work = page.evaluate(({ n, a }) => (window.benchFiles[n] as (...x: unknown[]) => unknown)(...a), { n: name, a: args as unknown[] }) as Promise<Awaited<ReturnType<FilesPageApi[K]>>>;
  return withTimeout(`${String(name)} in page`, timeoutMs, work);
}

async function measureFileTransfer(url: string, browsers: readonly [Browser, Browser], results: FilesResults): Promise<void> {
  const [sender, receiver] = await Promise.all([openBenchPage(browsers[0], url, 'files-A'), openBenchPage(browsers[1], url, 'files-B')]);
  try {
    const { hash, storeSeconds } = await call(sender, PREPARE_TIMEOUT_MS, 'filesPrepareSender', FILE_BYTES);
    await call(receiver, PREPARE_TIMEOUT_MS, 'filesPrepareReceiver', hash, FILE_BYTES);
    const offer = await call(sender, CONNECT_TIMEOUT_MS, 'filesOffer');
    const answer = await call(receiver, CONNECT_TIMEOUT_MS, 'filesAnswer', offer);
    await call(sender, CONNECT_TIMEOUT_MS, 'filesAccept', answer);
    await call(receiver, CONNECT_TIMEOUT_MS, 'filesPeerReady', hash, CONNECT_TIMEOUT_MS);
    const { pieceBytes, windowPieces } = await call(receiver, CONNECT_TIMEOUT_MS, 'filesConstants');

    const stopSampling = await startMemorySampler(browsers[1], receiver);
    let fetched: Awaited<ReturnType<FilesPageApi['filesFetch']>>;
    try {
      fetched = await call(receiver, TRANSFER_TIMEOUT_MS + 5_000, 'filesFetch', hash, TRANSFER_TIMEOUT_MS);
    } finally {
      results.memory = { ...(await stopSampling()), windowBytes: pieceBytes * windowPieces };
    }
    const seconds = Math.max(fetched.completedAt - fetched.startedAt, 1) / 1000;
    results.transfer = { bytes: FILE_BYTES, storeSeconds, seconds, bytesPerSecond: FILE_BYTES / seconds, warnings: fetched.warnings };
  } finally {
    await closePages([sender, receiver]);
  }
}

function formatReport(results: FilesResults): string {
  const lines: string[] = [];
  const row = (cells: string[]) => void lines.push(cells.map((c, i) => (i === 0 ? c.padEnd(34) : c.padStart(10))).join(' '));
  lines.push('', `bench:files  ${results.startedAt}  (${results.machine.cpus} cores, node ${results.machine.node}, chromium ${results.machine.chromium ?? '?'})`, '');
  row(['measurement', 'seconds', 'MB/s', 'MiB/s', 'ratio']);
  for (const b of results.baselines) row([`raw RTCDataChannel, ${b.when}`, b.seconds.toFixed(2), (b.bytesPerSecond / MB).toFixed(1), (b.bytesPerSecond / MiB).toFixed(1), '']);
  const raw = results.baselines.length ? results.baselines.reduce((s, b) => s + b.bytesPerSecond, 0) / results.baselines.length : null;
  if (raw !== null) row(['raw mean (ratio divides by it)', '', (raw / MB).toFixed(1), (raw / MiB).toFixed(1), '1.00']);
  const t = results.transfer;
  if (t) row([`file transfer, ${t.bytes / MiB} MiB`, t.seconds.toFixed(2), (t.bytesPerSecond / MB).toFixed(1), (t.bytesPerSecond / MiB).toFixed(1), raw === null ? 'n/a' : (t.bytesPerSecond / raw).toFixed(2)]);
  else row(['file transfer', 'failed', '', '', '']);
  if (t) lines.push(`${''.padEnd(34)} (adding the file at the sender: hash + store ${t.storeSeconds.toFixed(1)} s; warnings logged: ${t.warnings})`);
  lines.push('', `target: ratio ≥ ${TARGET_RATIO}; timed from the receiver's request to the file stored and verified (SHA-256) in IndexedDB`);
  const m = results.memory;
  if (m) {
    const mib = (x: number) => `${(x / MiB).toFixed(1)} MiB`;
    lines.push(
      '',
      `receiver memory growth during the transfer (window ${mib(m.windowBytes)}, target < 2× = ${mib(2 * m.windowBytes)}; ${m.samples} samples):`,
      `  renderer RSS: peak +${mib(m.rendererPeakGrowthBytes)} over ${mib(m.rendererBaselineBytes)}  ${m.rendererPeakGrowthBytes < 2 * m.windowBytes ? '(under target)' : '(OVER target)'}`,
      `  JS heap used: peak +${mib(m.jsHeapPeakGrowthBytes)} over ${mib(m.jsHeapBaselineBytes)}`,
      `  browser process RSS (IndexedDB and blob storage live there; it keeps page-made Blobs until the page's GC frees them): peak +${mib(m.browserPeakGrowthBytes)} over ${mib(m.browserBaselineBytes)}`,
    );
  }
  const loads = Object.entries(results.loadAtPhaseStart);
  if (loads.length) lines.push('', `load average at phase starts: ${loads.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')} (${results.machine.cpus} cores, shared)`);
  if (results.errors.length) lines.push('', 'errors:', ...results.errors.map((e) => `  - ${e}`));
  lines.push('');
  return lines.join('\n');
}

async function run(results: FilesResults, cleanup: Cleanup): Promise<void> {
  const [rawCode, filesCode] = await Promise.all([bundlePage(), bundlePage('bench/page/files-page.ts')]);
  const rawServer = await servePage(rawCode);
  cleanup.add('raw page server', rawServer.close);
  const filesServer = await servePage(filesCode);
  cleanup.add('files page server', filesServer.close);
  const pair = (await launchBrowsers(2, cleanup)) as [Browser, Browser];
  results.machine.chromium = pair[0].version();

  const phase = async (name: string, work: () => Promise<void>) => {
    if (cleanup.finished) return;
    console.log(`bench:files: ${name} …`);
    results.loadAtPhaseStart[name] = loadavg()[0] ?? 0;
    try {
      await work();
    } catch (cause) {
      results.errors.push(`${name}: ${cause instanceof Error ? cause.message : String(cause)}`);
      console.log(`bench:files: ${name} failed`);
    }
  };
  const baseline = (when: 'before' | 'after') => phase(`raw baseline (${when})`, async () => void results.baselines.push({ ...(await measureRawBaseline(rawServer.url, pair, RAW_OPTIONS)), when }));
  await baseline('before');
  await phase('file transfer', () => measureFileTransfer(filesServer.url, pair, results));
  await baseline('after');
}

async function main(): Promise<number> {
  const results: FilesResults = { startedAt: new Date().toISOString(), machine: { cpus: cpus().length, node: process.version, chromium: null }, loadAtPhaseStart: {}, baselines: [], transfer: null, memory: null, errors: [] };
  const cleanup = new Cleanup();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`run deadline of ${RUN_DEADLINE_MS / 1000} s passed; closing everything`)), RUN_DEADLINE_MS);
  });
  try {
    await Promise.race([run(results, cleanup), deadline]);
  } catch (cause) {
    results.errors.push(cause instanceof Error ? cause.message : String(cause));
  } finally {
    clearTimeout(timer);
    results.errors.push(...(await cleanup.runAll()).map((failure) => `cleanup: ${failure}`));
  }
  results.finishedAt = new Date().toISOString();
  console.log(formatReport(results));
  await mkdir('bench/results', { recursive: true });
  await writeFile(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`bench:files: figures written to ${RESULTS_PATH}`);
  return results.errors.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (cause: unknown) => {
    console.error('bench:files crashed:', cause);
    process.exit(2);
  },
);
