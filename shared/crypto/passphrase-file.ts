/**
 * A file sealed with a passphrase: what an identity backup is written in
 * (shared/membership/devices.ts), and what the workspace export can use when
 * the user picks a passphrase over the workspace key. The layout is open and
 * documented here, so the file can be read without the app.
 *
 * Layout, version 1: UTF-8 JSON, one object, fields in this order:
 *
 *   format  what the file holds (e.g. "stroomkring-identity-backup")
 *   v       1
 *   kdf     { name: "scrypt", N, r, p, salt }: the key is scrypt(passphrase
 *           in Unicode NFC, salt, N, r, p) to 64 bytes; the first 32 are the
 *           AES key, the last 32 only make `check`
 *   check   the first 16 bytes of SHA-256 over those last 32: tells a wrong
 *           passphrase from a damaged file without trying to decrypt
 *   cipher  { name: "AES-256-GCM", iv }: the additional data is the UTF-8 of
 *           this JSON's first five fields as written (format, v, kdf,
 *           check, cipher), so none of them can be changed unnoticed
 *   data    the ciphertext with its tag
 *   sum     the first 16 bytes of SHA-256 over the UTF-8 of the JSON of all
 *           fields before it: a file damaged on the way (a truncated
 *           download, a bad stick) is named as damaged, not as a wrong
 *           passphrase
 *
 * Bytes are base64url without padding. scrypt (RFC 7914) from @noble/hashes,
 * since WebCrypto has no memory-hard function; N = 2^17, r = 8 costs 128 MB
 * and about a second, once per export or restore, and is stored in the file
 * so it can be raised later. AES-GCM is WebCrypto's.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { fromBase64Url, toBase64Url } from './base64url';
import { StroomkringError } from '../errors/stroomkring-error';

export const PASSPHRASE_FILE_VERSION = 1;
/** An attacker with the file can try passphrases offline: a short one would not hold. */
export const MIN_PASSPHRASE_LENGTH = 12;

export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}
/** About a second and 128 MB on a laptop (OWASP's scrypt minimum is N = 2^17, r = 8, p = 1). */
export const DEFAULT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

export type PassphraseFileProblem = 'notThisKind' | 'newerVersion' | 'damaged' | 'wrongPassphrase' | 'weakPassphrase' | 'tooLarge';

export class PassphraseFileError extends StroomkringError {
  override readonly name = 'PassphraseFileError';
  constructor(
    readonly problem: PassphraseFileProblem,
    detail: string,
  ) {
    super(`Passphrase file ${problem}: ${detail}`);
  }
}

const Bytes = (length: number) => z.string().regex(/^[A-Za-z0-9_-]+$/).refine((text) => fromBase64Url(text).length === length);
const PowerOfTwo = z.number().int().min(2 ** 14).max(2 ** 20).refine((n) => (n & (n - 1)) === 0);
const FileSchema = z.object({
  format: z.string().min(1).max(64),
  v: z.literal(PASSPHRASE_FILE_VERSION),
  kdf: z.object({ name: z.literal('scrypt'), N: PowerOfTwo, r: z.number().int().min(1).max(16), p: z.number().int().min(1).max(4), salt: Bytes(16) }),
  check: Bytes(16),
  cipher: z.object({ name: z.literal('AES-256-GCM'), iv: Bytes(12) }),
  data: z.string().regex(/^[A-Za-z0-9_-]*$/),
  sum: Bytes(16),
});
type PassphraseFile = z.infer<typeof FileSchema>;

const encode = (value: unknown): Uint8Array<ArrayBuffer> => new TextEncoder().encode(JSON.stringify(value));
const sumOf = (fields: Omit<PassphraseFile, 'sum'>): string => toBase64Url(sha256(encode(fields)).slice(0, 16));

async function derive(passphrase: string, salt: Uint8Array, cost: ScryptCost, onProgress?: (fraction: number) => void): Promise<{ key: CryptoKey; check: string }> {
  const bytes = await scryptAsync(passphrase.normalize('NFC'), salt, { ...cost, dkLen: 64, maxmem: 256 * 1024 * 1024 + 1024, ...(onProgress ? { onProgress } : {}) });
  const key = await crypto.subtle.importKey('raw', bytes.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const check = toBase64Url(sha256(bytes.slice(32)).slice(0, 16));
  bytes.fill(0);
  return { key, check };
}

export interface SealOptions {
  /** What the file holds; opening it as anything else is refused. */
  readonly kind: string;
  readonly cost?: ScryptCost;
  readonly onProgress?: (fraction: number) => void;
}

export async function sealWithPassphrase(plaintext: Uint8Array, passphrase: string, options: SealOptions): Promise<string> {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) throw new PassphraseFileError('weakPassphrase', `at least ${MIN_PASSPHRASE_LENGTH} characters`);
  const cost = options.cost ?? DEFAULT_COST;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const { key, check } = await derive(passphrase, salt, cost, options.onProgress);
  const header = { format: options.kind, v: PASSPHRASE_FILE_VERSION, kdf: { name: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: toBase64Url(salt) }, check, cipher: { name: 'AES-256-GCM', iv: toBase64Url(iv) } } as const;
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encode(header) }, key, plaintext as Uint8Array<ArrayBuffer>));
  const fields = { ...header, data: toBase64Url(data) };
  return JSON.stringify({ ...fields, sum: sumOf(fields) });
}

export interface OpenOptions {
  readonly kind: string;
  /** Files larger than this are refused before anything is parsed. */
  readonly maxChars: number;
  readonly onProgress?: (fraction: number) => void;
}

/** Reads the file's fields, naming what is wrong before any key is derived. */
function readFile(text: string, options: OpenOptions): PassphraseFile {
  if (text.length > options.maxChars) throw new PassphraseFileError('tooLarge', `${text.length} characters, at most ${options.maxChars}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PassphraseFileError(text.trimStart().startsWith(`{"format":"${options.kind}"`) ? 'damaged' : 'notThisKind', 'not JSON');
  }
  const head = z.object({ format: z.string(), v: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== options.kind) throw new PassphraseFileError('notThisKind', head.success ? `holds ${head.data.format}` : 'no format');
  if (head.data.v > PASSPHRASE_FILE_VERSION) throw new PassphraseFileError('newerVersion', `version ${head.data.v}`);
  const file = FileSchema.safeParse(json);
  if (!file.success) throw new PassphraseFileError('damaged', file.error.issues[0]?.message ?? 'fields');
  const { sum, ...fields } = file.data;
  if (sumOf(fields) !== sum) throw new PassphraseFileError('damaged', 'checksum');
  return file.data;
}

export async function openWithPassphrase(text: string, passphrase: string, options: OpenOptions): Promise<Uint8Array> {
  const file = readFile(text, options);
  const { format, v, kdf, check, cipher } = file;
  const { key, check: expected } = await derive(passphrase, fromBase64Url(kdf.salt), kdf, options.onProgress);
  if (expected !== check) throw new PassphraseFileError('wrongPassphrase', 'check differs');
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64Url(cipher.iv) as Uint8Array<ArrayBuffer>, additionalData: encode({ format, v, kdf, check, cipher }) },
        key,
        fromBase64Url(file.data) as Uint8Array<ArrayBuffer>,
      ),
    );
  } catch {
    throw new PassphraseFileError('damaged', 'does not decrypt');
  }
}
