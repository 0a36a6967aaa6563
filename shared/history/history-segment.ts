/**
 * Kept changes a checkpoint stands in for (signed-change-log.ts) live on as
 * history in segments: one per compaction, oldest changes first. Sync no
 * longer needs them, so what only sync needed goes: the signatures (checked
 * when the changes arrived; the founder's checkpoint now proves the state)
 * and the document id and signer keys repeated in every change. The rest is
 * deflated (fflate), as cold data read only when the history opens: a
 * change's Yjs update repeats root, record and field names that LevelDB's
 * Snappy over 4 KiB blocks would mostly keep.
 *
 * Layout, version 1 (lib0 encoding; integers varUint, strings varString,
 * bytes varUint8Array):
 *
 *   segment = TAG(72) VERSION(1) deflate(body)
 *   body    = documentId signerCount signer* count kind* flags* signerIndex*
 *             atStep* update*          (each column `count` long, in order)
 *   kind    as in change-envelope.ts (0 change, 1 baseline, 2 checkpoint)
 *   flags   1: refused on receive (its update is the change's, never applied)
 *   atStep  varInt: the signer's clock (ms) minus the previous entry's (the
 *           first: minus 0), so nearby times take a byte or two
 *
 * Columns, not records: deflate finds the repeats within a column (signer
 * indexes, small time steps, updates that name the same roots and fields).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { deflateSync, inflateSync } from 'fflate';
import { ChangeFormatError, openChange, type ChangeKind } from '../sync/signed-changes/change-envelope';
import type { StoredChange } from '../sync/signed-changes/signed-change-log';
import { errorDetail, StroomkringError } from '../errors/stroomkring-error';

export const SEGMENT_TAG = 72;
export const SEGMENT_VERSION = 1;
const FLAG_REFUSED = 1;
const KINDS: readonly ChangeKind[] = ['change', 'baseline', 'checkpoint'];

/** One change as the history reads it: who, when, what kind, and its update. */
export interface HistoryChange {
  readonly kind: ChangeKind;
  readonly signer: string;
  /** The signer's clock when it signed, ms. */
  readonly at: number;
  readonly refused: boolean;
  readonly update: Uint8Array;
}

export class HistorySegmentError extends StroomkringError {
  override readonly name = 'HistorySegmentError';
  constructor(
    readonly problem: 'notSegment' | 'otherVersion' | 'otherDocument' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

/** Kept signed changes as history: opened, another document's left out, one that does not open skipped (warned). */
export function historyChangesOf(stored: readonly StoredChange[], documentId: string, warn: (message: string, detail?: unknown) => void = () => {}): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const { bytes, refused } of stored) {
    try {
      const change = openChange(bytes);
      if (change.documentId === documentId) changes.push({ kind: change.kind, signer: change.signer, at: change.at, refused: refused === true, update: change.update });
    } catch (error) {
      warn(`history: a kept change does not open (${error instanceof ChangeFormatError ? error.problem : 'damaged'})`, error);
    }
  }
  return changes;
}

/** The segment a compaction keeps of the changes it drops (signed-change-log.ts), or none: a checkpoint that restates the changes before it is no history. */
export function historySegmentOf(documentId: string, covered: readonly StoredChange[]): Uint8Array | undefined {
  const history = covered.filter((change) => !change.restates);
  return history.length > 0 ? encodeHistorySegment(documentId, historyChangesOf(history, documentId)) : undefined;
}

export function encodeHistorySegment(documentId: string, changes: readonly HistoryChange[]): Uint8Array {
  const signers = [...new Set(changes.map((c) => c.signer))];
  const index = new Map(signers.map((signer, i) => [signer, i]));
  const body = encoding.createEncoder();
  encoding.writeVarString(body, documentId);
  encoding.writeVarUint(body, signers.length);
  for (const signer of signers) encoding.writeVarString(body, signer);
  encoding.writeVarUint(body, changes.length);
  for (const change of changes) encoding.writeVarUint(body, KINDS.indexOf(change.kind));
  for (const change of changes) encoding.writeVarUint(body, change.refused ? FLAG_REFUSED : 0);
  for (const change of changes) encoding.writeVarUint(body, index.get(change.signer) ?? 0);
  let previous = 0;
  for (const change of changes) {
    encoding.writeVarInt(body, change.at - previous);
    previous = change.at;
  }
  for (const change of changes) encoding.writeVarUint8Array(body, change.update);
  const out = encoding.createEncoder();
  encoding.writeVarUint(out, SEGMENT_TAG);
  encoding.writeVarUint(out, SEGMENT_VERSION);
  encoding.writeUint8Array(out, deflateSync(encoding.toUint8Array(body), { level: 6 }));
  return encoding.toUint8Array(out);
}

/** Reads a segment of `documentId`; throws HistorySegmentError only. */
export function decodeHistorySegment(bytes: Uint8Array, documentId: string): HistoryChange[] {
  const head = decoding.createDecoder(bytes);
  let body: Uint8Array;
  try {
    const tag = decoding.readVarUint(head);
    if (tag !== SEGMENT_TAG) throw new HistorySegmentError('notSegment', `not a history segment (starts with ${tag})`);
    const version = decoding.readVarUint(head);
    if (version !== SEGMENT_VERSION) throw new HistorySegmentError('otherVersion', `history segment version ${version}, this app reads ${SEGMENT_VERSION}`);
    body = inflateSync(bytes.subarray(head.pos));
  } catch (error) {
    if (error instanceof HistorySegmentError) throw error;
    throw new HistorySegmentError('malformed', `cut off or damaged history segment (${errorDetail(error)})`);
  }
  const d = decoding.createDecoder(body);
  try {
    const id = decoding.readVarString(d);
    if (id !== documentId) throw new HistorySegmentError('otherDocument', `history segment of ${id}, not of ${documentId}`);
    const signers = Array.from({ length: decoding.readVarUint(d) }, () => decoding.readVarString(d));
    const count = decoding.readVarUint(d);
    if (count > body.length) throw new HistorySegmentError('malformed', `${count} entries in ${body.length} bytes`);
    const column = <T>(read: () => T): T[] => Array.from({ length: count }, read);
    const kinds = column(() => KINDS[decoding.readVarUint(d)]);
    const flags = column(() => decoding.readVarUint(d));
    const signerOf = column(() => signers[decoding.readVarUint(d)]);
    let at = 0;
    const times = column(() => (at += decoding.readVarInt(d)));
    const changes: HistoryChange[] = [];
    for (let i = 0; i < count; i++) {
      const [kind, signer, time] = [kinds[i], signerOf[i], times[i]];
      if (kind === undefined || signer === undefined || time === undefined || time < 0) throw new HistorySegmentError('malformed', `entry ${i + 1} names an unknown kind or signer, or a time before 1970`);
      changes.push({ kind, signer, at: time, refused: ((flags[i] ?? 0) & FLAG_REFUSED) !== 0, update: decoding.readVarUint8Array(d) });
    }
    if (decoding.hasContent(d)) throw new HistorySegmentError('malformed', 'bytes after the last entry');
    return changes;
  } catch (error) {
    if (error instanceof HistorySegmentError) throw error;
    throw new HistorySegmentError('malformed', `cut off or damaged history segment (${errorDetail(error)})`);
  }
}
