/**
 * Who belongs to a workspace, as signed records that any member can check
 * without trusting whoever relayed them. The member list (member-list.ts) is
 * a function of the set of records alone, so every peer holding the same
 * records agrees on it, whatever order they arrived in.
 *
 * Wire format, version 1 (the envelope of shared/invite/signed-code.ts):
 *
 *   SKM1.<payload>.<signature>
 *
 * payload    base64url of the UTF-8 JSON of a MembershipPayload
 * signature  Ed25519 by `signer` (raw public key, base64url) over the payload
 *
 * Kinds:
 *   founded   the workspace's first member, signed by that member. Which
 *             founder is the real one is not in the record: each device
 *             knows the founder's key from where it got the workspace (it
 *             made it, or the invite it used names it), so a founded record
 *             made by anyone else is ignored.
 *   admitted  a newcomer, signed by the member who checked the newcomer's
 *             invite when the newcomer first connected (`signer`), naming the
 *             invite (`inviteId`) and who issued it (`invitedBy`). One invite
 *             admits one person: of several admissions under one invite id,
 *             only the first (member-list.ts) counts.
 *   issued    an invite a member made (its id and expiry, never the code,
 *             which holds the key), so members see which invites are open.
 *   revoked   an invite taken back by whoever issued it (or the founder):
 *             no member admits anyone with it any more.
 *   adminGranted  an administrator makes `subject` one too (the founder is
 *             the first administrator).
 *   removed   an administrator removes `subject`. Whom the removed member
 *             admitted stays a member when their admission is listed in
 *             `keep` (record ids the administrator had seen): admissions the
 *             removed member signs later, or backdates, do not count.
 *
 *   boxKey    a member publishes the public half of their encryption key
 *             (X25519, shared/crypto/sealed-box.ts), signed with their
 *             signing key: what a rotated key is sealed to. The latest (by
 *             `at`, then text) of a member's own counts.
 *   rekeyed   an administrator gives `documentId` (the workspace) a new key
 *             of `generation` (one more than the last), sealed to each
 *             remaining member's encryption key (`envelopes`), with
 *             `keyCheck` (key-rotation.ts) so every member can tell it got
 *             the key the others got; `cause` names the removal records that
 *             made it necessary. Which rotation counts: key-rotation.ts.
 *
 *   deviceGranted  a person's device (`signer`: their first key or a device
 *             of theirs that counts) adds `device` as another device of
 *             `person` (the key they were admitted with), named
 *             `deviceName`. How devices count: devices.ts.
 *   deviceRemoved  `device` no longer counts as a device of `person`: signed
 *             by a device of theirs that counts, or an administrator. Grants
 *             the removed device signed stay only when listed in `keep`.
 *
 * `member` is what the newcomer said about themselves in their signed claim
 * (peer-auth.ts); the key is what is proven, the names are theirs to choose.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { fromBase64Url } from '../crypto/base64url';
import { LIMITS } from '../domain/limits';
import { decodeSignedCode, encodeSignedCode, SignedCodeError, type SignedCodeFormat } from '../invite/signed-code';
import { StroomkringError } from '../errors/stroomkring-error';

const PREFIX = 'SKM1';
/** A rotation record holds one sealed key (~180 characters) per member, up to MAX_ENVELOPES; every other kind is far smaller. */
const MAX_RECORD_LENGTH = 160_000;
/** A region has 10 to 30 organisations with a handful of members each: far below this. */
export const MAX_ENVELOPES = 500;
const RecordIdSchema = z.string().regex(/^[0-9a-f]{32}$/);

export const PublicKeyTextSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const MemberRefSchema = z.object({
  publicKey: PublicKeyTextSchema,
  displayName: z.string().min(1).max(LIMITS.displayName),
  organisationName: z.string().min(1).max(LIMITS.organisationName),
});
export type MemberRef = z.infer<typeof MemberRefSchema>;

const Common = {
  v: z.literal(1),
  workspaceId: z.string().min(1).max(64),
  signer: PublicKeyTextSchema,
  at: z.number().int().nonnegative(),
};
const InviteId = z.string().min(1).max(64);
/** A member admits a handful of people; a removal names those admissions that stay, so this is far above any real list. */
const MAX_KEPT_ADMISSIONS = 200;

export const MembershipPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ ...Common, kind: z.literal('founded'), member: MemberRefSchema }),
  z.object({ ...Common, kind: z.literal('admitted'), member: MemberRefSchema, inviteId: InviteId, invitedBy: PublicKeyTextSchema }),
  z.object({ ...Common, kind: z.literal('issued'), inviteId: InviteId, expiresAt: z.number().int().nonnegative() }),
  z.object({ ...Common, kind: z.literal('revoked'), inviteId: InviteId }),
  z.object({ ...Common, kind: z.literal('adminGranted'), subject: PublicKeyTextSchema }),
  z.object({ ...Common, kind: z.literal('removed'), subject: PublicKeyTextSchema, keep: z.array(RecordIdSchema).max(MAX_KEPT_ADMISSIONS) }),
  z.object({ ...Common, kind: z.literal('boxKey'), boxKey: PublicKeyTextSchema }),
  z.object({ ...Common, kind: z.literal('deviceGranted'), person: PublicKeyTextSchema, device: PublicKeyTextSchema, deviceName: z.string().min(1).max(LIMITS.displayName) }),
  z.object({ ...Common, kind: z.literal('deviceRemoved'), person: PublicKeyTextSchema, device: PublicKeyTextSchema, keep: z.array(RecordIdSchema).max(MAX_KEPT_ADMISSIONS) }),
  z.object({
    ...Common,
    kind: z.literal('rekeyed'),
    documentId: z.string().min(1).max(64),
    generation: z.number().int().min(1).max(1_000_000),
    keyCheck: PublicKeyTextSchema,
    cause: z.array(RecordIdSchema).max(MAX_KEPT_ADMISSIONS),
    envelopes: z.array(z.object({ to: PublicKeyTextSchema, box: z.string().min(1).max(400) })).max(MAX_ENVELOPES),
  }),
]);
export type MembershipPayload = z.infer<typeof MembershipPayloadSchema>;

/** A record whose signature was checked, with the text it came in (what is stored and sent on). */
export type VerifiedRecord = MembershipPayload & { readonly text: string };
/** The records that say who is a member. */
export type MemberRecord = Extract<VerifiedRecord, { kind: 'founded' | 'admitted' }>;
export type RekeyRecord = Extract<VerifiedRecord, { kind: 'rekeyed' }>;

export class MembershipRecordError extends StroomkringError {
  override readonly name = 'MembershipRecordError';
  constructor(
    readonly problem: 'unreadable' | 'badSignature' | 'unsupportedVersion',
    detail: string,
  ) {
    super(`Membership record ${problem}: ${detail}`);
  }
}

const FORMAT: SignedCodeFormat<MembershipPayload> = {
  prefix: PREFIX,
  schema: MembershipPayloadSchema,
  maxLength: MAX_RECORD_LENGTH,
  classifyPrefix: (prefix) => (prefix?.startsWith('SKM') ? 'unsupportedVersion' : 'notACode'),
  publicKeyOf: (payload) => payload.signer,
};

export async function signMembershipRecord(payload: MembershipPayload, privateKey: CryptoKey): Promise<VerifiedRecord> {
  const text = await encodeSignedCode(FORMAT, payload, privateKey);
  return { ...MembershipPayloadSchema.parse(payload), text };
}

/** Reads and checks one record; throws MembershipRecordError saying what is wrong. */
export async function verifyMembershipRecord(text: unknown): Promise<VerifiedRecord> {
  if (typeof text !== 'string') throw new MembershipRecordError('unreadable', `a ${typeof text}, not a record`);
  try {
    return { ...(await decodeSignedCode(FORMAT, text)), text };
  } catch (error) {
    if (!(error instanceof SignedCodeError)) throw error;
    const problem = error.problem === 'tampered' ? 'badSignature' : error.problem === 'unsupportedVersion' ? 'unsupportedVersion' : 'unreadable';
    throw new MembershipRecordError(problem, error.message);
  }
}

/** A record's stable id: the first 16 bytes of SHA-256 over its text, hex (synchronous: the member list needs it). */
export function recordId(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)).slice(0, 16));
}

/**
 * The payload of a record without checking its signature, synchronously:
 * for a record already checked (verifyMembershipRecord) whose fields a pure
 * function needs again, as mandate-record.ts's peekMandatePayload does.
 */
export function peekMembershipPayload(text: unknown): MembershipPayload | undefined {
  if (typeof text !== 'string' || text.length > MAX_RECORD_LENGTH) return undefined;
  const [prefix, payload, signature, extra] = text.split('.');
  if (prefix !== PREFIX || payload === undefined || signature === undefined || extra !== undefined) return undefined;
  try {
    const parsed = MembershipPayloadSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(payload))));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
