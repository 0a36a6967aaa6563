/**
 * A new peer receiving a workspace's state from one peer (two peers only),
 * both syncing through the app's WorkspaceSync. Peer A holds the state
 * before it starts and finishes its own join work first (y-webrtc posts the
 * whole document to its BroadcastChannel on joining); then B starts empty.
 * The clock runs in B's page from its WorkspaceSync.start call (room name
 * derivation, signaling and ICE included, as a user would feel them) until
 * B's document holds all of A's state; the checksums are compared after.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { generateWorkspaceKey } from '../shared/invite/workspace-key';
import { closePages, openBenchPage } from './harness';
import { callSession } from './session-harness';

const MB = 1_000_000;

/** Building and encoding 10 MB in a page takes well under a second here. */
const PREPARE_TIMEOUT_MS = 30_000;

/** A fixed allowance for connecting, plus 2 s per MB (about a twentieth of the raw rate here). */
const SYNC_BASE_TIMEOUT_MS = 20_000;
const SYNC_TIMEOUT_MS_PER_MB = 2_000;

/** Page-side waits return on their own at their timeout; the call gets this much more. */
const CALL_MARGIN_MS = 10_000;

export interface StateResult {
  readonly megabytes: number;
  readonly stateBytes: number;
  /** The whole document as one Yjs update, for reference. */
  readonly encodedBytes: number;
  /** From B's start to B holding the whole state. */
  readonly seconds: number;
  /** From B's start to its first data-channel send; null if none. */
  readonly connectSeconds: number | null;
  readonly bytesPerSecond: number;
}

export async function measureStateTransfer(url: string, hubUrl: string, browsers: readonly [Browser, Browser], megabytes: number): Promise<StateResult> {
  const [holder, joiner] = await Promise.all([openBenchPage(browsers[0], url, `state${megabytes}-A`), openBenchPage(browsers[1], url, `state${megabytes}-B`)]);
  try {
    const key = generateWorkspaceKey();
    const workspaceId = randomUUID();
    const stateBytes = megabytes * MB;
    const { encodedBytes } = await callSession(holder, PREPARE_TIMEOUT_MS, 'start', { hubUrl, workspaceId, key, index: 0, seedChars: stateBytes, memberEntry: false });
    await callSession(holder, PREPARE_TIMEOUT_MS + CALL_MARGIN_MS, 'waitReady', encodedBytes, PREPARE_TIMEOUT_MS);

    const timeoutMs = SYNC_BASE_TIMEOUT_MS + megabytes * SYNC_TIMEOUT_MS_PER_MB;
    const { startedAt } = await callSession(joiner, PREPARE_TIMEOUT_MS, 'start', { hubUrl, workspaceId, key, index: 1, seedChars: 0, memberEntry: false });
    const got = await callSession(joiner, timeoutMs + CALL_MARGIN_MS, 'waitConverged', { awareness: 0, members: 0, seedChars: stateBytes, timeoutMs });
    if (got.reachedAt === null) throw new Error(`${megabytes} MB: only ${got.seedChars} of ${stateBytes} bytes after ${timeoutMs / 1000} s (status ${got.status})`);
    const expected = await callSession(holder, PREPARE_TIMEOUT_MS, 'checksum');
    if (got.checksum !== expected) throw new Error(`${megabytes} MB: checksum differs after sync`);
    const { firstSendAt } = await callSession(joiner, PREPARE_TIMEOUT_MS, 'sentCount');
    await Promise.all([callSession(holder, PREPARE_TIMEOUT_MS, 'stop'), callSession(joiner, PREPARE_TIMEOUT_MS, 'stop')]);

    const seconds = Math.max(got.reachedAt - startedAt, 1) / 1000;
    return {
      megabytes,
      stateBytes,
      encodedBytes,
      seconds,
      connectSeconds: firstSendAt === null ? null : (firstSendAt - startedAt) / 1000,
      bytesPerSecond: stateBytes / seconds,
    };
  } finally {
    await closePages([holder, joiner]);
  }
}
