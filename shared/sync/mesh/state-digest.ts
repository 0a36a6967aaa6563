/**
 * A short fingerprint of what a replica holds: SHA-256 over the Yjs snapshot
 * (state vector and delete set, both written in a canonical order by Yjs), so
 * two replicas with equal digests hold the same inserts and the same
 * deletions. Sent often, so it is cut to DIGEST_BYTES.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import * as Y from 'yjs';

/** 16 bytes of SHA-256: plenty to tell states apart, small enough to send after every change. */
export const DIGEST_BYTES = 16;

export function stateDigest(doc: Y.Doc): Uint8Array {
  return sha256(Y.encodeSnapshot(Y.snapshot(doc))).slice(0, DIGEST_BYTES);
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}
