/**
 * A stance: one mandate holder's position on one exact version of a goal
 * text, signed with their member key (shared/crypto/identity-keys.ts).
 *
 * Signed bytes (version 1): the UTF-8 of JSON.stringify of the array
 *
 *   ["stroomkring-stance-v1", goalId, textHash, stance, reason, at,
 *    organisationId, memberId, publicKey]
 *
 * with every element a JSON string except `at` (integer milliseconds since
 * the Unix epoch, a JSON number). An array with a fixed order and JSON string
 * escaping is unambiguous (no field can run into the next), needs no
 * key-ordering rules, and the domain tag keeps this signature from ever
 * being valid as an invite code or any other signed message. A later format
 * gets a new tag.
 *
 * The signature is Ed25519 over those bytes, base64url (86 characters). The
 * text is bound through its hash; the record also carries the canonical text
 * itself, because y-dexie compacts history and the text must stay provable.
 *
 * Signed on a person's other device (shared/membership/devices.ts), the
 * stance names the device's key and the person's member id, and carries
 * `grants`: the device grants from the person's first key to that device.
 * They are signed records themselves, so they are not in the signed bytes;
 * whoever checks the stance, in the app or in an export, follows them from
 * the member id to the signing key with nothing else at hand. The person's
 * first key is then who holds the mandate (stanceHolderKey).
 */
import { z } from 'zod';
import { fromBase64Url, toBase64Url } from '../crypto/base64url';
import { SIGNING_ALGORITHM, memberIdFromPublicKey } from '../crypto/identity-keys';
import { MAX_DEVICES, personKeyOfCheckedChain, personOfGrantChain } from '../membership/devices';
import { canonicaliseGoalText, sha256Hex } from './canonical-text';

export const STANCE_DOMAIN_TAG = 'stroomkring-stance-v1';

/**
 * `stepOut` is the organisation's signed word that it does not take part in
 * this goal (whatever the text): it leaves the count until it gives another
 * stance. The signed bytes are the same for every kind; a peer from before
 * `stepOut` reads such a stance as malformed and names it as invalid.
 */
export const STANCE_KINDS = ['endorse', 'endorseWithReservations', 'standAside', 'object', 'stepOut'] as const;
export type StanceKind = (typeof STANCE_KINDS)[number];

export const STANCE_LIMITS = {
  /** A reason is said in a meeting in a few sentences; a longer argument belongs in a document. */
  reason: 2000,
  /** A goal statement of a page or two; every stance stores a copy, and all of them live in the synced workspace. */
  goalText: 20_000,
  /** Ids in the workspace are UUIDs or 22-character member ids; 64 leaves room without inviting abuse. */
  id: 64,
} as const;

/** Error codes for the stance form, translated by the UI (zod's English never reaches the user). */
export const STANCE_ERRORS = { reasonRequired: 'reasonRequired', tooLong: 'tooLong' } as const;

/** What a mandate holder fills in. Endorsing may come with a remark; any other stance needs its reason. */
export const StanceInputSchema = z
  .object({
    stance: z.enum(STANCE_KINDS),
    reason: z
      .string()
      .transform((value) => value.trim())
      .pipe(z.string().max(STANCE_LIMITS.reason, STANCE_ERRORS.tooLong)),
  })
  .refine((input) => input.stance === 'endorse' || input.reason !== '', { path: ['reason'], message: STANCE_ERRORS.reasonRequired });
export type StanceInput = z.input<typeof StanceInputSchema>;

const id = z.string().min(1).max(STANCE_LIMITS.id);

/** A stance as stored and exchanged. Read from peers and from export files, so every field is checked. */
export const StanceRecordSchema = z
  .object({
    goalId: id,
    organisationId: id,
    memberId: id,
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    stance: z.enum(STANCE_KINDS),
    reason: z.string().max(STANCE_LIMITS.reason),
    textHash: z.string().regex(/^[0-9a-f]{64}$/),
    canonicalText: z.string().max(STANCE_LIMITS.goalText),
    at: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
    /** Only from a person's other device: the grants from their first key to `publicKey`. */
    grants: z.array(z.string().max(4000)).min(1).max(MAX_DEVICES).optional(),
  })
  .refine((record) => record.stance === 'endorse' || record.reason.trim() !== '', { path: ['reason'], message: 'a reason is required' });
export type StanceRecord = z.infer<typeof StanceRecordSchema>;

export function stanceSignedBytes(record: Omit<StanceRecord, 'signature' | 'canonicalText'>): Uint8Array {
  const fields = [STANCE_DOMAIN_TAG, record.goalId, record.textHash, record.stance, record.reason, record.at, record.organisationId, record.memberId, record.publicKey];
  return new TextEncoder().encode(JSON.stringify(fields));
}

/** The key a mandate holder is known by for a verified stance: the person's first key, also when another of their devices signed. */
export function stanceHolderKey(record: StanceRecord): string {
  return record.grants === undefined ? record.publicKey : (personKeyOfCheckedChain(record.grants) ?? record.publicKey);
}

export interface SignStanceInput {
  readonly goalId: string;
  readonly organisationId: string;
  readonly memberId: string;
  /** The signer's raw Ed25519 public key, base64url; must belong to `privateKey`. */
  readonly publicKey: string;
  readonly stance: StanceKind;
  readonly reason: string;
  /** The goal text as the editor holds it; canonicalised here so no caller can bind to a variant. */
  readonly text: string;
  readonly at: number;
  /** On a person's other device: its grant chain (see the header). */
  readonly grants?: readonly string[];
}

/** Signs a stance; throws a ZodError when the input breaks a rule (missing reason, too long, bad id). */
export async function signStance(input: SignStanceInput, privateKey: CryptoKey): Promise<StanceRecord> {
  const { stance, reason } = StanceInputSchema.parse({ stance: input.stance, reason: input.reason });
  const { canonicalText, textHash } = await canonicaliseGoalText(input.text);
  const unsigned = { goalId: input.goalId, organisationId: input.organisationId, memberId: input.memberId, publicKey: input.publicKey, stance, reason, textHash, canonicalText, at: input.at };
  const signature = new Uint8Array(await crypto.subtle.sign(SIGNING_ALGORITHM, privateKey, stanceSignedBytes(unsigned) as Uint8Array<ArrayBuffer>));
  return StanceRecordSchema.parse({ ...unsigned, signature: toBase64Url(signature), ...(input.grants?.length ? { grants: [...input.grants] } : {}) });
}

/**
 * Why a stance does not count:
 * - malformed: not a stance record at all (a peer's or a file's damaged data)
 * - textHash:  the carried canonical text does not hash to the signed hash
 * - signer:    the member id is not the one derived from the public key, so
 *              someone signed with their own key in another member's name
 * - signature: the signature does not match the fields (any field changed)
 */
export type StanceProblem = 'malformed' | 'textHash' | 'signer' | 'signature';
export type StanceVerification = { readonly valid: true; readonly record: StanceRecord } | { readonly valid: false; readonly problem: StanceProblem };

/** Verifies anything claiming to be a stance. Never throws: bad data is an answer, not an error. */
export async function verifyStance(candidate: unknown): Promise<StanceVerification> {
  const parsed = StanceRecordSchema.safeParse(candidate);
  if (!parsed.success) return { valid: false, problem: 'malformed' };
  const record = parsed.data;
  if ((await sha256Hex(record.canonicalText)) !== record.textHash) return { valid: false, problem: 'textHash' };
  const publicKeyBytes = fromBase64Url(record.publicKey);
  const signature = fromBase64Url(record.signature);
  // Unused low bits in the last character would give one key or signature several spellings.
  if (toBase64Url(publicKeyBytes) !== record.publicKey || toBase64Url(signature) !== record.signature) return { valid: false, problem: 'malformed' };
  const signerIsPerson = record.grants === undefined ? (await memberIdFromPublicKey(publicKeyBytes)) === record.memberId : (await personOfGrantChain(record.grants, record.memberId, record.publicKey)) !== null;
  if (!signerIsPerson) return { valid: false, problem: 'signer' };
  try {
    const publicKey = await crypto.subtle.importKey('raw', publicKeyBytes as Uint8Array<ArrayBuffer>, SIGNING_ALGORITHM, false, ['verify']);
    const ok = await crypto.subtle.verify(SIGNING_ALGORITHM, publicKey, signature as Uint8Array<ArrayBuffer>, stanceSignedBytes(record) as Uint8Array<ArrayBuffer>);
    return ok ? { valid: true, record } : { valid: false, problem: 'signature' };
  } catch {
    // A 32-byte string that is no Ed25519 point cannot be imported: no valid signature can exist.
    return { valid: false, problem: 'signature' };
  }
}

/** The identifying fields of a candidate that may be damaged, for naming it in a list; nothing here is trusted. */
export interface StanceLabel {
  readonly goalId?: string;
  readonly organisationId?: string;
  readonly memberId?: string;
  readonly stance?: string;
  readonly at?: number;
}
const loose = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const StanceLabelSchema = z.object({
  goalId: loose(z.string().max(STANCE_LIMITS.id)),
  organisationId: loose(z.string().max(STANCE_LIMITS.id)),
  memberId: loose(z.string().max(STANCE_LIMITS.id)),
  stance: loose(z.string().max(STANCE_LIMITS.id)),
  at: loose(z.number()),
});

export function stanceLabel(candidate: unknown): StanceLabel {
  const parsed = StanceLabelSchema.safeParse(candidate);
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined)) as StanceLabel;
}

/** A candidate with its verification, so the pure rules downstream need no crypto. */
export interface CheckedStance {
  readonly candidate: unknown;
  readonly verification: StanceVerification;
}

export async function checkStances(candidates: readonly unknown[]): Promise<CheckedStance[]> {
  return Promise.all(candidates.map(async (candidate) => ({ candidate, verification: await verifyStance(candidate) })));
}
