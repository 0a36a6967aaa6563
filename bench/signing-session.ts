/**
 * `npm run bench:signing [-- --peers 30]`: what proven membership costs a
 * regional session at the keyboard. The same session is run twice in one
 * run, on the same browsers and hub: first as an open workspace (every key
 * holder is let in, changes travel bare), then as a proven one (every peer
 * proves itself on every connection, signs each change, and checks each
 * change it receives against the write rules: bench/page/proven-workspace.ts).
 * In both, N peers connect, then three of them (in three Chromium processes)
 * type 5 characters a second for 20 s with their carets in presence, as in
 * bench:session; the keystroke latency to every other peer is compared as
 * proven ÷ open. The issue's bar: the proven p95 at most 1.2 × the open one.
 * The cost of signing and checking one update on its own is bench:changes.
 *
 * All traffic is on loopback (pages on 127.0.0.1, the app's own hub without
 * mDNS, `iceServers: []`); every wait is bounded and the run has a deadline.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { startLocalHub } from '../electron/signaling/start-local-hub';
import { generateWorkspaceKey } from '../shared/invite/workspace-key';
import { Cleanup, bundlePage, closePages, launchBrowsers, servePage, withTimeout } from './harness';
import { callSession, openSessionPages } from './session-harness';
import { emptyMeshResult, type MeshResult, TYPISTS, typeAndMeasure } from './session-mesh';

const SESSION_PAGE_ENTRY = 'bench/page/session-page.ts';
const CHROMIUM_PROCESSES = 3;
const DEFAULT_PEERS = 30;
const RUN_DEADLINE_MS = 10 * 60_000;
/** Opening N pages, connecting them and the typing, per mode; 270 s at 30 peers, as bench:session gives a session. */
const modeBudgetMs = (n: number): number => 30_000 + 8_000 * n;
const START_TIMEOUT_MS = 20_000;
const connectTimeoutMs = (n: number): number => 30_000 + 2_000 * n;
/** The issue's bar for the proven p95 against the open one. */
const MAX_P95_RATIO = 1.2;

type Mode = 'open' | 'proven';

interface ModeResult {
  readonly mode: Mode;
  readonly connectedPeers: number | null;
  readonly typing: MeshResult['typing'];
  readonly errors: string[];
  readonly loadAtStart: number;
}

function peers(): number {
  const { values } = parseArgs({ options: { peers: { type: 'string' } }, allowPositionals: false });
  const n = values.peers === undefined ? DEFAULT_PEERS : Number.parseInt(values.peers, 10);
  if (!Number.isInteger(n) || n < TYPISTS + 1) throw new Error(`--peers wants one size of at least ${TYPISTS + 1}: got "${values.peers}"`);
  return n;
}

const startedAtMs = Date.now();
const log = (line: string): void => console.log(`bench:signing [${((Date.now() - startedAtMs) / 1000).toFixed(0).padStart(3)} s] ${line}`);

/** Starts every page in the given mode; a proven workspace is founded by page 0, which admits all others. */
async function startAll(pages: readonly Page[], mode: Mode, hubUrl: string): Promise<void> {
  const workspaceId = randomUUID();
  const key = generateWorkspaceKey();
  const member = (index: number) => ({ displayName: `Deelnemer ${index}`, organisationName: `Organisatie ${index}` });
  let proven: { founderKey: string; seed: string } | undefined;
  if (mode === 'proven') {
    const keys = await Promise.all(pages.map((p) => callSession(p, START_TIMEOUT_MS, 'prepareIdentity')));
    const members = keys.map((publicKey, index) => ({ publicKey, ...member(index) }));
    const seed = await callSession(pages[0] as Page, START_TIMEOUT_MS, 'makeProvenSeed', workspaceId, members);
    proven = { founderKey: keys[0] as string, seed };
  }
  await Promise.all(
    pages.map((p, index) =>
      callSession(p, START_TIMEOUT_MS, 'start', { hubUrl, workspaceId, key, index, seedChars: 0, memberEntry: false, ...member(index), ...(proven ? { proven } : {}) }),
    ),
  );
}

async function runMode(mode: Mode, n: number, url: string, hubUrl: string, browsers: readonly Browser[]): Promise<ModeResult> {
  const result = emptyMeshResult(n);
  const errors: string[] = [];
  const pages: Page[] = [];
  let connectedPeers: number | null = null;
  const loadAtStart = loadavg()[0] ?? 0;
  try {
    await withTimeout(`${mode} session of ${n}`, modeBudgetMs(n), (async () => {
      log(`${mode}: opening ${n} pages`);
      await openSessionPages(browsers, url, n, `${mode}${n}`, pages);
      log(`${mode}: starting`);
      await startAll(pages, mode, hubUrl);
      const timeoutMs = connectTimeoutMs(n);
      const converged = await Promise.all(pages.map((p) => callSession(p, timeoutMs + 10_000, 'waitConverged', { awareness: n, members: 0, seedChars: 0, timeoutMs })));
      connectedPeers = converged.filter((c) => c.reachedAt !== null).length;
      log(`${mode}: ${connectedPeers} of ${n} see everyone; ${TYPISTS} peers type`);
      await typeAndMeasure(pages, pages.slice(0, TYPISTS), result, mode === 'open' ? 'notes' : 'ownInterest');
    })());
  } catch (cause) {
    errors.push(cause instanceof Error ? cause.message : String(cause));
  } finally {
    result.ended = true;
    await closePages(pages.filter((p) => p !== undefined));
  }
  return { mode, connectedPeers, typing: result.typing, errors, loadAtStart };
}

const ms = (x: number | null | undefined): string => (x === null || x === undefined ? 'n/a' : `${x.toFixed(0)} ms`);

function report(n: number, results: readonly ModeResult[]): number {
  for (const r of results) {
    const t = r.typing;
    console.log(
      `${r.mode.padEnd(6)} N=${n}: ${r.connectedPeers ?? 'n/a'} connected; keystrokes p50 ${ms(t?.p50Ms)}, p95 ${ms(t?.p95Ms)}, max ${ms(t?.maxMs)}; ` +
        `${t?.deliveriesReceived ?? 0}/${t?.deliveriesExpected ?? 0} delivered; load ${r.loadAtStart.toFixed(1)} at start${r.errors.length > 0 ? `; errors: ${r.errors.join('; ')}` : ''}`,
    );
  }
  const [open, proven] = results;
  const ratio = open?.typing?.p95Ms && proven?.typing?.p95Ms ? proven.typing.p95Ms / open.typing.p95Ms : null;
  console.log(ratio === null ? 'keystroke p95, proven ÷ open: n/a' : `keystroke p95, proven ÷ open: ${ratio.toFixed(2)} (bar: ${MAX_P95_RATIO})`);
  return ratio !== null && results.every((r) => r.errors.length === 0) ? 0 : 1;
}

async function main(): Promise<number> {
  const n = peers();
  const cleanup = new Cleanup();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`run deadline of ${RUN_DEADLINE_MS / 1000} s passed`)), RUN_DEADLINE_MS);
    });
    const run = async (): Promise<number> => {
      const server = await servePage(await bundlePage(SESSION_PAGE_ENTRY));
      cleanup.add('session page server', server.close);
      const hub = await startLocalHub({ host: '127.0.0.1', port: 0, discovery: false, log: () => {} });
      cleanup.add('signaling hub', () => hub.close());
      const browsers = await launchBrowsers(CHROMIUM_PROCESSES, cleanup);
      const results = [await runMode('open', n, server.url, hub.url, browsers), await runMode('proven', n, server.url, hub.url, browsers)];
      return report(n, results);
    };
    return await Promise.race([run(), deadline]);
  } finally {
    clearTimeout(timer);
    for (const failure of await cleanup.runAll()) console.error(`cleanup: ${failure}`);
  }
}

main().then(
  (code) => process.exit(code),
  (cause: unknown) => {
    console.error('bench:signing crashed:', cause);
    process.exit(2);
  },
);
