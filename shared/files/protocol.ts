/**
 * The file channel's wire format: one data channel per peer connection, of
 * its own (not the Yjs document's), carrying two kinds of message.
 *
 * Control messages are text frames holding one JSON object, at most
 * MAX_CONTROL_BYTES long:
 *
 *   {"t":"hello","v":1,"peer":<id>,"reply":<bool>}
 *                                        first message each way; `peer` names the sending
 *                                        device for this session. A hello with reply false is
 *                                        repeated until any hello arrives (the other side may
 *                                        not have opened its end yet) and answered with a
 *                                        hello with reply true, each followed by a `have`
 *   {"t":"have","reset":<bool>,"hashes":[<sha256 hex>, …]}
 *                                        files the sender holds complete and that the
 *                                        library of this connection refers to; reset
 *                                        replaces the set announced so far, otherwise adds;
 *                                        at most MAX_HAVE_HASHES per message
 *   {"t":"want","hash":<hex>,"from":<n>,"count":<n>}
 *                                        the receiver asks for pieces from..from+count-1
 *                                        (count at most MAX_WANT_PIECES)
 *   {"t":"stop","hash":<hex>}            the receiver wants nothing more of this file
 *   {"t":"none","hash":<hex>}            the sender will not serve this file (does not
 *                                        hold it complete, or the library does not refer to it)
 *
 * Piece messages are binary frames:
 *
 *   byte 0        PIECE_TAG (0x50, "P")
 *   byte 1        PROTOCOL_VERSION (1)
 *   bytes 2..33   the file's SHA-256, raw
 *   bytes 34..37  piece index, uint32 big-endian
 *   bytes 38..    the piece's bytes: PIECE_BYTES, the last piece the rest (never empty)
 *
 * A whole piece message is PIECE_HEADER_BYTES + PIECE_BYTES ≤ 256 KiB,
 * Chromium's limit for one data-channel message. Pieces of a file are sent in
 * the order asked, on an ordered reliable channel. Anything else — bad JSON,
 * unknown type, wrong lengths — decodes to a problem that the receiver logs
 * and drops.
 */
import { z } from 'zod';
import { PIECE_BYTES } from './chunking';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

export const PROTOCOL_VERSION = 1;
export const PIECE_TAG = 0x50;
export const PIECE_HEADER_BYTES = 38;
/** Control messages are small; a longer text frame is a misbehaving peer. */
export const MAX_CONTROL_BYTES = 64 * 1024;
/** 512 hashes of 67 JSON bytes each stay well under MAX_CONTROL_BYTES. */
export const MAX_HAVE_HASHES = 512;
/** A receiver's window is far smaller; a larger ask is refused rather than queued. */
export const MAX_WANT_PIECES = 1024;
/** The negotiated id of the file channel on every peer connection; far from the low ids the sync channel gets. */
export const FILE_CHANNEL_ID = 777;
export const FILE_CHANNEL_LABEL = 'stroomkring-files';

const Hash = z.string().regex(/^[0-9a-f]{64}$/);
const PieceIndex = z.number().int().nonnegative().max(0xffffffff);

const ControlSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello'), v: z.literal(PROTOCOL_VERSION), peer: z.string().min(1).max(64), reply: z.boolean() }),
  z.object({ t: z.literal('have'), reset: z.boolean(), hashes: z.array(Hash).max(MAX_HAVE_HASHES) }),
  z.object({ t: z.literal('want'), hash: Hash, from: PieceIndex, count: z.number().int().min(1).max(MAX_WANT_PIECES) }),
  z.object({ t: z.literal('stop'), hash: Hash }),
  z.object({ t: z.literal('none'), hash: Hash }),
]);

export type ControlMessage = z.infer<typeof ControlSchema>;
export interface PieceMessage {
  readonly t: 'piece';
  readonly hash: string;
  readonly index: number;
  readonly data: Uint8Array;
}
export type FileMessage = ControlMessage | PieceMessage;
export type Decoded = { readonly ok: true; readonly message: FileMessage } | { readonly ok: false; readonly problem: string };

export function encodeControl(message: ControlMessage): string {
  return JSON.stringify(message);
}

/** `have` messages announcing `hashes`, split so each stays under the size limit; an empty set is one reset. */
export function encodeHave(hashes: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i === 0 || i < hashes.length; i += MAX_HAVE_HASHES) {
    out.push(encodeControl({ t: 'have', reset: i === 0, hashes: hashes.slice(i, i + MAX_HAVE_HASHES) }));
  }
  return out;
}

export function encodePiece(hash: string, index: number, data: Uint8Array): Uint8Array<ArrayBuffer> {
  if (data.byteLength === 0 || data.byteLength > PIECE_BYTES) throw new RangeError(`piece of ${data.byteLength} bytes`);
  const out = new Uint8Array(PIECE_HEADER_BYTES + data.byteLength);
  out[0] = PIECE_TAG;
  out[1] = PROTOCOL_VERSION;
  out.set(hexToBytes(hash), 2);
  new DataView(out.buffer).setUint32(34, index);
  out.set(data, PIECE_HEADER_BYTES);
  return out;
}

function decodeControl(text: string): Decoded {
  if (text.length > MAX_CONTROL_BYTES) return { ok: false, problem: `control message of ${text.length} characters` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'control message is not JSON' };
  }
  const parsed = ControlSchema.safeParse(json);
  return parsed.success ? { ok: true, message: parsed.data } : { ok: false, problem: `control message rejected: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
}

function decodePiece(bytes: Uint8Array): Decoded {
  if (bytes.byteLength <= PIECE_HEADER_BYTES) return { ok: false, problem: `binary message of ${bytes.byteLength} bytes is too short` };
  if (bytes.byteLength > PIECE_HEADER_BYTES + PIECE_BYTES) return { ok: false, problem: `piece message of ${bytes.byteLength} bytes is too long` };
  if (bytes[0] !== PIECE_TAG) return { ok: false, problem: `unknown binary message tag ${bytes[0]}` };
  if (bytes[1] !== PROTOCOL_VERSION) return { ok: false, problem: `unknown protocol version ${bytes[1]}` };
  const index = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(34);
  return { ok: true, message: { t: 'piece', hash: bytesToHex(bytes.subarray(2, 34)), index, data: bytes.subarray(PIECE_HEADER_BYTES) } };
}

/** Decodes one frame as it came off the channel; never throws. */
export function decodeMessage(data: unknown): Decoded {
  if (typeof data === 'string') return decodeControl(data);
  if (data instanceof ArrayBuffer) return decodePiece(new Uint8Array(data));
  if (ArrayBuffer.isView(data)) return decodePiece(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return { ok: false, problem: `unexpected frame type ${Object.prototype.toString.call(data)}` };
}
