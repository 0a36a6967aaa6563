/**
 * `npm run bench:sync`: how fast y-webrtc with the app's framing layer moves
 * workspace state between separate Chromium processes, against raw
 * RTCDataChannel throughput measured in the same run, and how much traffic
 * one edit causes among four peers. All traffic is on loopback: the page is
 * served on 127.0.0.1, signaling is the app's own hub bound to 127.0.0.1
 * without mDNS, and peers use host ICE candidates only (`iceServers: []`).
 *
 * Every wait is bounded, a failed phase is reported and the next one still
 * runs, and a run-wide deadline closes everything if a phase hangs anyway.
 */
import { cpus, loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import { startLocalHub } from '../electron/signaling/start-local-hub';
import type { HubLogEvent } from '../electron/signaling/hub-log';
import { measureAmplification } from './amplification';
import { Cleanup, bundlePage, launchBrowsers, servePage } from './harness';
import { measureRawBaseline } from './raw-baseline';
import { type BenchResults, RESULTS_PATH, applyRatios, formatReport, writeResults } from './report';
import { measureStateSync } from './state-sync';

/** State sizes from the issue: a small, a typical and a large workspace. */
const STATE_MEGABYTES = [1, 10, 50] as const;

/** Phases a and b compare two peers; only then are more started, so idle browsers do not share the two cores with them. */
const PAIR_BROWSERS = 2;

/** The amplification phase: four peers, as the issue specifies. */
const MESH_BROWSERS = 4;

/** A run takes 1.5–3 minutes here (more when the machine is busy); past this something hangs, and the run ends itself. */
const RUN_DEADLINE_MS = 5 * 60_000;

async function run(results: BenchResults, cleanup: Cleanup, hubEvents: HubLogEvent[]): Promise<void> {
  const code = await bundlePage();
  const server = await servePage(code);
  cleanup.add('page server', server.close);
  const hub = await startLocalHub({ host: '127.0.0.1', port: 0, discovery: false, log: (event) => void hubEvents.push(event) });
  cleanup.add('signaling hub', () => hub.close());

  const pair = (await launchBrowsers(PAIR_BROWSERS, cleanup)) as [Browser, Browser];
  results.machine.chromium = pair[0].version();

  const phase = async (name: string, work: () => Promise<void>): Promise<void> => {
    if (cleanup.finished) return; // the deadline passed and everything is being closed
    console.log(`bench:sync: ${name} …`);
    results.loadAtPhaseStart[name] = loadavg()[0] ?? 0;
    try {
      await work();
    } catch (cause) {
      results.errors.push(`${name}: ${cause instanceof Error ? cause.message : String(cause)}`);
      console.log(`bench:sync: ${name} failed`);
    }
  };

  // Raw throughput brackets the sync phases: other work on this shared machine comes and goes.
  const baseline = (when: 'before' | 'after') =>
    phase(`raw baseline (${when})`, async () => {
      results.baselines.push({ ...(await measureRawBaseline(server.url, pair)), when });
    });
  await baseline('before');
  for (const megabytes of STATE_MEGABYTES) {
    await phase(`${megabytes} MB state to a new peer`, async () => {
      results.sync.push({ ...(await measureStateSync(server.url, hub.url, pair, megabytes)), ratio: null, ratioAfterConnect: null });
    });
  }
  await baseline('after');
  await phase(`amplification among ${MESH_BROWSERS} peers`, async () => {
    const more = await launchBrowsers(MESH_BROWSERS - PAIR_BROWSERS, cleanup, PAIR_BROWSERS);
    results.amplification = await measureAmplification(server.url, hub.url, [...pair, ...more]);
  });
}

async function main(): Promise<number> {
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, chromium: null },
    loadAtPhaseStart: {},
    baselines: [],
    rawBytesPerSecond: null,
    sync: [],
    amplification: null,
    errors: [],
  };
  const cleanup = new Cleanup();
  const hubEvents: HubLogEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`run deadline of ${RUN_DEADLINE_MS / 1000} s passed; closing everything`)), RUN_DEADLINE_MS);
  });
  try {
    await Promise.race([run(results, cleanup, hubEvents), deadline]);
  } catch (cause) {
    results.errors.push(cause instanceof Error ? cause.message : String(cause));
  } finally {
    clearTimeout(timer);
    // Closing the browsers also rejects whatever a timed-out phase was still awaiting.
    results.errors.push(...(await cleanup.runAll()).map((failure) => `cleanup: ${failure}`));
  }
  if (hubEvents.length > 0) results.errors.push(`signaling hub reported: ${hubEvents.map((e) => `${e.kind}${e.detail ? ` (${e.detail})` : ''}`).join('; ')}`);
  applyRatios(results);
  results.finishedAt = new Date().toISOString();
  console.log(formatReport(results));
  await writeResults(results);
  console.log(`bench:sync: figures written to ${RESULTS_PATH}`);
  return results.errors.length === 0 ? 0 : 1;
}

// Exit explicitly: a phase abandoned at the deadline may still hold timers or sockets open.
main().then(
  (code) => process.exit(code),
  (cause: unknown) => {
    console.error('bench:sync crashed:', cause);
    process.exit(2);
  },
);
