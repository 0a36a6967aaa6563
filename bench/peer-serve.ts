/**
 * `npm run bench:peer`: the always-on region peer serving a 10 MB workspace
 * to a partner's app that joins (issue 15), as a ratio of the raw
 * data-channel speed between the same two ends, measured in the same run.
 *
 * - The peer is this Node process running the app's own WorkspaceSync over
 *   @roamhq/wrtc (electron/peer/node-sync.ts, as `npm run peer` runs it),
 *   holding the session benchmark's 10 MB seed (bench/page/seed-state.ts).
 *   Its LevelDB store is not on the path: serving reads the document in
 *   memory.
 * - The partner is the session benchmark's page in Chromium, which starts
 *   empty; the clock runs in the page from its WorkspaceSync.start call
 *   (room name, signaling, ICE, the mesh's catch-up) until it holds the
 *   whole seed, and the checksums are compared after.
 * - The baseline is one plain RTCDataChannel from this Node process to a
 *   page in the same Chromium (bench/page/raw-channel.ts on both ends:
 *   @roamhq/wrtc is installed as the WebRTC globals here), 64 MiB in the
 *   framing layer's message size under its water marks.
 * - As bench:session's state phase, the workspace is open (no proven
 *   membership), so the figure is the serving path itself; what signing
 *   and checking add is bench:signing's.
 *
 * Three rounds, each a baseline then a transfer; the medians are reported.
 * Everything on loopback: the hub binds 127.0.0.1 without mDNS, host
 * candidates only. Every wait is bounded.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import wrtc from '@roamhq/wrtc';
import * as Y from 'yjs';
import { emulateBufferedAmountLow } from '../electron/peer/buffered-amount-low';
import { startNodeSync } from '../electron/peer/node-sync';
import { startLocalHub } from '../electron/signaling/start-local-hub';
import { generateIdentityKeys } from '../shared/crypto/identity-keys';
import { generateWorkspaceKey } from '../shared/invite/workspace-key';
import { WorkspaceMembership } from '../shared/membership/workspace-membership';
import { call, Cleanup, bundlePage, closePages, launchBrowsers, openBenchPage, servePage, withTimeout } from './harness';
import { rawAccept, rawClose, rawOffer, rawOpened, rawSend } from './page/raw-channel';
import { checksumOf, seedCharsOf, seedUpdate } from './page/seed-state';
import { SAME_AS_FRAMING } from './raw-baseline';
import { callSession } from './session-harness';

const SESSION_PAGE_ENTRY = 'bench/page/session-page.ts';
const STATE_BYTES = 10_000_000;
const ROUNDS = 3;
const CALL_MS = 30_000;
/** A fixed allowance for connecting plus 2 s per MB, as bench:session's state phase. */
const SYNC_TIMEOUT_MS = 20_000 + 10 * 2_000;
const TRANSFER_TIMEOUT_MS = 90_000;
const RUN_DEADLINE_MS = 10 * 60_000;

const log = (line: string) => console.log(`[bench:peer] ${line}`);
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** WebRTC globals for raw-channel.ts in Node (y-webrtc in the peer gets @roamhq/wrtc passed in instead). */
function installWrtcGlobals(): void {
  // The same backpressure fix the peer runs with (rawSend waits on 'bufferedamountlow').
  emulateBufferedAmountLow(wrtc.RTCDataChannel);
  Object.assign(globalThis, { RTCPeerConnection: wrtc.RTCPeerConnection, RTCSessionDescription: wrtc.RTCSessionDescription, RTCIceCandidate: wrtc.RTCIceCandidate });
}

/** Seconds for 64 MiB from this process to a Chromium page over one plain data channel. */
async function rawSeconds(rawUrl: string, browser: Parameters<typeof openBenchPage>[0]): Promise<number> {
  const page = await openBenchPage(browser, rawUrl, 'raw-receiver');
  try {
    const answer = await call(page, CALL_MS, 'rawAnswer', await rawOffer());
    await rawAccept(answer);
    await Promise.all([rawOpened(CALL_MS), call(page, CALL_MS, 'rawOpened', CALL_MS)]);
    const { bytes, messageBytes, highWaterBytes, lowWaterBytes } = SAME_AS_FRAMING;
    await call(page, CALL_MS, 'rawListen', bytes, TRANSFER_TIMEOUT_MS);
    const arrived = call(page, TRANSFER_TIMEOUT_MS, 'rawArrived');
    arrived.catch(() => undefined);
    const startedAt = await rawSend({ totalBytes: bytes, messageBytes, highWaterBytes, lowWaterBytes, timeoutMs: TRANSFER_TIMEOUT_MS });
    return Math.max((await arrived) - startedAt, 1) / 1000 / (bytes / STATE_BYTES);
  } finally {
    rawClose();
    await closePages([page]);
  }
}

/** Seconds from the page's start until it holds the peer's whole 10 MB seed. */
async function servedSeconds(sessionUrl: string, hubUrl: string, browser: Parameters<typeof openBenchPage>[0]): Promise<number> {
  const workspaceId = randomUUID();
  const key = generateWorkspaceKey();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seedUpdate(STATE_BYTES));
  const keys = await generateIdentityKeys();
  const self = { memberId: keys.memberId, publicKeyB64: keys.publicKeyB64, privateKey: keys.privateKey, displayName: 'Regiopeer', organisationName: 'Provincie' };
  const membership = new WorkspaceMembership(doc, { workspaceId, founderKey: null, self });
  const sync = await startNodeSync(doc, { workspaceId, key, signalingUrls: [hubUrl], iceServers: [], user: { memberId: keys.memberId, displayName: 'Regiopeer', organisationName: 'Provincie' }, online: true, membership });
  const page = await openBenchPage(browser, sessionUrl, 'joiner');
  try {
    await withTimeout('the peer on its hub', CALL_MS, (async () => {
      while (sync.status().kind !== 'looking') await new Promise((resolve) => setTimeout(resolve, 50));
    })());
    const { startedAt } = await callSession(page, CALL_MS, 'start', { hubUrl, workspaceId, key, index: 1, seedChars: 0, memberEntry: false });
    const got = await callSession(page, SYNC_TIMEOUT_MS + CALL_MS, 'waitConverged', { awareness: 0, members: 0, seedChars: seedCharsOf(doc), timeoutMs: SYNC_TIMEOUT_MS });
    if (got.reachedAt === null) throw new Error(`only ${got.seedChars} of ${STATE_BYTES} bytes after ${SYNC_TIMEOUT_MS / 1000} s (status ${got.status})`);
    if (got.checksum !== (await checksumOf(doc))) throw new Error('the checksum differs after sync');
    await callSession(page, CALL_MS, 'stop');
    return Math.max(got.reachedAt - startedAt, 1) / 1000;
  } finally {
    sync.destroy();
    membership.destroy();
    await closePages([page]);
  }
}

async function run(cleanup: Cleanup): Promise<void> {
  installWrtcGlobals();
  const hub = await startLocalHub({ host: '127.0.0.1', port: 0, discovery: false, log: () => {} });
  cleanup.add('signaling hub', () => hub.close());
  const [rawServer, sessionServer] = await Promise.all([bundlePage().then(servePage), bundlePage(SESSION_PAGE_ENTRY).then(servePage)]);
  cleanup.add('page servers', () => Promise.all([rawServer.close(), sessionServer.close()]));
  const [browser] = await launchBrowsers(1, cleanup);
  if (!browser) throw new Error('no browser');
  const raw: number[] = [];
  const served: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    raw.push(await rawSeconds(rawServer.url, browser));
    served.push(await servedSeconds(sessionServer.url, hub.url, browser));
    log(`round ${round}: raw ${(raw.at(-1) ?? 0).toFixed(2)} s per 10 MB, served ${(served.at(-1) ?? 0).toFixed(2)} s (load ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores)`);
  }
  const rawMedian = median(raw);
  const servedMedian = median(served);
  log(`raw data channel, Node peer → Chromium: ${rawMedian.toFixed(2)} s per 10 MB (${(STATE_BYTES / rawMedian / 1e6).toFixed(1)} MB/s), median of ${ROUNDS}`);
  log(`the peer serving 10 MB to a joining app: ${servedMedian.toFixed(2)} s (${(STATE_BYTES / servedMedian / 1e6).toFixed(1)} MB/s), median of ${ROUNDS}: ${served.map((s) => s.toFixed(2)).join(', ')}`);
  console.log(`peer serve ratio (served ÷ raw time): ${(servedMedian / rawMedian).toFixed(1)}`);
}

async function main(): Promise<number> {
  const cleanup = new Cleanup();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`run deadline of ${RUN_DEADLINE_MS / 1000} s passed`)), RUN_DEADLINE_MS);
  });
  try {
    await Promise.race([run(cleanup), deadline]);
    return 0;
  } catch (cause) {
    console.error(`[bench:peer] failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    return 1;
  } finally {
    clearTimeout(timer);
    for (const failure of await cleanup.runAll()) console.error(`[bench:peer] ${failure}`);
  }
}

process.exit(await main());
