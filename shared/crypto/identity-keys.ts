/**
 * A member's signing identity: an Ed25519 key pair made on the device with
 * WebCrypto. The private key is created non-extractable, so no code path in
 * the app (or a script injected into it) can read its bytes; it is stored as a
 * CryptoKey object in IndexedDB and only ever used through crypto.subtle.sign.
 */
import { fromBase64Url, toBase64Url } from './base64url';

export const SIGNING_ALGORITHM = { name: 'Ed25519' } as const;

export interface IdentityKeys {
  readonly publicKey: CryptoKey;
  readonly privateKey: CryptoKey;
  /** Raw 32-byte public key, base64url. Safe to share. */
  readonly publicKeyB64: string;
  /** Stable member id derived from the public key (first 16 bytes of its SHA-256, base64url). */
  readonly memberId: string;
}

export async function memberIdFromPublicKey(rawPublicKey: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', rawPublicKey as Uint8Array<ArrayBuffer>));
  return toBase64Url(digest.slice(0, 16));
}

export async function generateIdentityKeys(): Promise<IdentityKeys> {
  const pair = (await crypto.subtle.generateKey(SIGNING_ALGORITHM, false, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return {
    publicKey: pair.publicKey,
    privateKey: pair.privateKey,
    publicKeyB64: toBase64Url(raw),
    memberId: await memberIdFromPublicKey(raw),
  };
}

export async function sign(privateKey: CryptoKey, message: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(SIGNING_ALGORITHM, privateKey, message as Uint8Array<ArrayBuffer>));
}

/** Public keys imported lately, by their text: every received change is verified, mostly against the same few members' keys. */
const importedKeys = new Map<string, Promise<CryptoKey>>();
/** A region's members, with room to spare; past it the oldest import is dropped. */
const MAX_IMPORTED_KEYS = 256;

function importedPublicKey(publicKeyText: string): Promise<CryptoKey> {
  let key = importedKeys.get(publicKeyText);
  if (!key) {
    key = crypto.subtle.importKey('raw', fromBase64Url(publicKeyText) as Uint8Array<ArrayBuffer>, SIGNING_ALGORITHM, false, ['verify']);
    // A text that is no key is not kept: it fails again, as it should, without filling the map.
    key.catch(() => importedKeys.delete(publicKeyText));
    importedKeys.set(publicKeyText, key);
    if (importedKeys.size > MAX_IMPORTED_KEYS) importedKeys.delete(importedKeys.keys().next().value as string);
  }
  return key;
}

/** Verifies against a raw public key as members share it (base64url); false for a key or signature that does not even parse. */
export async function verifyWithPublicKeyText(publicKeyText: string, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  try {
    return await verify(await importedPublicKey(publicKeyText), signature, message);
  } catch {
    return false;
  }
}

export async function verify(publicKey: CryptoKey, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  return crypto.subtle.verify(SIGNING_ALGORITHM, publicKey, signature as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>);
}
