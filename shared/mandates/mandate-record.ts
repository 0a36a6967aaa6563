/**
 * Mandates: who may speak for an organisation on goals. A mandate is granted,
 * not claimed (issue 12, item 6): every grant, confirmation and revocation is
 * a record signed with the member's own Ed25519 key, and who holds a mandate
 * is a function of the set of records (mandate-state.ts), never of a name or
 * field a writer fills in.
 *
 * Wire format, version 1 (the envelope of shared/invite/signed-code.ts, as
 * membership records, under its own prefix):
 *
 *   SKD1.<payload>.<signature>
 *
 * payload    base64url of the UTF-8 JSON of a MandatePayload
 * signature  Ed25519 by `signer` (raw public key, base64url) over the payload
 *
 *   { v: 1, kind, workspaceId, organisationId, subject, signer, at, grant? }
 *
 * Kinds:
 *   granted    `signer` gives `subject` (the holder's public key) the mandate
 *              for `organisationId`.
 *   confirmed  `signer` confirms the grant whose record id is `grant`: the
 *              second member's signature a grant by anyone but the
 *              organisation's administrator needs.
 *   revoked    `signer` takes `subject`'s mandate for `organisationId` back.
 *
 * The holder is named by key, not by member id or name, because a stance
 * counts only when signed with that very key (adoption.ts); the member id is
 * derived from it (memberIdOfKey).
 *
 * Where records live: the workspace document's `mandates` map, one key per
 * record (its recordId, the first 16 bytes of SHA-256 over its text, hex),
 * added only, like the membership root. Why: concurrent grants, confirmations
 * and revocations on two devices are then two keys and both survive; an
 * overwritten or deleted key would lose a signature. Revoking is a record too,
 * and the reader decides (a revocation at or after a grant wins).
 *
 * Entries from before signed mandates (key `["orgId","memberId"]`, an object
 * naming the holder and `grantedBy`) are read as "niet bevestigd": in a
 * workspace with proven membership they do not count (anyone could have
 * written them for themselves), in an open workspace (before proven
 * membership, no member list to check a signer against) they still count as
 * they did, shown as not confirmed. See mandate-state.ts for the rules.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { fromBase64Url, toBase64Url } from '../crypto/base64url';
import { decodeSignedCode, encodeSignedCode, SignedCodeError, type SignedCodeFormat } from '../invite/signed-code';
import { PublicKeyTextSchema, recordId } from '../membership/membership-record';
import { StroomkringError } from '../errors/stroomkring-error';

export const MANDATE_RECORD_PREFIX = 'SKD1';
/** Two keys, two ids and a record id: far below this. */
const MAX_RECORD_LENGTH = 4_000;

const Id = z.string().min(1).max(64);
const Common = {
  v: z.literal(1),
  workspaceId: Id,
  organisationId: Id,
  subject: PublicKeyTextSchema,
  signer: PublicKeyTextSchema,
  at: z.number().int().nonnegative(),
};

export const MandatePayloadSchema = z.discriminatedUnion('kind', [
  z.object({ ...Common, kind: z.literal('granted') }),
  z.object({ ...Common, kind: z.literal('confirmed'), grant: z.string().regex(/^[0-9a-f]{32}$/) }),
  z.object({ ...Common, kind: z.literal('revoked') }),
]);
export type MandatePayload = z.infer<typeof MandatePayloadSchema>;
export type MandateRecordKind = MandatePayload['kind'];

/** A record whose signature was checked, with the text it came in and its id (its key in the map). */
export type VerifiedMandateRecord = MandatePayload & { readonly text: string; readonly id: string };

export class MandateRecordError extends StroomkringError {
  override readonly name = 'MandateRecordError';
  constructor(
    readonly problem: 'unreadable' | 'badSignature' | 'unsupportedVersion',
    detail: string,
  ) {
    super(`Mandate record ${problem}: ${detail}`);
  }
}

const FORMAT: SignedCodeFormat<MandatePayload> = {
  prefix: MANDATE_RECORD_PREFIX,
  schema: MandatePayloadSchema,
  maxLength: MAX_RECORD_LENGTH,
  classifyPrefix: (prefix) => (prefix?.startsWith('SKD') ? 'unsupportedVersion' : 'notACode'),
  publicKeyOf: (payload) => payload.signer,
};

export { recordId as mandateRecordId };

export async function signMandateRecord(payload: MandatePayload, privateKey: CryptoKey): Promise<VerifiedMandateRecord> {
  const text = await encodeSignedCode(FORMAT, payload, privateKey);
  return { ...MandatePayloadSchema.parse(payload), text, id: recordId(text) };
}

/** Reads and checks one record; throws MandateRecordError saying what is wrong. */
export async function verifyMandateRecord(text: unknown): Promise<VerifiedMandateRecord> {
  if (typeof text !== 'string') throw new MandateRecordError('unreadable', `a ${typeof text}, not a record`);
  try {
    return { ...(await decodeSignedCode(FORMAT, text)), text, id: recordId(text) };
  } catch (error) {
    if (!(error instanceof SignedCodeError)) throw error;
    const problem = error.problem === 'tampered' ? 'badSignature' : error.problem === 'unsupportedVersion' ? 'unsupportedVersion' : 'unreadable';
    throw new MandateRecordError(problem, error.message);
  }
}

/** Record text → its check; texts are immutable, so each is verified once per session (the goal views recompute per keystroke). */
const verified = new Map<string, Promise<VerifiedMandateRecord | MandateRecordError>>();
/** Far above any workspace's mandate records; bounds what a hostile peer's flood of records keeps in memory. */
const MAX_CACHED = 5_000;

/** verifyMandateRecord, remembered; never rejects (the error is the value). */
export function checkMandateRecord(text: string): Promise<VerifiedMandateRecord | MandateRecordError> {
  let check = verified.get(text);
  if (check === undefined) {
    check = verifyMandateRecord(text).catch((error: unknown) => (error instanceof MandateRecordError ? error : new MandateRecordError('unreadable', String(error))));
    if (verified.size >= MAX_CACHED) verified.clear();
    verified.set(text, check);
  }
  return check;
}

/**
 * The payload of a record without checking its signature: for the write
 * rules, which run synchronously on every received change. They compare its
 * signer with the change's signer, whose signature over the whole change
 * (record included) is already checked; the readers check the record's own.
 */
export function peekMandatePayload(text: unknown): MandatePayload | undefined {
  if (typeof text !== 'string' || text.length > MAX_RECORD_LENGTH) return undefined;
  const [prefix, payload, signature, extra] = text.split('.');
  if (prefix !== MANDATE_RECORD_PREFIX || payload === undefined || signature === undefined || extra !== undefined) return undefined;
  try {
    const parsed = MandatePayloadSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(payload))));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A member's id from their public key, as identity-keys.memberIdFromPublicKey computes it, but synchronous (the resolver is pure). */
export function memberIdOfKey(publicKey: string): string {
  return toBase64Url(sha256(fromBase64Url(publicKey)).slice(0, 16));
}
