/**
 * Phase c: traffic amplification. Four peers (four Chromium processes) in
 * one room, fully connected and synced; then one 1 MB edit on one peer. Each
 * page counts the bytes it hands to real data channels (page/send-counter.ts);
 * the sum over all pages from just before the edit until every peer has it
 * and the channels have gone quiet, divided by the ideal (peers − 1) × edit
 * size, is the amplification. 1.0 means every peer got the edit exactly once.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { generateWorkspaceKey, roomNameFor } from '../shared/invite/workspace-key';
import { call, closePages, openBenchPage, withTimeout } from './harness';
import { MB } from './state-sync';

/** The figure the brief measured stock y-webrtc at (12 MB for 3 MB of work), for the table. */
export const STOCK_Y_WEBRTC_AMPLIFICATION = 4.0;

/** One megabyte of content, as the issue specifies. */
const EDIT_CHARS = MB;

/** Six connections with glare resolution and key derivation; seconds here, generous for a busy machine. */
const MESH_TIMEOUT_MS = 60_000;

/** Even a 4× amplified 1 MB edit is ~4 MB of traffic: well under a second at the raw rate here. */
const PROPAGATION_TIMEOUT_MS = 30_000;

/** No new bytes on any channel for this long counts as quiet: many times the gap between fragments. */
const QUIET_MS = 1_500;

/** Counter sampling interval while waiting for quiet. */
const QUIET_POLL_MS = 100;

/** Setup traffic (sync step 1/2, awareness) must settle before the counters are read. */
const QUIET_TIMEOUT_MS = 20_000;

/** A page call that only reads a counter or starts an edit. */
const QUICK_CALL_MS = 10_000;

export interface AmplificationResult {
  readonly peers: number;
  readonly editChars: number;
  /** The Yjs update the edit produced, on the editing peer. */
  readonly updateBytes: number;
  /** Bytes handed to real data channels per page during the measured window, editor first. */
  readonly sentBytesPerPeer: number[];
  readonly sentBytes: number;
  /** (peers − 1) × editChars. */
  readonly idealBytes: number;
  readonly amplification: number;
  /** From the edit until the last peer held it. */
  readonly propagationSeconds: number;
}

async function sentTotals(pages: readonly Page[]): Promise<number[]> {
  const counts = await Promise.all(pages.map((p) => call(p, QUICK_CALL_MS, 'sentCount')));
  return counts.map((c) => c.bytes);
}

/** Resolves with the per-page counters once none of them has moved for QUIET_MS. */
async function quietTotals(pages: readonly Page[]): Promise<number[]> {
  const wait = async (): Promise<number[]> => {
    let last = await sentTotals(pages);
    let stableSince = Date.now();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, QUIET_POLL_MS));
      const now = await sentTotals(pages);
      if (now.some((bytes, i) => bytes !== last[i])) {
        last = now;
        stableSince = Date.now();
      } else if (Date.now() - stableSince >= QUIET_MS) {
        return now;
      }
    }
  };
  return withTimeout('data channels going quiet', QUIET_TIMEOUT_MS, wait());
}

export async function measureAmplification(url: string, hubUrl: string, browsers: readonly Browser[]): Promise<AmplificationResult> {
  const pages = await Promise.all(browsers.map((b, i) => openBenchPage(b, url, `amp-${i}`)));
  try {
    const key = generateWorkspaceKey();
    const room = await roomNameFor(randomUUID(), key);
    for (const page of pages) await call(page, QUICK_CALL_MS, 'join', hubUrl, room, key);
    const others = pages.length - 1;
    await Promise.all(pages.map((p) => call(p, MESH_TIMEOUT_MS + 5_000, 'waitPeers', others, MESH_TIMEOUT_MS)));

    const before = await quietTotals(pages);
    const [editor] = pages as [Page, ...Page[]];
    const { editedAt, updateBytes } = await call(editor, QUICK_CALL_MS, 'edit', 'amplification-edit', EDIT_CHARS);
    const arrivals = await Promise.all(
      pages.slice(1).map((p) => call(p, PROPAGATION_TIMEOUT_MS + 5_000, 'waitEntry', 'amplification-edit', EDIT_CHARS, PROPAGATION_TIMEOUT_MS)),
    );
    const after = await quietTotals(pages);

    const sentBytesPerPeer = after.map((bytes, i) => bytes - (before[i] as number));
    const sentBytes = sentBytesPerPeer.reduce((sum, bytes) => sum + bytes, 0);
    const idealBytes = others * EDIT_CHARS;
    await Promise.all(pages.map((p) => call(p, QUICK_CALL_MS, 'leave')));
    return {
      peers: pages.length,
      editChars: EDIT_CHARS,
      updateBytes,
      sentBytesPerPeer,
      sentBytes,
      idealBytes,
      amplification: sentBytes / idealBytes,
      propagationSeconds: (Math.max(...arrivals) - editedAt) / 1000,
    };
  } finally {
    await closePages(pages);
  }
}
