/**
 * `npm run bench:session [-- --peers 10,20,30]`: what a regional session
 * costs when every partner's app syncs one workspace peer to peer. Each peer
 * is a page in its own browser context (own storage, no shared
 * BroadcastChannel; y-webrtc allows one room per name per JS realm, so never
 * two peers in one page), spread over three Chromium processes, and each
 * syncs through the app's own WorkspaceSync (renderer/src/sync/
 * workspace-sync.ts), so the figures follow whatever the app does. All
 * traffic is on loopback: pages are served on 127.0.0.1, signaling is the
 * app's own hub bound to 127.0.0.1 without mDNS, peers use host ICE
 * candidates only (`iceServers: []`).
 *
 * Bytes are what each page hands to real RTCDataChannels
 * (bench/page/send-counter.ts patches RTCDataChannel.prototype.send before
 * the app's sync code loads), summed over all pages. Measured, in one run:
 *
 *   - raw RTCDataChannel throughput between two Chromium processes
 *     (bench/raw-baseline.ts), before and after the two-peer phases;
 *   - state ratio: a new peer receiving 1 MB and 10 MB from one peer, as a
 *     ratio of the raw throughput (bench/session-state.ts; median of three);
 *   - per session size N (bench/session-mesh.ts): N − 1 peers holding the
 *     same 1 MB start at once, then one empty peer joins. "converged" is the
 *     time from that last join until every peer knows all N (awareness) and
 *     holds the same state (a SHA-256 over the document's content, compared
 *     across all peers); the join ratio is the bytes for the join ÷ 1 MB.
 *     Then one 100 KB edit: its bytes ÷ ((N − 1) × 100 KB) is the edit ratio.
 *     Last, three peers type 5 characters a second for 20 s with their carets
 *     in awareness: bytes per second per peer, and the latency from each
 *     keystroke (typist's wall clock) to every other peer (receiver's wall
 *     clock when the character's Yjs clock arrives; one machine, one clock);
 *   - the session ratio: the worst edit ratio over all N, the last line.
 *
 * A window of bytes runs from just before the action until every peer has it
 * and the traffic of all pages is back at the background level measured just
 * before (presence renewals never stop); the background is shown, and taken
 * out in the "net" figures, in the details. Every wait is bounded, a step
 * that fails is reported and the next still runs, each session size has its
 * own budget, and a run-wide deadline closes everything if anything hangs.
 * Figures go to bench/results/session-latest.json as well.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import type { HubLogEvent } from '../electron/signaling/hub-log';
import { startLocalHub } from '../electron/signaling/start-local-hub';
import { Cleanup, bundlePage, closePages, launchBrowsers, servePage, withTimeout } from './harness';
import { measureRawBaseline } from './raw-baseline';
import { emptyMeshResult, measureMesh, type MeshResult } from './session-mesh';
import { SESSION_RESULTS_PATH, type SessionResults, applyRatios, formatReport, writeResults } from './session-report';
import { type StateResult, measureStateTransfer } from './session-state';

const SESSION_PAGE_ENTRY = 'bench/page/session-page.ts';

/** Session sizes from the issue; `--peers` picks some of them (or others). */
const DEFAULT_PEER_COUNTS = [10, 20, 30] as const;

/** State sizes a new peer receives from one peer, as the issue specifies. */
const STATE_MEGABYTES = [1, 10] as const;

/** Each state transfer is short (1 MB is mostly connecting) and the machine is shared: the median of three is reported, all three kept. */
const STATE_REPEATS = 3;

/** Three processes: contexts in one process share its network service and IO threads, as no real partners would; more processes only cost memory on two cores. */
const CHROMIUM_PROCESSES = 3;

/** The cap on a full run is about 12 minutes; this leaves room for closing everything and the report. */
const RUN_DEADLINE_MS = 11 * 60_000 + 30_000;

/** Closing up to 30 pages and three browsers and writing the report, kept free at the end of the run. */
const REPORT_RESERVE_MS = 30_000;

/** A session of N peers may take at most this long: opening pages, forming the mesh and four steps, each scaled by N; 270 s at 30 peers. */
const sessionBudgetMs = (n: number): number => 30_000 + 8_000 * n;

/** A session that would get less time than this is skipped rather than started to be cut off. */
const MIN_SESSION_BUDGET_MS = 45_000;

function peerCounts(): number[] {
  const { values } = parseArgs({ options: { peers: { type: 'string' } }, allowPositionals: false });
  if (values.peers === undefined) return [...DEFAULT_PEER_COUNTS];
  const counts = values.peers.split(',').map((s) => Number.parseInt(s.trim(), 10));
  if (counts.some((n) => !Number.isInteger(n) || n < 4)) throw new Error(`--peers wants sizes of at least 4, comma separated: got "${values.peers}"`);
  return counts;
}

const startedAtMs = Date.now();
const log = (line: string): void => console.log(`bench:session [${((Date.now() - startedAtMs) / 1000).toFixed(0).padStart(3)} s] ${line}`);

async function runSession(results: SessionResults, url: string, hubUrl: string, browsers: readonly Browser[], n: number, budgetMs: number): Promise<void> {
  const result: MeshResult = emptyMeshResult(n);
  results.sessions.push(result);
  const pages: Page[] = [];
  try {
    await withTimeout(`session of ${n} peers (budget ${budgetMs / 1000} s)`, budgetMs, measureMesh(url, hubUrl, browsers, n, pages, result, (line) => log(`N=${n}: ${line}`)));
  } catch (cause) {
    result.errors.push(cause instanceof Error ? cause.message : String(cause));
  } finally {
    // Steps still running after a timeout fail against the closed pages; what they report then is noise.
    result.ended = true;
    await closePages(pages.filter((p) => p !== undefined));
  }
}

async function run(results: SessionResults, cleanup: Cleanup, hubEvents: HubLogEvent[], deadlineAt: number): Promise<void> {
  const [rawCode, sessionCode] = await Promise.all([bundlePage(), bundlePage(SESSION_PAGE_ENTRY)]);
  const rawServer = await servePage(rawCode);
  cleanup.add('raw page server', rawServer.close);
  const sessionServer = await servePage(sessionCode);
  cleanup.add('session page server', sessionServer.close);
  const hub = await startLocalHub({ host: '127.0.0.1', port: 0, discovery: false, log: (event) => void hubEvents.push(event) });
  cleanup.add('signaling hub', () => hub.close());
  const browsers = await launchBrowsers(CHROMIUM_PROCESSES, cleanup);
  results.machine.chromium = browsers[0]?.version() ?? null;
  const pair = [browsers[0], browsers[1]] as [Browser, Browser];

  const phase = async (name: string, work: () => Promise<void>): Promise<void> => {
    if (cleanup.finished) return; // the deadline passed and everything is being closed
    log(`${name} …`);
    results.loadAtPhaseStart[name] = loadavg()[0] ?? 0;
    try {
      await work();
    } catch (cause) {
      results.errors.push(`${name}: ${cause instanceof Error ? cause.message : String(cause)}`);
      log(`${name} failed`);
    }
  };

  const baseline = (when: 'before' | 'after') =>
    phase(`raw baseline (${when})`, async () => {
      results.baselines.push({ ...(await measureRawBaseline(rawServer.url, pair)), when });
    });
  await baseline('before');
  for (const megabytes of STATE_MEGABYTES) {
    await phase(`${megabytes} MB state to a new peer`, async () => {
      const samples: StateResult[] = [];
      for (let i = 0; i < STATE_REPEATS; i++) samples.push(await measureStateTransfer(sessionServer.url, hub.url, pair, megabytes));
      const median = [...samples].sort((a, b) => a.seconds - b.seconds)[Math.floor(samples.length / 2)] as StateResult;
      results.state.push({ ...median, ratio: null, samplesSeconds: samples.map((x) => x.seconds) });
    });
  }
  await baseline('after');

  for (const n of results.peerCounts) {
    await phase(`session of ${n} peers`, async () => {
      const budgetMs = Math.min(sessionBudgetMs(n), deadlineAt - REPORT_RESERVE_MS - Date.now());
      if (budgetMs < MIN_SESSION_BUDGET_MS) throw new Error(`skipped: only ${Math.max(0, Math.round(budgetMs / 1000))} s of the run deadline left`);
      await runSession(results, sessionServer.url, hub.url, browsers, n, budgetMs);
    });
  }
}

async function main(): Promise<number> {
  const results: SessionResults = {
    startedAt: new Date(startedAtMs).toISOString(),
    machine: { cpus: cpus().length, node: process.version, chromium: null, chromiumProcesses: CHROMIUM_PROCESSES },
    peerCounts: peerCounts(),
    loadAtPhaseStart: {},
    baselines: [],
    rawBytesPerSecond: null,
    state: [],
    sessions: [],
    sessionRatio: null,
    hubEvents: [],
    errors: [],
  };
  const cleanup = new Cleanup();
  const hubEvents: HubLogEvent[] = [];
  const deadlineAt = startedAtMs + RUN_DEADLINE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`run deadline of ${RUN_DEADLINE_MS / 1000} s passed; closing everything`)), RUN_DEADLINE_MS);
  });
  try {
    await Promise.race([run(results, cleanup, hubEvents, deadlineAt), deadline]);
  } catch (cause) {
    results.errors.push(cause instanceof Error ? cause.message : String(cause));
  } finally {
    clearTimeout(timer);
    // Closing the browsers also rejects whatever a timed-out phase was still awaiting.
    results.errors.push(...(await cleanup.runAll()).map((failure) => `cleanup: ${failure}`));
  }
  results.hubEvents = hubEvents;
  applyRatios(results);
  results.finishedAt = new Date().toISOString();
  await writeResults(results);
  console.log(`bench:session: figures written to ${SESSION_RESULTS_PATH}`);
  console.log(formatReport(results));
  const failedSteps = results.sessions.some((s) => s.errors.length > 0);
  return results.errors.length === 0 && !failedSteps ? 0 : 1;
}

// Exit explicitly: a session abandoned at its budget may still hold timers or sockets open.
main().then(
  (code) => process.exit(code),
  (cause: unknown) => {
    console.error('bench:session crashed:', cause);
    process.exit(2);
  },
);
