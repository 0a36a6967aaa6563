/**
 * One session of N peers in one room, each a page in its own browser context,
 * spread over the benchmark's Chromium processes, each syncing through the
 * app's WorkspaceSync over the app's signaling hub. In order:
 *
 *   1. incumbents: N − 1 peers start at once, each already holding the same
 *      1 MB of seed state plus one small entry of its own; timed from the
 *      last start until every incumbent knows all N − 1 (awareness) and holds
 *      all N − 1 entries;
 *   2. join: one empty peer joins. Timed from its start until all N peers
 *      know all N and the newcomer holds everything (the "converged" figure);
 *      the bytes all pages put on data channels from just before the join
 *      until traffic is back at the background level, ÷ 1 MB, is the join
 *      ratio. Every peer's checksum must then agree;
 *   3. edit: one 100 KB edit on peer 0; bytes on all data channels from just
 *      before it until every peer has it and traffic is back at the
 *      background level, ÷ ((N − 1) × 100 KB), is the edit ratio. It runs
 *      right after the join's window went quiet, so nothing else is in flight;
 *   4. typing: three peers (in three different Chromium processes) type 5
 *      characters a second into one Y.Text for 20 s, each keystroke followed
 *      by its caret in awareness; bytes per second per peer over the typing,
 *      and the latency of every keystroke to every other peer.
 *
 * A step that fails is recorded and the next still runs where it can; the
 * caller bounds the whole session with its own deadline.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { generateWorkspaceKey } from '../shared/invite/workspace-key';
import { callSession, openSessionPages, openTrafficWindow, percentile, type TrafficWindow } from './session-harness';
import type { ConvergeResult } from './page/session-peer';

const MB = 1_000_000;

/** The state the incumbents hold when a peer joins, as the issue specifies. */
export const JOIN_STATE_BYTES = MB;

/** The edit whose cost is measured, as the issue specifies. */
export const EDIT_BYTES = 100_000;

/** Typists and their pace, as the issue specifies. */
export const TYPISTS = 3;
const CHARS_PER_SECOND = 5;
const TYPING_MS = 20_000;

/** A CPU-starved typist falls behind its schedule and catches up (30 s for 20 s of typing was seen at 30 peers); past this it is stuck. */
const TYPING_CALL_TIMEOUT_MS = 3 * TYPING_MS;

/** Starting only derives the room name and creates the provider; slow only on a machine that is already saturated. */
const START_TIMEOUT_MS = 20_000;

/** Incumbents: signaling, ICE and sync among N − 1; the brief saw 30 peers still forming a mesh after 120 s, so this gives up earlier and reports how far it got. */
const incumbentTimeoutMs = (n: number): number => 15_000 + 2_000 * n;

/** The newcomer's 1 MB reaches it in well under a second from one peer; the rest is connecting and everyone learning of it. */
const joinTimeoutMs = (n: number): number => 15_000 + 1_000 * n;

/** A 100 KB edit flooded N² times is ~90 MB at 30 peers: tens of seconds on two cores. */
const editTimeoutMs = (n: number): number => 10_000 + 1_000 * n;

/** Background traffic is sampled this long before a measured action. */
const BACKGROUND_MS = 3_000;

/** Traffic after an action must settle within this, or the window closes anyway (and says it was not quiet). */
const QUIET_TIMEOUT_MS = 20_000;

/** After the last keystroke, how long every peer may take to hold every keystroke; what is still missing then counts as never arrived. */
const TYPING_ARRIVAL_TIMEOUT_MS = 20_000;

/** Page calls that only read or write a little. */
const QUICK_CALL_MS = 15_000;

/** The same while pages may be working through a flood: with the stock relaying at 30 peers a counter read once took over 15 s. */
const STARVED_CALL_MS = 45_000;

/** Page-side waits return on their own at their timeout; the call gets this much more before it is abandoned. */
const CALL_MARGIN_MS = 10_000;

export interface PeerCounts {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export interface ConvergeFigures {
  /** Peers that got there within the timeout, of `of`. */
  readonly reached: number;
  readonly of: number;
  /** From the (last) start to the last peer getting there; null unless all did. */
  readonly seconds: number | null;
  readonly timeoutSeconds: number;
  /** Distinct checksums among the peers when the wait ended: 1 means every peer holds the same state. */
  readonly distinctChecksums: number;
  /** Direct connections per peer by the app's own status when the wait ended. */
  readonly directPeers: PeerCounts;
  /** Awareness states per peer (whom each knows to be here) when the wait ended. */
  readonly awareness: PeerCounts;
}

export interface RatioFigures {
  readonly window: TrafficWindow;
  /** `window.bytes` ÷ the ideal: the figure. */
  readonly ratio: number;
  /** `window.netBytes` ÷ the ideal: the same with the background rate taken out. */
  readonly netRatio: number;
  readonly idealBytes: number;
  /** Receivers that got it, of `of`. */
  readonly received: number;
  readonly of: number;
  /** From the action until the last receiver had it; null unless all did. */
  readonly seconds: number | null;
}

export interface TypingFigures {
  readonly typists: number;
  readonly seconds: number;
  readonly keystrokes: number;
  /** Keystrokes × receivers each. */
  readonly deliveriesExpected: number;
  readonly deliveriesReceived: number;
  /** Receivers whose arrivals could not be read (the page did not answer in time); their deliveries count as missing. */
  readonly receiversUnread: number;
  /** Percentiles over all expected deliveries; a missing one counts as infinitely late, so null means "not reached". */
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly maxMs: number | null;
  /** Over the pages whose counters could be read before and after (`pagesCounted`). */
  readonly bytesPerSecondPerPeer: { readonly mean: number; readonly max: number; readonly typistsMean: number; readonly pagesCounted: number };
}

export interface MeshResult {
  readonly peers: number;
  incumbents: ConvergeFigures | null;
  join: (RatioFigures & { readonly converged: ConvergeFigures }) | null;
  typing: TypingFigures | null;
  edit: (RatioFigures & { readonly updateBytes: number }) | null;
  readonly errors: string[];
  /** Set when the session's budget ran out or it ended: steps still running after that neither start nor report. */
  ended?: boolean;
}

function counts(values: readonly number[]): PeerCounts {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

function convergeFigures(results: readonly ConvergeResult[], since: number, timeoutMs: number): ConvergeFigures {
  const reached = results.filter((r) => r.reachedAt !== null);
  return {
    reached: reached.length,
    of: results.length,
    seconds: reached.length === results.length ? (Math.max(...reached.map((r) => r.reachedAt as number)) - since) / 1000 : null,
    timeoutSeconds: timeoutMs / 1000,
    distinctChecksums: new Set(results.map((r) => r.checksum)).size,
    directPeers: counts(results.map((r) => r.directPeers)),
    awareness: counts(results.map((r) => r.awareness)),
  };
}

function waitAll(pages: readonly Page[], target: { awareness: number; members: number; seedChars: number }, timeoutMs: number): Promise<ConvergeResult[]> {
  return Promise.all(pages.map((p) => callSession(p, timeoutMs + CALL_MARGIN_MS, 'waitConverged', { ...target, timeoutMs })));
}

/** A step's failure is recorded and the session goes on; a closed page fails the later steps quickly. */
async function step(result: MeshResult, name: string, work: () => Promise<void>): Promise<void> {
  if (result.ended) return;
  try {
    await work();
  } catch (cause) {
    if (!result.ended) result.errors.push(`${name}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Pages are pushed to `pages` as they open, so the caller closes them whatever happens here. */
export async function measureMesh(url: string, hubUrl: string, browsers: readonly Browser[], n: number, pages: Page[], result: MeshResult, log: (line: string) => void): Promise<void> {
  log(`opening ${n} pages over ${browsers.length} Chromium processes`);
  await openSessionPages(browsers, url, n, `s${n}`, pages);
  const key = generateWorkspaceKey();
  const workspaceId = randomUUID();
  const incumbents = pages.slice(0, n - 1);
  const joiner = pages[n - 1] as Page;

  await step(result, 'incumbents', async () => {
    log(`${n - 1} incumbents start at once`);
    const starts = await Promise.all(
      incumbents.map((p, index) => callSession(p, START_TIMEOUT_MS, 'start', { hubUrl, workspaceId, key, index, seedChars: JOIN_STATE_BYTES, memberEntry: true })),
    );
    const lastStart = Math.max(...starts.map((s) => s.startedAt));
    const timeoutMs = incumbentTimeoutMs(n);
    const converged = await waitAll(incumbents, { awareness: n - 1, members: n - 1, seedChars: JOIN_STATE_BYTES }, timeoutMs);
    result.incumbents = convergeFigures(converged, lastStart, timeoutMs);
  });

  await step(result, 'join', async () => {
    log('one empty peer joins');
    const window = await openTrafficWindow(pages, BACKGROUND_MS);
    const { startedAt } = await callSession(joiner, START_TIMEOUT_MS, 'start', { hubUrl, workspaceId, key, index: n - 1, seedChars: 0, memberEntry: false });
    const timeoutMs = joinTimeoutMs(n);
    const converged = await waitAll(pages, { awareness: n, members: n - 1, seedChars: JOIN_STATE_BYTES }, timeoutMs);
    const figures = convergeFigures(converged, startedAt, timeoutMs);
    const joinerAt = (converged[n - 1] as ConvergeResult).reachedAt;
    const traffic = await window.close(QUIET_TIMEOUT_MS);
    result.join = {
      converged: figures,
      window: traffic,
      ratio: traffic.bytes / JOIN_STATE_BYTES,
      netRatio: traffic.netBytes / JOIN_STATE_BYTES,
      idealBytes: JOIN_STATE_BYTES,
      received: joinerAt === null ? 0 : 1,
      of: 1,
      seconds: joinerAt === null ? null : (joinerAt - startedAt) / 1000,
    };
  });

  await step(result, 'edit', async () => {
    log(`one ${EDIT_BYTES / 1000} KB edit on peer 0`);
    const window = await openTrafficWindow(pages, BACKGROUND_MS);
    const editor = pages[0] as Page;
    const { editedAt, updateBytes } = await callSession(editor, QUICK_CALL_MS, 'edit', 'edit-100k', EDIT_BYTES);
    const timeoutMs = editTimeoutMs(n);
    const arrivals = await Promise.all(pages.slice(1).map((p) => callSession(p, timeoutMs + CALL_MARGIN_MS, 'waitEntry', 'edit-100k', EDIT_BYTES, timeoutMs)));
    const traffic = await window.close(QUIET_TIMEOUT_MS);
    const received = arrivals.filter((a) => a !== null);
    const idealBytes = (n - 1) * EDIT_BYTES;
    result.edit = {
      updateBytes,
      window: traffic,
      ratio: traffic.bytes / idealBytes,
      netRatio: traffic.netBytes / idealBytes,
      idealBytes,
      received: received.length,
      of: n - 1,
      seconds: received.length === n - 1 ? (Math.max(...(received as number[])) - editedAt) / 1000 : null,
    };
  });

  await step(result, 'typing', async () => {
    log(`${TYPISTS} peers type for ${TYPING_MS / 1000} s`);
    await typeAndMeasure(pages, pages.slice(0, TYPISTS), result);
  });
}

/** Settled values in page order, null where the page did not answer in time. */
async function fromEach<T>(pages: readonly Page[], call: (page: Page) => Promise<T>): Promise<Array<T | null>> {
  const settled = await Promise.allSettled(pages.map(call));
  return settled.map((s) => (s.status === 'fulfilled' ? s.value : null));
}

/** Typists type into the shared notes, or (a proven workspace) each into its own organisation's interest. */
export async function typeAndMeasure(pages: readonly Page[], typists: readonly Page[], result: MeshResult, into: 'notes' | 'ownInterest' = 'notes'): Promise<void> {
  const typistIds = await Promise.all(typists.map((p) => callSession(p, QUICK_CALL_MS, 'clientId')));
  // A page too starved to answer is not a reason to lose the figures of the others: it counts as not receiving.
  const observing = await fromEach(pages, (p) => callSession(p, STARVED_CALL_MS, 'observeTyping', typistIds).then(() => true));
  const before = await fromEach(pages, (p) => callSession(p, STARVED_CALL_MS, 'sentCount'));
  const startAt = Date.now();
  const typed = await Promise.all(
    typists.map((p) => callSession(p, TYPING_CALL_TIMEOUT_MS, 'typeText', { into, durationMs: TYPING_MS, charsPerSecond: CHARS_PER_SECOND, startIndex: 0 })),
  );
  const after = await fromEach(pages, (p) => callSession(p, STARVED_CALL_MS, 'sentCount'));
  const seconds = (Date.now() - startAt) / 1000;
  const targets = Object.fromEntries(typed.map((t) => [String(t.clientId), Math.max(...t.keystrokes.map(([clock]) => clock)) + 1]));
  await fromEach(pages, (p) => callSession(p, TYPING_ARRIVAL_TIMEOUT_MS + CALL_MARGIN_MS, 'waitTyped', targets, TYPING_ARRIVAL_TIMEOUT_MS));
  const arrivals = await fromEach(pages, (p) => (observing[pages.indexOf(p)] ? callSession(p, STARVED_CALL_MS, 'typingArrivals') : Promise.resolve(null)));

  const latencies: number[] = [];
  for (const t of typed) {
    for (const [pageIndex, seen] of arrivals.entries()) {
      if (pageIndex < typists.length && typistIds[pageIndex] === t.clientId) continue;
      const at = new Map(seen?.[String(t.clientId)] ?? []);
      for (const [clock, typedAt] of t.keystrokes) {
        const arrived = at.get(clock);
        latencies.push(arrived === undefined ? Number.POSITIVE_INFINITY : arrived - typedAt);
      }
    }
  }
  latencies.sort((a, b) => a - b);
  const finite = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : x);
  const perPeer = after.map((a, i) => {
    const b = before[i];
    return a === null || b === null || b === undefined ? null : (a.bytes - b.bytes) / seconds;
  });
  const counted = perPeer.filter((x): x is number => x !== null);
  const typistsCounted = perPeer.slice(0, typists.length).filter((x): x is number => x !== null);
  const mean = (xs: readonly number[]): number => (xs.length === 0 ? Number.NaN : xs.reduce((s, x) => s + x, 0) / xs.length);
  // Past the session's budget the pages are closed under us, and every read above came back empty: no figures then.
  if (result.ended) return;
  result.typing = {
    typists: typists.length,
    seconds,
    keystrokes: typed.reduce((sum, t) => sum + t.keystrokes.length, 0),
    deliveriesExpected: latencies.length,
    deliveriesReceived: latencies.filter(Number.isFinite).length,
    receiversUnread: arrivals.filter((a) => a === null).length,
    p50Ms: finite(percentile(latencies, 50)),
    p95Ms: finite(percentile(latencies, 95)),
    maxMs: finite(percentile(latencies, 100)),
    bytesPerSecondPerPeer: { mean: mean(counted), max: Math.max(...counted), typistsMean: mean(typistsCounted), pagesCounted: counted.length },
  };
}

export function emptyMeshResult(peers: number): MeshResult {
  return { peers, incumbents: null, join: null, typing: null, edit: null, errors: [] };
}
