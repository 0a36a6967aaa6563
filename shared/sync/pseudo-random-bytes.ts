/**
 * Deterministic pseudo-random bytes (xorshift) for tests of the framing
 * layer: megabytes of varied data without asking fast-check for each value.
 * `first`, if given, replaces the first byte (0 makes it look like a y-webrtc
 * message).
 */
export function pseudoRandomBytes(size: number, seed: number, first?: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = seed | 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  if (first !== undefined && size > 0) out[0] = first;
  return out;
}
