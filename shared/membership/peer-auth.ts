/**
 * Every connection starts by both ends proving who they are, before either
 * sends the other anything of the workspace (the mesh sync starts only once
 * the other end is proven). Each end proves two things: it holds the private
 * key of a member identity, and that identity belongs to the workspace (or,
 * for a newcomer, it holds an invite a member issued, and the member it talks
 * to admits it; workspace-membership.ts decides both).
 *
 * The proof is a signature over a transcript bound to this one connection:
 * both ends' fresh nonces and both ends' DTLS certificate fingerprints as
 * each end sees them in its SDP. A relay in the middle (Mallory connected to
 * Alice and to Bob, passing Bob's proof on to Alice) fails, because Bob
 * signed the fingerprints of his connection to Mallory, not Alice's.
 *
 * Wire format, version 1 (first byte TAG, so it is told apart from the mesh
 * sync's messages, whose first byte is 83):
 *
 *   [TAG=75][version=1][kind][UTF-8 JSON body]
 *
 *   kind 1 challenge  { nonce }                       32 random bytes, base64url
 *   kind 2 proof      { as, member, signature, chain?, invite? }
 *                     as 'member':   chain = membership records (texts) that
 *                                    prove `member` to a peer that lacks them
 *                     as 'newcomer': invite = the invite code it joined with
 *                     as 'open':     a workspace from before proven membership
 *                                    (no founder known); no signature check
 *   kind 3 admitted   { record }                      the admission the
 *                                    verifier signed for a newcomer
 *   kind 4 refused    { reason }                      then the sender closes
 *   kind 5 rotated    { records }                     the rotation and its removals
 *                                    (key-rotation.ts) that a lobby on an old
 *                                    key hands a proven member who was away
 *
 * transcript = UTF-8 of the lines
 *   "stroomkring peer-auth 1", room, prover fingerprint, verifier fingerprint,
 *   prover nonce, verifier nonce, JSON of `member`
 */
import { z } from 'zod';
import { toBase64Url } from '../crypto/base64url';
import { MemberRefSchema, type MemberRef } from './membership-record';
import { StroomkringError } from '../errors/stroomkring-error';

export const AUTH_TAG = 75;
export const AUTH_VERSION = 1;
const NONCE_BYTES = 32;
/** A proof holds a chain of records, each under 2 kB; a region's invite tree is not deeper than this. */
const MAX_CHAIN = 64;
/** A rotation names at most this many removals (membership-record.ts), plus itself. */
const MAX_ROTATION_RECORDS = 201;

export const REFUSAL_REASONS = ['notMember', 'badProof', 'inviteUsed', 'inviteExpired', 'inviteRevoked', 'inviteInvalid', 'otherWorkspace', 'noMemberHere', 'otherVersion', 'timeout', 'removed'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

const ProofSchema = z.discriminatedUnion('as', [
  z.object({ as: z.literal('member'), member: MemberRefSchema, signature: z.string().max(200), chain: z.array(z.string().max(2000)).max(MAX_CHAIN) }),
  z.object({ as: z.literal('newcomer'), member: MemberRefSchema, signature: z.string().max(200), invite: z.string().max(4000) }),
  z.object({ as: z.literal('open'), member: MemberRefSchema }),
]);
export type Proof = z.infer<typeof ProofSchema>;

const BODY_SCHEMAS = {
  1: z.object({ nonce: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }),
  2: ProofSchema,
  3: z.object({ record: z.string().max(2000) }),
  4: z.object({ reason: z.enum(REFUSAL_REASONS) }),
  // The rotation (one sealed key per member, membership-record.ts) and the removals it names.
  5: z.object({ records: z.array(z.string().max(160_000)).max(MAX_ROTATION_RECORDS) }),
} as const;

export type AuthMessage =
  | { kind: 'challenge'; nonce: string }
  | { kind: 'proof'; proof: Proof }
  | { kind: 'admitted'; record: string }
  | { kind: 'refused'; reason: RefusalReason }
  | { kind: 'rotated'; records: string[] };

const KIND_NUMBER = { challenge: 1, proof: 2, admitted: 3, refused: 4, rotated: 5 } as const;

export class AuthWireError extends StroomkringError {
  override readonly name = 'AuthWireError';
  constructor(
    readonly problem: 'notAuth' | 'otherVersion' | 'malformed',
    detail: string,
  ) {
    super(`Peer auth message ${problem}: ${detail}`);
  }
}

export function isAuthMessage(bytes: Uint8Array): boolean {
  return bytes[0] === AUTH_TAG;
}

export function encodeAuthMessage(message: AuthMessage): Uint8Array {
  const { kind, ...body } = message;
  const json = new TextEncoder().encode(JSON.stringify(kind === 'proof' ? message.proof : body));
  const bytes = new Uint8Array(3 + json.length);
  bytes.set([AUTH_TAG, AUTH_VERSION, KIND_NUMBER[kind]]);
  bytes.set(json, 3);
  return bytes;
}

export function decodeAuthMessage(bytes: Uint8Array): AuthMessage {
  if (bytes[0] !== AUTH_TAG) throw new AuthWireError('notAuth', `first byte ${bytes[0]}`);
  if (bytes[1] !== AUTH_VERSION) throw new AuthWireError('otherVersion', `version ${bytes[1]}`);
  const kind = bytes[2] as keyof typeof BODY_SCHEMAS;
  const schema = BODY_SCHEMAS[kind];
  if (!schema) throw new AuthWireError('malformed', `kind ${String(kind)}`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)));
  } catch {
    throw new AuthWireError('malformed', 'body is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AuthWireError('malformed', parsed.error.issues[0]?.message ?? 'body does not match');
  switch (kind) {
    case 1:
      return { kind: 'challenge', nonce: (parsed.data as { nonce: string }).nonce };
    case 2:
      return { kind: 'proof', proof: parsed.data as Proof };
    case 3:
      return { kind: 'admitted', record: (parsed.data as { record: string }).record };
    case 5:
      return { kind: 'rotated', records: (parsed.data as { records: string[] }).records };
    default:
      return { kind: 'refused', reason: (parsed.data as { reason: RefusalReason }).reason };
  }
}

export function newNonce(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(NONCE_BYTES)));
}

export interface TranscriptParts {
  readonly room: string;
  readonly proverFingerprint: string;
  readonly verifierFingerprint: string;
  readonly proverNonce: string;
  readonly verifierNonce: string;
  readonly member: MemberRef;
}

export function transcript(parts: TranscriptParts): Uint8Array {
  const { room, proverFingerprint, verifierFingerprint, proverNonce, verifierNonce, member } = parts;
  return new TextEncoder().encode(['stroomkring peer-auth 1', room, proverFingerprint, verifierFingerprint, proverNonce, verifierNonce, JSON.stringify(member)].join('\n'));
}

/** The DTLS certificate fingerprint an SDP names (`a=fingerprint:sha-256 AB:CD:…`), lower-cased; null when there is none. */
export function sdpFingerprint(sdp: string | undefined): string | null {
  const match = sdp?.match(/^a=fingerprint:(\S+) ([0-9A-Fa-f:]+)\s*$/m);
  return match ? `${(match[1] as string).toLowerCase()} ${(match[2] as string).toLowerCase()}` : null;
}
