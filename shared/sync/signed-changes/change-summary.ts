/**
 * What keeping a signed change needs to know of it: its hash, and of its
 * update per client the clock after its last item, its deletions, and (for
 * a refused change) the clock ranges its placeholder holds. Working that out
 * decodes the whole update, and a baseline or checkpoint holds the whole
 * workspace: on a large one, re-deriving it on every opening cost more than
 * a tenth of a second. So it is stored beside the change, and a stored
 * summary that is missing (kept before it existed) or not of this shape is
 * worked out again.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64Url } from '../../crypto/base64url';
import { describeUpdate, type Deletions } from './delete-coverage';
import { clockRuns } from './refused-placeholder';

export interface ChangeSummary {
  readonly hash: string;
  readonly to: ReadonlyMap<number, number>;
  /** None for a refused change: it deleted nothing here. */
  readonly deletions: Deletions;
  readonly collected?: Deletions;
}

export const hashOf = (bytes: Uint8Array): string => toBase64Url(sha256(bytes).subarray(0, 16));

const collectedRanges = (update: Uint8Array): Deletions =>
  new Map([...clockRuns(update)].map(([client, runs]) => [client, runs.map(({ from, to }) => ({ clock: from, len: to - from }))]));

export function summarise(update: Uint8Array, hash: string, refused: boolean): ChangeSummary {
  const { to, deletions } = describeUpdate(update);
  return refused ? { hash, to, deletions: new Map(), collected: collectedRanges(update) } : { hash, to, deletions };
}

const isClock = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isDeletions(value: unknown): value is Deletions {
  return value instanceof Map && [...value].every(([client, ranges]) => isClock(client) && Array.isArray(ranges) && ranges.every((range: { clock?: unknown; len?: unknown }) => isClock(range?.clock) && isClock(range?.len)));
}

/** A summary as stored, checked: a row is this device's own, but may have been written by another version. */
export function storedSummary(value: unknown, refused: boolean): ChangeSummary | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { hash, to, deletions, collected } = value as Partial<Record<keyof ChangeSummary, unknown>>;
  if (typeof hash !== 'string' || !(to instanceof Map) || ![...to].every(([client, clock]) => isClock(client) && isClock(clock)) || !isDeletions(deletions)) return undefined;
  if (refused !== (collected !== undefined) || (collected !== undefined && !isDeletions(collected))) return undefined;
  return { hash, to: to as ReadonlyMap<number, number>, deletions, ...(collected === undefined ? {} : { collected }) };
}
