/**
 * The mesh sync wire format, version 2: every message on a peer's sync data
 * channel (beneath it, the framing layer splits and reassembles; above it,
 * nothing else is sent). All integers are lib0 varUints, byte strings are
 * lib0 varUint8Arrays (length, then bytes).
 *
 *   message   = TAG(83) VERSION(1) kind payload
 *   kind 1  HELLO            snapshot digest degree         sent once when a link opens; snapshot: the sender's state
 *                            origin                         vector and delete set (Y.encodeSnapshot); origin is its
 *                                                           broadcast origin (its Yjs and awareness client id)
 *   kind 2  BROADCAST        channel origin seq payload     channel 0: a document change (a signed change, see
 *                                                           shared/sync/signed-changes, or a bare Yjs update where
 *                                                           no signing is set up), 1: an awareness update;
 *                                                           (origin, seq) names it room-wide; forwarded unchanged
 *   kind 3  IHAVE            count (origin seq)*            "I have these broadcasts" (lazy push, batched)
 *   kind 4  GRAFT            origin seq                     "send me that one, and push to me eagerly from now on"
 *   kind 5  PRUNE            origin                         "you sent me a duplicate of origin's: push its broadcasts to me lazily"
 *   kind 6  STATE_REQUEST    snapshot                       "send me what I lack": answered by STATE_REPLY
 *   kind 7  STATE_REPLY      stateVector count change*      the changes the requester lacks (as in BROADCAST), and the
 *                                                           sender's state vector
 *
 * Version 1 sent state vectors only and one merged update per reply: a merged
 * update cannot carry its authors' signatures, and a state vector does not say
 * which deletions the other end lacks.
 *   kind 8  DIGEST           digest degree                  the sender's state digest changed (throttled)
 *   kind 9  AWARENESS_STATE  update                         every presence the sender knows (sent when a link opens)
 *
 * A message whose first number is not TAG is not ours (a stock y-webrtc
 * peer sends 0–4 there); one with another VERSION is refused by name, so the
 * user can be told that a partner runs another version.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { errorDetail, StroomkringError } from '../../errors/stroomkring-error';

export const MESH_TAG = 83;
export const MESH_VERSION = 2;

/** A broadcast carries a Yjs document update or an awareness update. */
export const Channel = { Doc: 0, Awareness: 1 } as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

export interface BroadcastId {
  /** The originating peer's id for the room (its Yjs client id). */
  readonly origin: number;
  /** Counts up per origin, over both channels. */
  readonly seq: number;
}

export interface Broadcast extends BroadcastId {
  readonly channel: Channel;
  readonly payload: Uint8Array;
}

export type MeshMessage =
  | { kind: 'hello'; snapshot: Uint8Array; digest: Uint8Array; degree: number; origin: number }
  | ({ kind: 'broadcast' } & Broadcast)
  | { kind: 'ihave'; ids: BroadcastId[] }
  | ({ kind: 'graft' } & BroadcastId)
  | { kind: 'prune'; origin: number }
  | { kind: 'stateRequest'; snapshot: Uint8Array }
  | { kind: 'stateReply'; stateVector: Uint8Array; changes: Uint8Array[] }
  | { kind: 'digest'; digest: Uint8Array; degree: number }
  | { kind: 'awarenessState'; update: Uint8Array };

const KIND_CODES = { hello: 1, broadcast: 2, ihave: 3, graft: 4, prune: 5, stateRequest: 6, stateReply: 7, digest: 8, awarenessState: 9 } as const;

/** More changes than this in one STATE_REPLY is not an honest reply (the sender splits longer ones). */
export const MAX_REPLY_CHANGES = 100_000;

/** More ids than this in one IHAVE is not an honest batch (a flush carries what arrived in IHAVE_FLUSH_MS). */
export const MAX_IHAVE_IDS = 4096;

export type MeshWireProblem = 'notMesh' | 'otherVersion' | 'malformed';

export class MeshWireError extends StroomkringError {
  override readonly name = 'MeshWireError';
  constructor(
    readonly problem: MeshWireProblem,
    message: string,
    /** With otherVersion: the version the peer speaks. */
    readonly version?: number,
  ) {
    super(message);
  }
}

export const broadcastKey = (id: BroadcastId): string => `${id.origin}:${id.seq}`;

export function encodeMeshMessage(message: MeshMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESH_TAG);
  encoding.writeVarUint(e, MESH_VERSION);
  encoding.writeVarUint(e, KIND_CODES[message.kind]);
  switch (message.kind) {
    case 'hello':
      encoding.writeVarUint8Array(e, message.snapshot);
      encoding.writeVarUint8Array(e, message.digest);
      encoding.writeVarUint(e, message.degree);
      encoding.writeVarUint(e, message.origin);
      break;
    case 'broadcast':
      encoding.writeVarUint(e, message.channel);
      encoding.writeVarUint(e, message.origin);
      encoding.writeVarUint(e, message.seq);
      encoding.writeVarUint8Array(e, message.payload);
      break;
    case 'ihave':
      encoding.writeVarUint(e, message.ids.length);
      for (const id of message.ids) {
        encoding.writeVarUint(e, id.origin);
        encoding.writeVarUint(e, id.seq);
      }
      break;
    case 'graft':
      encoding.writeVarUint(e, message.origin);
      encoding.writeVarUint(e, message.seq);
      break;
    case 'stateRequest':
      encoding.writeVarUint8Array(e, message.snapshot);
      break;
    case 'stateReply':
      encoding.writeVarUint8Array(e, message.stateVector);
      encoding.writeVarUint(e, message.changes.length);
      for (const change of message.changes) encoding.writeVarUint8Array(e, change);
      break;
    case 'digest':
      encoding.writeVarUint8Array(e, message.digest);
      encoding.writeVarUint(e, message.degree);
      break;
    case 'awarenessState':
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'prune':
      encoding.writeVarUint(e, message.origin);
      break;
  }
  return encoding.toUint8Array(e);
}

/** Reads one message; throws MeshWireError (never anything else) for bytes that are not a valid message. */
export function decodeMeshMessage(bytes: Uint8Array): MeshMessage {
  const d = decoding.createDecoder(bytes);
  try {
    const tag = decoding.readVarUint(d);
    if (tag !== MESH_TAG) throw new MeshWireError('notMesh', `not a mesh sync message (starts with ${tag})`);
    const version = decoding.readVarUint(d);
    if (version !== MESH_VERSION) throw new MeshWireError('otherVersion', `mesh sync version ${version}, this app speaks ${MESH_VERSION}`, version);
    const message = readBody(d, decoding.readVarUint(d));
    if (decoding.hasContent(d)) throw new MeshWireError('malformed', 'bytes after the end of the message');
    return message;
  } catch (error) {
    if (error instanceof MeshWireError) throw error;
    throw new MeshWireError('malformed', `cut off or damaged message (${errorDetail(error)})`);
  }
}

function readBody(d: decoding.Decoder, code: number): MeshMessage {
  switch (code) {
    case KIND_CODES.hello:
      return { kind: 'hello', snapshot: decoding.readVarUint8Array(d), digest: decoding.readVarUint8Array(d), degree: decoding.readVarUint(d), origin: decoding.readVarUint(d) };
    case KIND_CODES.broadcast: {
      const channel = decoding.readVarUint(d);
      if (channel !== Channel.Doc && channel !== Channel.Awareness) throw new MeshWireError('malformed', `unknown broadcast channel ${channel}`);
      return { kind: 'broadcast', channel, origin: decoding.readVarUint(d), seq: decoding.readVarUint(d), payload: decoding.readVarUint8Array(d) };
    }
    case KIND_CODES.ihave: {
      const count = decoding.readVarUint(d);
      if (count > MAX_IHAVE_IDS) throw new MeshWireError('malformed', `IHAVE with ${count} ids`);
      const ids: BroadcastId[] = [];
      for (let i = 0; i < count; i++) ids.push({ origin: decoding.readVarUint(d), seq: decoding.readVarUint(d) });
      return { kind: 'ihave', ids };
    }
    case KIND_CODES.graft:
      return { kind: 'graft', origin: decoding.readVarUint(d), seq: decoding.readVarUint(d) };
    case KIND_CODES.prune:
      return { kind: 'prune', origin: decoding.readVarUint(d) };
    case KIND_CODES.stateRequest:
      return { kind: 'stateRequest', snapshot: decoding.readVarUint8Array(d) };
    case KIND_CODES.stateReply: {
      const stateVector = decoding.readVarUint8Array(d);
      const count = decoding.readVarUint(d);
      if (count > MAX_REPLY_CHANGES) throw new MeshWireError('malformed', `STATE_REPLY with ${count} changes`);
      const changes: Uint8Array[] = [];
      for (let i = 0; i < count; i++) changes.push(decoding.readVarUint8Array(d));
      return { kind: 'stateReply', stateVector, changes };
    }
    case KIND_CODES.digest:
      return { kind: 'digest', digest: decoding.readVarUint8Array(d), degree: decoding.readVarUint(d) };
    case KIND_CODES.awarenessState:
      return { kind: 'awarenessState', update: decoding.readVarUint8Array(d) };
    default:
      throw new MeshWireError('malformed', `unknown message kind ${code}`);
  }
}
