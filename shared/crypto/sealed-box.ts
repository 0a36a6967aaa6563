/**
 * Sealing a secret to one member's encryption key, so that only that member's
 * device can open it: HPKE (RFC 9180) base mode, DHKEM(X25519, HKDF-SHA256),
 * HKDF-SHA256, AES-256-GCM, through @hpke/core on WebCrypto. A workspace or
 * room key is passed on this way when it is rotated (shared/membership/
 * key-rotation.ts): one sealed box per remaining member.
 *
 * A member's encryption key pair is X25519, separate from their Ed25519
 * signing key (one key, one job). It is made on the device with WebCrypto and
 * its private half is non-extractable, like the signing key; the public half
 * is published in a record the member signs, so whoever seals to it knows it
 * is theirs.
 *
 * Box format, version 1: base64url of [version=1][enc: 32 bytes][AES-GCM ciphertext and tag].
 * The `context` (HPKE info) names what the secret is for and whom it is for,
 * so a box cannot be moved to another workspace, generation or member.
 */
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fromBase64Url, toBase64Url } from './base64url';
import { errorDetail, StroomkringError } from '../errors/stroomkring-error';

export const BOX_ALGORITHM = { name: 'X25519' } as const;
const BOX_VERSION = 1;
const ENC_BYTES = 32;
/** A secret sealed here is a 32-byte key; the limit keeps a peer's garbage from costing work. */
const MAX_SEALED_BYTES = 1024;

export interface BoxKeys {
  readonly publicKey: CryptoKey;
  readonly privateKey: CryptoKey;
  /** Raw 32-byte X25519 public key, base64url. Safe to share. */
  readonly publicKeyB64: string;
}

export class SealedBoxError extends StroomkringError {
  override readonly name = 'SealedBoxError';
  constructor(
    readonly problem: 'unreadable' | 'unsupportedVersion' | 'notForThisKey',
    detail: string,
  ) {
    super(`Sealed box ${problem}: ${detail}`);
  }
}

const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });

export async function generateBoxKeys(): Promise<BoxKeys> {
  const pair = (await crypto.subtle.generateKey(BOX_ALGORITHM, false, ['deriveBits'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { publicKey: pair.publicKey, privateKey: pair.privateKey, publicKeyB64: toBase64Url(raw) };
}

/** Seals `secret` to the member whose published encryption key is `recipientKeyB64`. */
export async function seal(secret: Uint8Array, recipientKeyB64: string, context: string): Promise<string> {
  const recipientPublicKey = await suite.kem.deserializePublicKey(fromBase64Url(recipientKeyB64) as Uint8Array<ArrayBuffer>);
  const sender = await suite.createSenderContext({ recipientPublicKey, info: new TextEncoder().encode(context) as Uint8Array<ArrayBuffer> });
  const ciphertext = new Uint8Array(await sender.seal(secret as Uint8Array<ArrayBuffer>));
  const enc = new Uint8Array(sender.enc);
  const box = new Uint8Array(1 + enc.length + ciphertext.length);
  box.set([BOX_VERSION]);
  box.set(enc, 1);
  box.set(ciphertext, 1 + enc.length);
  return toBase64Url(box);
}

/** Opens a box sealed to this device's encryption keys; throws SealedBoxError when it is damaged or not for them. */
export async function openBox(box: string, keys: Pick<BoxKeys, 'publicKey' | 'privateKey'>, context: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(box);
  } catch {
    throw new SealedBoxError('unreadable', 'not base64url');
  }
  if (bytes.length > MAX_SEALED_BYTES + 1 + ENC_BYTES) throw new SealedBoxError('unreadable', 'far too long');
  if (bytes[0] !== BOX_VERSION) throw new SealedBoxError(bytes.length === 0 ? 'unreadable' : 'unsupportedVersion', `version ${bytes[0]}`);
  if (bytes.length < 1 + ENC_BYTES + 16) throw new SealedBoxError('unreadable', 'truncated');
  try {
    const recipient = await suite.createRecipientContext({
      recipientKey: { publicKey: keys.publicKey, privateKey: keys.privateKey },
      enc: bytes.slice(1, 1 + ENC_BYTES).buffer,
      info: new TextEncoder().encode(context) as Uint8Array<ArrayBuffer>,
    });
    return new Uint8Array(await recipient.open(bytes.slice(1 + ENC_BYTES).buffer));
  } catch (error) {
    throw new SealedBoxError('notForThisKey', errorDetail(error));
  }
}
