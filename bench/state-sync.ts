/**
 * Phase b: how fast a newly joined peer receives a workspace's full state.
 * Peer A builds N MB in its Y.Doc, joins the room and finishes its own join
 * work (y-webrtc broadcasts the whole document to other tabs on joining);
 * then peer B, fresh, joins the same room the way the app does. The clock
 * runs in B's page from B's provider creation (so key derivation, signaling
 * and ICE count, as a user would feel them) until B's document first holds
 * all of A's entries; the checksum is compared afterwards, outside the timed
 * interval.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { generateWorkspaceKey, roomNameFor } from '../shared/invite/workspace-key';
import { call, closePages, openBenchPage } from './harness';

export const MB = 1_000_000;

/** Building and hashing 50 MB of strings in a page takes ~2 s here. */
const PREPARE_TIMEOUT_MS = 60_000;

/** Loopback signaling answers in milliseconds. */
const SIGNALING_TIMEOUT_MS = 15_000;

/** Fixed allowance for key derivation, signaling and ICE, plus 1 s per MB (a tenth of the raw rate here). */
const SYNC_BASE_TIMEOUT_MS = 20_000;
const SYNC_TIMEOUT_MS_PER_MB = 1_000;

export interface SyncResult {
  readonly megabytes: number;
  /** Characters of state = bytes of state, since every character is one UTF-8 byte. */
  readonly stateBytes: number;
  readonly entries: number;
  /** The whole document as one Yjs update (what sync step 2 carries), for reference. */
  readonly encodedBytes: number;
  /** From B's provider creation to B holding the whole state. */
  readonly seconds: number;
  /** From B's provider creation to its first data-channel send (sync step 1, sent on connecting); null if none. */
  readonly connectSeconds: number | null;
  readonly bytesPerSecond: number;
}

export async function measureStateSync(url: string, hubUrl: string, browsers: readonly [Browser, Browser], megabytes: number): Promise<SyncResult> {
  const [holder, joiner] = await Promise.all([openBenchPage(browsers[0], url, `sync${megabytes}-A`), openBenchPage(browsers[1], url, `sync${megabytes}-B`)]);
  try {
    const key = generateWorkspaceKey();
    const room = await roomNameFor(randomUUID(), key);
    const shape = await call(holder, PREPARE_TIMEOUT_MS, 'buildState', megabytes * MB);
    const expected = await call(holder, PREPARE_TIMEOUT_MS, 'summarizeState');
    await call(holder, SIGNALING_TIMEOUT_MS, 'join', hubUrl, room, key);
    await call(holder, SIGNALING_TIMEOUT_MS, 'waitSignaling', SIGNALING_TIMEOUT_MS);
    await call(holder, PREPARE_TIMEOUT_MS, 'waitJoinSettled', expected.encodedBytes, PREPARE_TIMEOUT_MS);

    const syncTimeoutMs = SYNC_BASE_TIMEOUT_MS + megabytes * SYNC_TIMEOUT_MS_PER_MB;
    const createdAt = await call(joiner, SIGNALING_TIMEOUT_MS, 'join', hubUrl, room, key);
    const completeAt = await call(joiner, syncTimeoutMs + 5_000, 'waitState', shape, syncTimeoutMs);
    const { firstSendAt } = await call(joiner, SIGNALING_TIMEOUT_MS, 'sentCount');

    const got = await call(joiner, PREPARE_TIMEOUT_MS, 'summarizeState');
    if (got.sha256 !== expected.sha256) throw new Error(`state checksum differs after sync: ${got.sha256} vs ${expected.sha256}`);
    await Promise.all([call(holder, SIGNALING_TIMEOUT_MS, 'leave'), call(joiner, SIGNALING_TIMEOUT_MS, 'leave')]);

    const seconds = Math.max(completeAt - createdAt, 1) / 1000;
    return {
      megabytes,
      stateBytes: expected.chars,
      entries: expected.entries,
      encodedBytes: expected.encodedBytes,
      seconds,
      connectSeconds: firstSendAt === null ? null : (firstSendAt - createdAt) / 1000,
      bytesPerSecond: expected.chars / seconds,
    };
  } finally {
    await closePages([holder, joiner]);
  }
}
