/**
 * The Node side type-checks without the DOM library, where WebCrypto's key
 * types are globals. The CLI verifies with shared/goals, whose signing code
 * names CryptoKey as the browser does; these aliases give Node's identical
 * WebCrypto types those global names. Types only: at run time Node 20 has
 * the same globalThis.crypto the renderer uses.
 */
import type { webcrypto } from 'node:crypto';

declare global {
  type CryptoKey = webcrypto.CryptoKey;
  type CryptoKeyPair = webcrypto.CryptoKeyPair;
}
