import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Base64UrlError, fromBase64Url, toBase64Url } from './base64url';

describe('base64url', () => {
  it('round-trips any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses text that is not base64url', () => {
    for (const bad of ['a+b', 'abc=', 'a', '!!!!']) expect(() => fromBase64Url(bad)).toThrow(Base64UrlError);
  });
});
