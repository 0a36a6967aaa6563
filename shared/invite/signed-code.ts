/**
 * The envelope shared by every code a user hands over (workspace invites,
 * room invites):
 *
 *   <PREFIX>.<payload>.<signature>
 *
 * payload   base64url of the UTF-8 JSON of the code's payload
 * signature base64url Ed25519 signature by the issuer's member key over the
 *           payload's bytes; the issuer's public key is inside the payload
 *
 * The signature makes any change detectable (a flipped character, a truncated
 * copy, an edited field); it does not prove who the issuer is, which the user
 * knows from how they received the code.
 */
import type { z } from 'zod';
import { fromBase64Url, toBase64Url } from '../crypto/base64url';
import { SIGNING_ALGORITHM, verifyWithPublicKeyText } from '../crypto/identity-keys';
import { StroomkringError } from '../errors/stroomkring-error';

/** What is wrong with a pasted code, in terms the UI words for the user. */
export type SignedCodeProblem = 'empty' | 'notACode' | 'otherKind' | 'truncated' | 'tampered' | 'unsupportedVersion' | 'invalid';

export class SignedCodeError extends StroomkringError {
  override readonly name = 'SignedCodeError';
  constructor(
    readonly problem: SignedCodeProblem,
    detail: string,
  ) {
    super(`Code ${problem}: ${detail}`);
  }
}

/** Version 1 of a payload carries `v: 1`; the issuer's public key (raw Ed25519, base64url) is found by `publicKeyOf`. */
export interface SignedCodeFormat<T> {
  readonly prefix: string;
  readonly schema: z.ZodType<T>;
  readonly maxLength: number;
  /** What a first part other than `prefix` means: another kind of code, another version, or no code at all. */
  readonly classifyPrefix: (prefix: string | undefined) => Exclude<SignedCodeProblem, 'empty' | 'truncated' | 'tampered' | 'invalid'>;
  readonly publicKeyOf: (payload: T) => string;
}

const SIGNATURE_BYTES = 64;

export async function encodeSignedCode<T>(format: SignedCodeFormat<T>, payload: T, privateKey: CryptoKey): Promise<string> {
  const valid = format.schema.parse(payload);
  const bytes = new TextEncoder().encode(JSON.stringify(valid));
  const signature = new Uint8Array(await crypto.subtle.sign(SIGNING_ALGORITHM, privateKey, bytes));
  return `${format.prefix}.${toBase64Url(bytes)}.${toBase64Url(signature)}`;
}

/** Decodes strictly: a non-canonical last character (unused bits set) is a change to the code too. */
function decodePart(text: string, what: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(text);
  } catch {
    throw new SignedCodeError('truncated', `${what} is not valid base64url`);
  }
  if (toBase64Url(bytes) !== text) throw new SignedCodeError('tampered', `${what} is not canonical base64url`);
  return bytes;
}

/** Decodes and verifies a code; throws SignedCodeError saying what is wrong. */
export async function decodeSignedCode<T>(format: SignedCodeFormat<T>, code: string): Promise<T> {
  // Whitespace and line breaks from mail clients and chat apps are ignored.
  const text = code.replace(/\s+/g, '');
  if (text === '') throw new SignedCodeError('empty', 'no code given');
  if (text.length > format.maxLength) throw new SignedCodeError('notACode', 'far too long');
  const parts = text.split('.');
  const [prefix, payloadText, signatureText] = parts;
  if (prefix !== format.prefix) throw new SignedCodeError(format.classifyPrefix(prefix), `starts with ${prefix ?? 'nothing'}, not ${format.prefix}`);
  if (parts.length > 3) throw new SignedCodeError('notACode', 'too many parts');
  if (!payloadText || !signatureText) throw new SignedCodeError('truncated', 'a part is missing');

  const payloadBytes = decodePart(payloadText, 'payload');
  const signature = decodePart(signatureText, 'signature');
  if (signature.length !== SIGNATURE_BYTES) throw new SignedCodeError('truncated', 'signature has the wrong length');

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes));
  } catch {
    throw new SignedCodeError('tampered', 'payload is not readable');
  }
  const parsed = format.schema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { v?: unknown } | null)?.v;
    if (typeof version === 'number' && version !== 1) throw new SignedCodeError('unsupportedVersion', `payload version ${version}`);
    throw new SignedCodeError('invalid', parsed.error.issues[0]?.message ?? 'payload does not match');
  }
  if (!(await verifyWithPublicKeyText(format.publicKeyOf(parsed.data), signature, payloadBytes))) throw new SignedCodeError('tampered', 'signature does not match');
  return parsed.data;
}
