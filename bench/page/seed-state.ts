/**
 * The session benchmark's document content, shared by the pages and by the
 * Node side (bench/peer-serve.ts holds the same seed in the region peer):
 *   - `state` (Y.Map of strings): the workspace state. The seed in it is
 *     built from a seeded generator in a scratch document with a fixed
 *     client id, so every holder has exactly the same structs;
 *   - `members` (Y.Map): small per-peer entries;
 *   - `notes` (Y.Text): what typists type into.
 * The checksum is SHA-256 over a canonical rendering of all three (map keys
 * sorted), so two peers agree exactly when their content is equal.
 */
import * as Y from 'yjs';
import { seededUint32 } from '../../shared/sync/seeded-random';

/** Characters per seed entry: many entries like a workspace, each a cheap string to build. */
const SEED_ENTRY_CHARS = 100_000;

/** The scratch document's client id; random ids are 32-bit, so no real peer has this one by chance of note. */
const SEED_CLIENT_ID = 1;

/** Same generator seed everywhere: the seed state is byte-for-byte the same. */
const SEED_PRNG_SEED = 0x5eed;

/** 64 ASCII symbols: one UTF-8 byte per character, and the content does not repeat. */
const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');

function pseudoRandomString(next: () => number, chars: number): string {
  const bytes = new Uint8Array(chars);
  for (let i = 0; i < chars; i++) bytes[i] = ALPHABET[next() & 63] as number;
  return new TextDecoder().decode(bytes);
}

export function randomString(chars: number): string {
  return pseudoRandomString(seededUint32(crypto.getRandomValues(new Uint32Array(1))[0] as number), chars);
}

function seedKey(index: number): string {
  return `seed${String(index).padStart(5, '0')}`;
}

/** The same `chars` of seed state everywhere, as one Yjs update from the fixed seed client. */
export function seedUpdate(chars: number): Uint8Array {
  const scratch = new Y.Doc();
  scratch.clientID = SEED_CLIENT_ID;
  const next = seededUint32(SEED_PRNG_SEED);
  const state = scratch.getMap<string>('state');
  scratch.transact(() => {
    for (let i = 0; i * SEED_ENTRY_CHARS < chars; i++) state.set(seedKey(i), pseudoRandomString(next, Math.min(SEED_ENTRY_CHARS, chars - i * SEED_ENTRY_CHARS)));
  });
  const update = Y.encodeStateAsUpdate(scratch);
  scratch.destroy();
  return update;
}

export function seedCharsOf(doc: Y.Doc): number {
  let chars = 0;
  for (const [key, value] of doc.getMap<string>('state')) if (key.startsWith('seed')) chars += value.length;
  return chars;
}

export async function checksumOf(doc: Y.Doc): Promise<string> {
  const parts: string[] = [];
  for (const name of ['members', 'state']) {
    const map = doc.getMap<unknown>(name);
    for (const key of [...map.keys()].sort()) parts.push(`${name}\u0000${key}\u0000${String(map.get(key))}\u0001`);
  }
  parts.push(`notes\u0000${doc.getText('notes').toString()}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join(''))));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
