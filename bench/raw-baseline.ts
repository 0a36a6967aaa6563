/**
 * Phase a: raw RTCDataChannel throughput between two Chromium processes, the
 * ceiling the sync figures are divided by. No framing, no Yjs: the Node side
 * relays SDP itself, the page blasts fixed-size messages under backpressure.
 */
import type { Browser } from '@playwright/test';
import { HIGH_WATER_MARK_BYTES, LOW_WATER_MARK_BYTES } from '../shared/sync/webrtc/framed-data-channel';
import { FRAGMENT_BYTES } from '../shared/sync/framing';
import { call, closePages, openBenchPage } from './harness';

/** 64 MiB: long enough (~4 s here) that connection noise and timer granularity do not matter. */
export const BASELINE_BYTES = 64 * 2 ** 20;

/** The framing layer's frame size, so both paths put equally sized messages on the wire. */
export const BASELINE_MESSAGE_BYTES = FRAGMENT_BYTES;

/** ICE over loopback with host candidates connects in well under a second. */
const CONNECT_TIMEOUT_MS = 20_000;

/** Even at 1 MiB/s (a tenth of the worst rate seen here) 64 MiB fits. */
const TRANSFER_TIMEOUT_MS = 90_000;

export interface BaselineResult {
  readonly bytes: number;
  readonly messageBytes: number;
  readonly highWaterBytes: number;
  readonly seconds: number;
  readonly bytesPerSecond: number;
}

export interface BaselineOptions {
  readonly bytes: number;
  readonly messageBytes: number;
  readonly highWaterBytes: number;
  readonly lowWaterBytes: number;
}

/** What the benchmark measures against: the framing layer's frame size and water marks. */
export const SAME_AS_FRAMING: BaselineOptions = {
  bytes: BASELINE_BYTES,
  messageBytes: BASELINE_MESSAGE_BYTES,
  highWaterBytes: HIGH_WATER_MARK_BYTES,
  lowWaterBytes: LOW_WATER_MARK_BYTES,
};

export async function measureRawBaseline(url: string, browsers: readonly [Browser, Browser], options: BaselineOptions = SAME_AS_FRAMING): Promise<BaselineResult> {
  const { bytes, messageBytes, highWaterBytes, lowWaterBytes } = options;
  const [sender, receiver] = await Promise.all([openBenchPage(browsers[0], url, 'raw-A'), openBenchPage(browsers[1], url, 'raw-B')]);
  try {
    const offer = await call(sender, CONNECT_TIMEOUT_MS, 'rawOffer');
    const answer = await call(receiver, CONNECT_TIMEOUT_MS, 'rawAnswer', offer);
    await call(sender, CONNECT_TIMEOUT_MS, 'rawAccept', answer);
    await Promise.all([call(sender, CONNECT_TIMEOUT_MS, 'rawOpened', CONNECT_TIMEOUT_MS), call(receiver, CONNECT_TIMEOUT_MS, 'rawOpened', CONNECT_TIMEOUT_MS)]);

    await call(receiver, CONNECT_TIMEOUT_MS, 'rawListen', bytes, TRANSFER_TIMEOUT_MS);
    const arrived = call(receiver, TRANSFER_TIMEOUT_MS, 'rawArrived');
    // Observed now so that a failing send (awaited first) does not leave this rejection unhandled.
    arrived.catch(() => undefined);
    const startedAt = await call(sender, TRANSFER_TIMEOUT_MS, 'rawSend', { totalBytes: bytes, messageBytes, highWaterBytes, lowWaterBytes, timeoutMs: TRANSFER_TIMEOUT_MS });
    const seconds = Math.max((await arrived) - startedAt, 1) / 1000;
    return { bytes, messageBytes, highWaterBytes, seconds, bytesPerSecond: bytes / seconds };
  } finally {
    await closePages([sender, receiver]);
  }
}
