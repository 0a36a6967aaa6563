/**
 * A signed change: one Yjs update with the member who made it, so every
 * peer it reaches (directly, relayed, or in a catch-up much later) can check
 * who wrote it and whether they were allowed to (signed-change-log.ts).
 * Wire format, version 1 (lib0 encoding; integers varUint, strings
 * varString, bytes varUint8Array):
 *
 *   change    = TAG(67) VERSION(1) kind documentId signer at update signature
 *   kind      0: made just now; 1: a baseline (what this device held that no
 *             signed change covered, e.g. a workspace from before signing);
 *             2: a checkpoint (the founder's whole document, which stands
 *             in for the changes it covers: signed-change-log.ts)
 *   signer    the member's Ed25519 public key, raw, base64url
 *   at        the signer's clock, ms
 *   signature Ed25519 over DOMAIN ‖ every byte before the signature
 *
 * The document id (workspace or room id) is signed with it, so a change
 * cannot be replayed into another workspace or room.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { errorDetail, StroomkringError } from '../../errors/stroomkring-error';

export const CHANGE_TAG = 67;
export const CHANGE_VERSION = 1;
const DOMAIN = new TextEncoder().encode('stroomkring signed change v1\n');

export type ChangeKind = 'change' | 'baseline' | 'checkpoint';
const KIND_CODES: Record<ChangeKind, number> = { change: 0, baseline: 1, checkpoint: 2 };

export interface SignedChange {
  readonly kind: ChangeKind;
  readonly documentId: string;
  readonly signer: string;
  readonly at: number;
  readonly update: Uint8Array;
  readonly signature: Uint8Array;
  /** The bytes the signature covers. */
  readonly signed: Uint8Array;
}

export class ChangeFormatError extends StroomkringError {
  override readonly name = 'ChangeFormatError';
  constructor(
    readonly problem: 'notChange' | 'otherVersion' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

function withDomain(prefix: Uint8Array): Uint8Array {
  const out = new Uint8Array(DOMAIN.length + prefix.length);
  out.set(DOMAIN);
  out.set(prefix, DOMAIN.length);
  return out;
}

/** Encodes a change and signs it with `sign`. */
export async function sealChange(fields: Omit<SignedChange, 'signature' | 'signed'>, sign: (message: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, CHANGE_TAG);
  encoding.writeVarUint(e, CHANGE_VERSION);
  encoding.writeVarUint(e, KIND_CODES[fields.kind]);
  encoding.writeVarString(e, fields.documentId);
  encoding.writeVarString(e, fields.signer);
  encoding.writeVarUint(e, fields.at);
  encoding.writeVarUint8Array(e, fields.update);
  const prefix = encoding.toUint8Array(e);
  const signature = await sign(withDomain(prefix));
  const out = encoding.createEncoder();
  encoding.writeUint8Array(out, prefix);
  encoding.writeVarUint8Array(out, signature);
  return encoding.toUint8Array(out);
}

/** Reads a change (the signature is checked by the caller); throws ChangeFormatError only. */
export function openChange(bytes: Uint8Array): SignedChange {
  const d = decoding.createDecoder(bytes);
  try {
    const tag = decoding.readVarUint(d);
    if (tag !== CHANGE_TAG) throw new ChangeFormatError('notChange', `not a signed change (starts with ${tag})`);
    const version = decoding.readVarUint(d);
    if (version !== CHANGE_VERSION) throw new ChangeFormatError('otherVersion', `signed change version ${version}, this app reads ${CHANGE_VERSION}`);
    const kindCode = decoding.readVarUint(d);
    const kind = (Object.keys(KIND_CODES) as ChangeKind[]).find((k) => KIND_CODES[k] === kindCode);
    if (!kind) throw new ChangeFormatError('malformed', `unknown change kind ${kindCode}`);
    const documentId = decoding.readVarString(d);
    const signer = decoding.readVarString(d);
    const at = decoding.readVarUint(d);
    const update = decoding.readVarUint8Array(d);
    const signedEnd = d.pos;
    const signature = decoding.readVarUint8Array(d);
    if (decoding.hasContent(d)) throw new ChangeFormatError('malformed', 'bytes after the end of the change');
    return { kind, documentId, signer, at, update, signature, signed: withDomain(bytes.subarray(0, signedEnd)) };
  } catch (error) {
    if (error instanceof ChangeFormatError) throw error;
    throw new ChangeFormatError('malformed', `cut off or damaged change (${errorDetail(error)})`);
  }
}
