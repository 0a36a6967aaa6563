/**
 * Sync side of the benchmark page: one Y.Doc and one y-webrtc provider set up
 * as the app does it (own signaling hub, password, framing wrtc, no ICE
 * servers). The state is a Y.Map of random strings, built here so the Node
 * side never ships megabytes through Playwright.
 */
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { createFramingWrtc } from '../../shared/sync/webrtc/framing-peer-connection';
import { sentCount } from './send-counter';

/** Characters per Y.Map entry: many entries like a workspace, few enough that building 50 MB takes well under a second. */
const ENTRY_CHARS = 100_000;

/** 64 ASCII symbols: one UTF-8 byte and 6 random bits per character, so the state barely compresses. */
const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');

/** How often waits re-check state that has no event of its own (peer connections, one entry); cheap next to a sync. */
const POLL_MS = 20;

/** crypto.getRandomValues fills at most this many bytes per call. */
const RANDOM_CHUNK_BYTES = 65_536;

export interface StateShape {
  readonly entries: number;
  readonly chars: number;
}

export interface StateSummary extends StateShape {
  readonly sha256: string;
  /** Size of the whole document as one Yjs update: what sync step 2 carries. */
  readonly encodedBytes: number;
}

const doc = new Y.Doc();
const state = doc.getMap<string>('state');
let provider: WebrtcProvider | null = null;

function randomString(chars: number): string {
  const bytes = new Uint8Array(chars);
  for (let i = 0; i < chars; i += RANDOM_CHUNK_BYTES) crypto.getRandomValues(bytes.subarray(i, Math.min(chars, i + RANDOM_CHUNK_BYTES)));
  for (let i = 0; i < chars; i++) bytes[i] = ALPHABET[(bytes[i] as number) & 63] as number;
  return new TextDecoder().decode(bytes);
}

function entryKey(index: number): string {
  return `e${String(index).padStart(6, '0')}`;
}

function shape(): StateShape {
  let chars = 0;
  let entries = 0;
  for (const [key, value] of state) {
    if (!key.startsWith('e')) continue;
    entries += 1;
    chars += value.length;
  }
  return { entries, chars };
}

function timeout(timeoutMs: number, what: () => string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`${what()} after ${timeoutMs} ms`)), timeoutMs));
}

/** Fills the document with `chars` random characters in ENTRY_CHARS-sized entries. */
export function buildState(chars: number): StateShape {
  const entries = Math.ceil(chars / ENTRY_CHARS);
  doc.transact(() => {
    for (let i = 0; i < entries; i++) state.set(entryKey(i), randomString(Math.min(ENTRY_CHARS, chars - i * ENTRY_CHARS)));
  });
  return { entries, chars };
}

/** Checksum over the entries in key order, so two peers agree exactly when their states are equal. */
export async function summarizeState(): Promise<StateSummary> {
  const { entries, chars } = shape();
  const all = new Uint8Array(chars);
  const encoder = new TextEncoder();
  let offset = 0;
  for (let i = 0; i < entries; i++) offset += encoder.encodeInto(state.get(entryKey(i)) ?? '', all.subarray(offset)).written;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return { entries, chars, sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''), encodedBytes: Y.encodeStateAsUpdate(doc).byteLength };
}

/** Creates the provider; returns the creation time, the start of the measured interval. */
export function join(signalingUrl: string, room: string, password: string): number {
  if (provider) throw new Error('already joined');
  const createdAt = Date.now();
  provider = new WebrtcProvider(room, doc, {
    signaling: [signalingUrl],
    password,
    peerOpts: { wrtc: createFramingWrtc(), config: { iceServers: [] } },
  });
  return createdAt;
}

function connectedPeers(): number {
  return [...(provider?.room?.webrtcConns.values() ?? [])].filter((conn) => conn.connected).length;
}

function syncedPeers(): number {
  return [...(provider?.room?.webrtcConns.values() ?? [])].filter((conn) => conn.connected && conn.synced).length;
}

async function pollUntil(done: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const reached = (async () => {
    while (!done()) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  })();
  await Promise.race([reached, timeout(timeoutMs, what)]);
}

export function waitSignaling(timeoutMs: number): Promise<void> {
  return pollUntil(() => provider?.signalingConns.some((conn) => conn.connected) ?? false, timeoutMs, () => 'no signaling connection');
}

/**
 * Resolves once y-webrtc's join-time work is done: on joining it encrypts the
 * whole document and posts it to a BroadcastChannel (for other tabs), seconds
 * of work for 50 MB here. A peer that has been in the room for a while has
 * long finished that, so a newcomer's sync is timed only after it.
 */
export function waitJoinSettled(stateBytes: number, timeoutMs: number): Promise<void> {
  return pollUntil(() => sentCount().broadcastBytes >= stateBytes, timeoutMs, () => `only ${sentCount().broadcastBytes} of ${stateBytes} state bytes broadcast after joining`);
}

export function waitPeers(count: number, timeoutMs: number): Promise<void> {
  return pollUntil(() => syncedPeers() >= count, timeoutMs, () => `${connectedPeers()} peers connected, ${syncedPeers()} synced, wanted ${count}`);
}

/** Resolves with the time the document first held `expected`; the document's own update event times it, not a poll. */
export function waitState(expected: StateShape, timeoutMs: number): Promise<number> {
  let onUpdate = (): void => {};
  const complete = new Promise<number>((resolve) => {
    onUpdate = (): void => {
      const now = shape();
      if (now.entries === expected.entries && now.chars === expected.chars) resolve(Date.now());
    };
    doc.on('update', onUpdate);
    onUpdate();
  });
  const what = (): string => {
    const now = shape();
    return `state incomplete: ${now.entries}/${expected.entries} entries, ${now.chars}/${expected.chars} chars, ${connectedPeers()} peers`;
  };
  return Promise.race([complete, timeout(timeoutMs, what)]).finally(() => doc.off('update', onUpdate));
}

/** One edit of `chars` random characters; returns its time and the size of the Yjs update it produced. */
export function edit(key: string, chars: number): { editedAt: number; updateBytes: number } {
  const value = randomString(chars);
  let updateBytes = 0;
  const count = (update: Uint8Array): void => {
    updateBytes += update.byteLength;
  };
  doc.on('update', count);
  const editedAt = Date.now();
  state.set(key, value);
  doc.off('update', count);
  return { editedAt, updateBytes };
}

/** Resolves with the time the entry `key` reached `chars` characters here. */
export async function waitEntry(key: string, chars: number, timeoutMs: number): Promise<number> {
  await pollUntil(() => state.get(key)?.length === chars, timeoutMs, () => `entry ${key} has ${state.get(key)?.length ?? 0}/${chars} chars`);
  return Date.now();
}

export function leave(): void {
  provider?.destroy();
  provider = null;
}
