/**
 * Turns the session benchmark's figures into the printed report and the JSON
 * file. The report ends with one line per figure, and the very last line is
 * the session ratio (the worst edit ratio over all session sizes). A figure
 * that could not be measured says so on its line instead of being left out.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { HubLogEvent } from '../electron/signaling/hub-log';
import type { BaselineResult } from './raw-baseline';
import { EDIT_BYTES, type ConvergeFigures, type MeshResult, type RatioFigures, type TypingFigures } from './session-mesh';
import type { StateResult } from './session-state';

/** Beside bench:sync's sync-latest.json, under the git-ignored bench/results/. */
export const SESSION_RESULTS_PATH = 'bench/results/session-latest.json';

/** The issue's targets; reported against, never asserted. */
export const TARGETS = {
  editRatio: 1.5,
  joinRatio: 1.5,
  convergedSecondsAt30: 10,
  keystrokeP95MsAt30: 250,
  stateRatio1MB: 0.5,
} as const;

const MB = 1_000_000;

export interface SessionResults {
  readonly startedAt: string;
  finishedAt?: string;
  readonly machine: { readonly cpus: number; readonly node: string; chromium: string | null; readonly chromiumProcesses: number };
  readonly peerCounts: readonly number[];
  /** 1-minute load average when each phase started: the machine is shared, and the benchmark's own browsers count too. */
  readonly loadAtPhaseStart: Record<string, number>;
  readonly baselines: Array<BaselineResult & { readonly when: 'before' | 'after' }>;
  rawBytesPerSecond: number | null;
  /** The median of each size's repeats; `samplesSeconds` has every repeat's time. */
  readonly state: Array<StateResult & { ratio: number | null; readonly samplesSeconds: readonly number[] }>;
  readonly sessions: MeshResult[];
  /** The worst edit ratio over all session sizes that measured one. */
  sessionRatio: number | null;
  hubEvents: HubLogEvent[];
  /** Phases that failed as a whole, with why; failed steps within a session are in its own errors. */
  readonly errors: string[];
}

/** Fills in the raw mean, the state ratios and the session ratio. */
export function applyRatios(results: SessionResults): void {
  const { baselines } = results;
  results.rawBytesPerSecond = baselines.length === 0 ? null : baselines.reduce((sum, b) => sum + b.bytesPerSecond, 0) / baselines.length;
  for (const s of results.state) s.ratio = results.rawBytesPerSecond === null ? null : s.bytesPerSecond / results.rawBytesPerSecond;
  const edits = results.sessions.flatMap((s) => (s.edit ? [s.edit.ratio] : []));
  results.sessionRatio = edits.length === 0 ? null : Math.max(...edits);
}

const f = (value: number, digits: number): string => value.toFixed(digits);
const kb = (bytes: number): string => `${f(bytes / 1000, 1)} kB`;
const mb = (bytes: number): string => `${f(bytes / MB, 2)} MB`;

function convergeText(c: ConvergeFigures): string {
  if (c.seconds !== null) return `${f(c.seconds, 2)} s`;
  return `not within ${c.timeoutSeconds} s (${c.reached} of ${c.of} peers got there)`;
}

function ratioNote(r: RatioFigures): string {
  const notes: string[] = [];
  if (r.received < r.of) notes.push(`only ${r.received} of ${r.of} receivers got it`);
  if (!r.window.quiet) notes.push('traffic never went back to background');
  return notes.length === 0 ? '' : ` (${notes.join('; ')})`;
}

function details(s: MeshResult): string[] {
  const lines = [`N=${s.peers}:`];
  const peerCounts = (c: ConvergeFigures): string =>
    `direct connections min/median/max ${c.directPeers.min}/${c.directPeers.median}/${c.directPeers.max}, known peers (awareness) ${c.awareness.min}/${c.awareness.median}/${c.awareness.max}, ${c.distinctChecksums} distinct checksum(s)`;
  if (s.incumbents) lines.push(`  ${s.peers - 1} incumbents started at once: ${convergeText(s.incumbents)}; ${peerCounts(s.incumbents)}`);
  if (s.join) {
    const j = s.join;
    lines.push(
      `  join: newcomer held 1 MB after ${j.seconds === null ? 'never' : `${f(j.seconds, 2)} s`}; all ${s.peers} converged: ${convergeText(j.converged)}; ${peerCounts(j.converged)}`,
      `        ${mb(j.window.bytes)} on data channels in ${f(j.window.seconds, 1)} s (background ${kb(j.window.backgroundBytesPerSecond)}/s; net ratio ${f(j.netRatio, 2)})`,
    );
  }
  if (s.typing) {
    const t = s.typing;
    lines.push(
      `  typing: ${t.typists} typists, ${t.keystrokes} keystrokes in ${f(t.seconds, 1)} s; ${t.deliveriesReceived} of ${t.deliveriesExpected} deliveries arrived${t.receiversUnread > 0 ? ` (${t.receiversUnread} receivers did not answer)` : ''}; max ${t.maxMs === null ? 'not reached' : `${f(t.maxMs, 0)} ms`}`,
      `          bytes/s per peer: mean ${f(t.bytesPerSecondPerPeer.mean, 0)}, max ${f(t.bytesPerSecondPerPeer.max, 0)}, typists' mean ${f(t.bytesPerSecondPerPeer.typistsMean, 0)} (${t.bytesPerSecondPerPeer.pagesCounted} of ${s.peers} pages counted)`,
    );
  }
  if (s.edit) {
    const e = s.edit;
    lines.push(
      `  edit: Yjs update ${kb(e.updateBytes)}; ${mb(e.window.bytes)} on data channels in ${f(e.window.seconds, 1)} s for ideal ${mb(e.idealBytes)}; reached all in ${e.seconds === null ? 'never' : `${f(e.seconds, 2)} s`} (background ${kb(e.window.backgroundBytesPerSecond)}/s; net ratio ${f(e.netRatio, 2)})`,
    );
  }
  for (const e of s.errors) lines.push(`  failed: ${e}`);
  return lines;
}

function figureLines(results: SessionResults): string[] {
  const lines: string[] = [];
  const failed = (s: MeshResult, step: string): string => {
    const why = s.errors.find((e) => e.startsWith(step)) ?? s.errors[0];
    return why ? `failed (${why})` : 'failed';
  };
  for (const s of results.sessions) {
    const n = s.peers;
    lines.push(`incumbents converged N=${n}: ${s.incumbents ? `${convergeText(s.incumbents)} (${n - 1} started at once)` : failed(s, 'incumbents')}`);
    lines.push(`converged N=${n}: ${s.join ? `${convergeText(s.join.converged)} after the last join` : failed(s, 'join')}`);
    lines.push(`join ratio N=${n}: ${s.join ? `${f(s.join.ratio, 2)}${ratioNote(s.join)}` : failed(s, 'join')}`);
    const t = s.typing;
    const ms = (x: number | null): string => (x === null ? `not reached (${t ? t.deliveriesExpected - t.deliveriesReceived : 0} deliveries missing)` : `${f(x, 0)} ms`);
    const perPeer = (x: TypingFigures): string => (x.bytesPerSecondPerPeer.pagesCounted === 0 ? 'n/a (no page answered)' : f(x.bytesPerSecondPerPeer.mean, 0));
    lines.push(`typing bytes/s per peer N=${n}: ${t ? perPeer(t) : failed(s, 'typing')}`);
    lines.push(`keystroke p50 N=${n}: ${t ? ms(t.p50Ms) : failed(s, 'typing')}`);
    lines.push(`keystroke p95 N=${n}: ${t ? ms(t.p95Ms) : failed(s, 'typing')}`);
    lines.push(`edit ratio N=${n}: ${s.edit ? `${f(s.edit.ratio, 2)}${ratioNote(s.edit)}` : failed(s, 'edit')}`);
  }
  const raw = results.rawBytesPerSecond;
  lines.push(`raw RTCDataChannel: ${raw === null ? 'failed' : `${f(raw / MB, 1)} MB/s`}`);
  for (const s of results.state) {
    lines.push(`state ratio ${s.megabytes} MB: ${s.ratio === null ? 'n/a (no raw baseline)' : f(s.ratio, 2)}`);
    // The same transfer timed from the joiner's first data-channel send, as raw RTCDataChannel speed is (no signaling, ICE or DTLS in it).
    const transfer = s.connectSeconds === null ? null : s.seconds - s.connectSeconds;
    if (raw !== null && transfer !== null && transfer > 0) lines.push(`state ratio ${s.megabytes} MB after connecting: ${f(s.stateBytes / transfer / raw, 2)} (connecting took ${f(s.connectSeconds ?? 0, 2)} s)`);
  }
  const missingEdits = results.sessions.filter((s) => !s.edit || s.edit.received < s.edit.of).map((s) => `N=${s.peers}`);
  const caveat = missingEdits.length === 0 ? '' : ` (edit incomplete or failed at ${missingEdits.join(', ')})`;
  lines.push(`session ratio: ${results.sessionRatio === null ? 'n/a' : f(results.sessionRatio, 2)}${caveat}`);
  return lines;
}

export function formatReport(results: SessionResults): string {
  const m = results.machine;
  const lines: string[] = [
    '',
    `bench:session  ${results.startedAt}  (${m.cpus} cores, node ${m.node}, chromium ${m.chromium ?? '?'}, ${m.chromiumProcesses} Chromium processes, one browser context per peer)`,
    '',
  ];
  for (const b of results.baselines) lines.push(`raw RTCDataChannel, ${b.when}: ${f(b.bytesPerSecond / MB, 1)} MB/s (${b.bytes / 2 ** 20} MiB in ${f(b.seconds, 2)} s)`);
  for (const s of results.state) {
    lines.push(
      `new peer gets ${s.megabytes} MB from one peer: ${f(s.seconds, 2)} s, ${f(s.bytesPerSecond / MB, 2)} MB/s (median of ${s.samplesSeconds.map((x) => f(x, 2)).join(', ')} s; first send after ${s.connectSeconds === null ? '?' : f(s.connectSeconds, 2)} s)`,
    );
  }
  lines.push('');
  for (const s of results.sessions) lines.push(...details(s));
  const loads = Object.entries(results.loadAtPhaseStart);
  if (loads.length > 0) lines.push('', `load average at phase starts: ${loads.map(([k, v]) => `${k} ${f(v, 1)}`).join(', ')} (${m.cpus} cores, shared)`);
  if (results.hubEvents.length > 0) {
    const kinds = new Map<string, number>();
    for (const e of results.hubEvents) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    lines.push(`signaling hub reported: ${[...kinds].map(([k, c]) => `${k} ×${c}`).join(', ')}`);
  }
  if (results.errors.length > 0) lines.push('', 'errors:', ...results.errors.map((e) => `  - ${e}`));
  lines.push(
    '',
    `targets: edit ratio ≤ ${TARGETS.editRatio}, join ratio ≤ ${TARGETS.joinRatio}, 30 peers converged ≤ ${TARGETS.convergedSecondsAt30} s after the last join,`,
    `         keystroke p95 ≤ ${TARGETS.keystrokeP95MsAt30} ms at 30 peers, state ratio 1 MB ≥ ${TARGETS.stateRatio1MB}; edit = ${EDIT_BYTES / 1000} KB, join state = 1 MB`,
    '',
    ...figureLines(results),
  );
  return lines.join('\n');
}

export async function writeResults(results: SessionResults): Promise<void> {
  await mkdir(dirname(SESSION_RESULTS_PATH), { recursive: true });
  await writeFile(SESSION_RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
}
