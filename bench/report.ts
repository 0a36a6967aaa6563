/**
 * Turns the benchmark's figures into the printed table and the JSON file.
 * Throughputs are reported in MB/s (10^6 bytes) and, for the baseline, also
 * MiB/s (the unit the brief quotes); ratios are computed from bytes per
 * second, so they do not depend on the unit.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AmplificationResult } from './amplification';
import { STOCK_Y_WEBRTC_AMPLIFICATION } from './amplification';
import type { BaselineResult } from './raw-baseline';
import type { SyncResult } from './state-sync';

/** The acceptance target for state sync against raw throughput. */
export const TARGET_RATIO = 0.5;

export const RESULTS_PATH = 'bench/results/sync-latest.json';

const MB = 1_000_000;
const MiB = 2 ** 20;

export interface BenchResults {
  readonly startedAt: string;
  finishedAt?: string;
  readonly machine: { readonly cpus: number; readonly node: string; chromium: string | null };
  /** 1-minute load average when each phase started: the machine is shared, and other work on it skews every figure. */
  readonly loadAtPhaseStart: Record<string, number>;
  /** Raw throughput measured before and after the sync phases; the machine is shared, so their spread shows drift. */
  readonly baselines: Array<BaselineResult & { readonly when: 'before' | 'after' }>;
  /** Mean of the baselines: what the sync ratios divide by. */
  rawBytesPerSecond: number | null;
  sync: Array<SyncResult & SyncRatios>;
  amplification: AmplificationResult | null;
  /** Phases that failed, with why; a failed phase leaves its figures out rather than guessing. */
  readonly errors: string[];
}

const fixed = (value: number, digits: number): string => value.toFixed(digits);

export interface SyncRatios {
  /** Sync throughput over raw throughput: the figure. */
  readonly ratio: number | null;
  /** The same with connection setup left out, to show how much of a small sync is setup. */
  readonly ratioAfterConnect: number | null;
}

function syncRatios(sync: SyncResult, rawBytesPerSecond: number | null): SyncRatios {
  if (rawBytesPerSecond === null) return { ratio: null, ratioAfterConnect: null };
  const transferSeconds = sync.connectSeconds === null ? null : sync.seconds - sync.connectSeconds;
  return {
    ratio: sync.bytesPerSecond / rawBytesPerSecond,
    ratioAfterConnect: transferSeconds === null || transferSeconds <= 0 ? null : sync.stateBytes / transferSeconds / rawBytesPerSecond,
  };
}

/** Fills in the raw mean and every sync ratio once all baselines that could be measured are in. */
export function applyRatios(results: BenchResults): void {
  const { baselines } = results;
  results.rawBytesPerSecond = baselines.length === 0 ? null : baselines.reduce((sum, b) => sum + b.bytesPerSecond, 0) / baselines.length;
  results.sync = results.sync.map((sync) => ({ ...sync, ...syncRatios(sync, results.rawBytesPerSecond) }));
}

export function formatReport(results: BenchResults): string {
  const lines: string[] = [];
  const row = (cells: string[]): void => void lines.push(cells.map((c, i) => (i === 0 ? c.padEnd(30) : c.padStart(10))).join(' '));
  const maybe = (value: number | null, digits: number): string => (value === null ? 'n/a' : fixed(value, digits));
  lines.push('', `bench:sync  ${results.startedAt}  (${results.machine.cpus} cores, node ${results.machine.node}, chromium ${results.machine.chromium ?? '?'})`, '');
  row(['measurement', 'seconds', 'MB/s', 'ratio', 'connect s', 'ratio excl.']);
  for (const b of results.baselines) {
    row([`raw RTCDataChannel, ${b.when}`, fixed(b.seconds, 2), fixed(b.bytesPerSecond / MB, 1), '', '-', '-']);
  }
  const raw = results.rawBytesPerSecond;
  if (raw === null) row(['raw RTCDataChannel', 'failed', '', '', '', '']);
  else row(['raw mean (ratios divide by it)', '', fixed(raw / MB, 1), '1.00', '-', '-']);
  const sample = results.baselines[0];
  if (sample) lines.push(`${''.padEnd(30)} (${sample.bytes / MiB} MiB in ${sample.messageBytes / 1024} KiB messages each; mean ${fixed((raw ?? 0) / MiB, 1)} MiB/s)`);
  for (const s of results.sync) {
    row([`new peer gets ${s.megabytes} MB state`, fixed(s.seconds, 2), fixed(s.bytesPerSecond / MB, 1), maybe(s.ratio, 2), maybe(s.connectSeconds, 2), maybe(s.ratioAfterConnect, 2)]);
  }
  const loads = Object.values(results.loadAtPhaseStart);
  if (loads.length > 0) lines.push('', `load average at phase starts: ${loads.map((l) => fixed(l, 1)).join(', ')} (${results.machine.cpus} cores; the benchmark's own browsers count too, so compare runs rather than read it absolutely)`);
  lines.push(
    '',
    `target: sync ratio ≥ ${TARGET_RATIO}, timed from the new peer's provider creation (key derivation, signaling and ICE included);`,
    `"connect s" is until its first data-channel send, "ratio excl." the ratio without that setup`,
  );
  const a = results.amplification;
  if (a) {
    lines.push(
      '',
      `amplification, ${a.peers} peers, one ${a.editChars / MB} MB edit: ${fixed(a.amplification, 2)}  (stock y-webrtc measured ${fixed(STOCK_Y_WEBRTC_AMPLIFICATION, 1)})`,
      `  ${fixed(a.sentBytes / MB, 2)} MB sent on data channels / ideal ${fixed(a.idealBytes / MB, 2)} MB; per peer (editor first): ${a.sentBytesPerPeer.map((x) => fixed(x / MB, 2)).join(', ')} MB; reached all in ${fixed(a.propagationSeconds, 2)} s`,
    );
  } else {
    lines.push('', 'amplification: failed');
  }
  if (results.errors.length > 0) lines.push('', 'errors:', ...results.errors.map((e) => `  - ${e}`));
  lines.push('');
  return lines.join('\n');
}

export async function writeResults(results: BenchResults): Promise<void> {
  await mkdir(dirname(RESULTS_PATH), { recursive: true });
  await writeFile(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
}
