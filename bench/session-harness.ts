/**
 * Node-side plumbing for the session benchmark on top of bench/harness.ts: a
 * typed call into the session page, many pages (one browser context each)
 * spread over a few Chromium processes, and the traffic window that counts
 * what all pages hand to their data channels while something propagates.
 */
import type { Browser, Page } from '@playwright/test';
import { openBenchPage, withTimeout } from './harness';
import type { SessionPageApi } from './page/session-page';

/** Opening a context and loading the bundle is CPU work; a few at a time keep the two cores from thrashing. */
const OPEN_CONCURRENCY = 4;

/** A page call that only reads a counter; generous, since pages working through a flood answer slowly. */
const COUNTER_CALL_MS = 30_000;

/** How often all pages' counters are read while waiting for quiet: cheap enough for 30 pages. */
const QUIET_POLL_MS = 500;

/** Traffic must stay at the background level for this long to count as quiet: several times the app's 300 ms state-report delay. */
const QUIET_MS = 2_000;

/** Below this many bytes in QUIET_MS is quiet whatever the background: a few presence renewals and state reports. */
const QUIET_FLOOR_BYTES = 16 * 1024;

/** Traffic up to this multiple of the background rate still counts as background. */
const QUIET_BACKGROUND_FACTOR = 1.5;

export function callSession<K extends keyof SessionPageApi>(
  page: Page,
  timeoutMs: number,
  name: K,
  ...args: Parameters<SessionPageApi[K]>
): Promise<Awaited<ReturnType<SessionPageApi[K]>>> {
  const work = page.evaluate(({ n, a }) => (window.benchSession[n] as (...x: unknown[]) => unknown)(...a), { n: name, a: args as unknown[] }) as Promise<
    Awaited<ReturnType<SessionPageApi[K]>>
  >;
  return withTimeout(`${String(name)} in page`, timeoutMs, work);
}

/**
 * Opens `count` pages, page i in browser i mod browsers.length, each in its
 * own context (separate storage, no shared BroadcastChannel). Every page is
 * pushed to `pages` as soon as it exists, so the caller can close them all
 * even when opening fails half way.
 */
export async function openSessionPages(browsers: readonly Browser[], url: string, count: number, prefix: string, pages: Page[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const page = await openBenchPage(browsers[i % browsers.length] as Browser, url, `${prefix}-${i}`);
      pages[i] = page;
    }
  };
  await Promise.all(Array.from({ length: Math.min(OPEN_CONCURRENCY, count) }, worker));
}

/** Sum of the bytes all pages have handed to real data channels so far. */
export async function totalSent(pages: readonly Page[]): Promise<number> {
  const counts = await Promise.all(pages.map((p) => callSession(p, COUNTER_CALL_MS, 'sentCount')));
  return counts.reduce((sum, c) => sum + c.bytes, 0);
}

export interface TrafficWindow {
  /** All pages' bytes from the window's start until quiet (or until the quiet wait gave up). */
  readonly bytes: number;
  readonly seconds: number;
  /** Bytes per second across all pages measured just before the window: presence renewals and whatever else never stops. */
  readonly backgroundBytesPerSecond: number;
  /** `bytes` less the background rate over the window: what the measured action itself cost. */
  readonly netBytes: number;
  /** False if traffic never went back to the background level within the quiet timeout. */
  readonly quiet: boolean;
}

export interface OpenWindow {
  /** Waits until traffic is back at the background level (at most `timeoutMs`), then closes the window. */
  close(timeoutMs: number): Promise<TrafficWindow>;
}

/**
 * Measures the background rate over `backgroundMs`, then opens a window at
 * the current counters. Anything that never stops (y-protocols renews each
 * peer's presence every 15 s, and relays multiply it) is why quiet is judged
 * against the background, not against zero.
 */
export async function openTrafficWindow(pages: readonly Page[], backgroundMs: number): Promise<OpenWindow> {
  const bgStartBytes = await totalSent(pages);
  const bgStartAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, backgroundMs));
  const startBytes = await totalSent(pages);
  const startAt = Date.now();
  const backgroundBytesPerSecond = ((startBytes - bgStartBytes) * 1000) / Math.max(startAt - bgStartAt, 1);
  const quietAllowance = Math.max(QUIET_FLOOR_BYTES, (QUIET_BACKGROUND_FACTOR * backgroundBytesPerSecond * QUIET_MS) / 1000);
  return {
    async close(timeoutMs) {
      const samples: Array<{ at: number; bytes: number }> = [{ at: Date.now(), bytes: await totalSent(pages) }];
      const giveUpAt = Date.now() + timeoutMs;
      let quiet = false;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, QUIET_POLL_MS));
        const now = { at: Date.now(), bytes: await totalSent(pages) };
        samples.push(now);
        const reference = [...samples].reverse().find((s) => now.at - s.at >= QUIET_MS);
        if (reference && now.bytes - reference.bytes <= quietAllowance) {
          quiet = true;
          break;
        }
        if (now.at > giveUpAt) break;
      }
      const last = samples[samples.length - 1] as { at: number; bytes: number };
      const seconds = (last.at - startAt) / 1000;
      const bytes = last.bytes - startBytes;
      return { bytes, seconds, backgroundBytesPerSecond, netBytes: Math.max(0, bytes - backgroundBytesPerSecond * seconds), quiet };
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}
