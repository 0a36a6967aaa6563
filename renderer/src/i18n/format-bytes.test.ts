import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatByteSize } from './format-bytes';

describe('formatByteSize', () => {
  it('names sizes in powers of 1024, in the UI language', () => {
    expect(formatByteSize(512, 'nl')).toBe('512 byte');
    expect(formatByteSize(1536, 'nl')).toBe('1,5 kB');
    expect(formatByteSize(25 * 1024 * 1024, 'en')).toBe('25 MB');
    expect(formatByteSize(1024 ** 3 * 1.25, 'en')).toBe('1.3 GB');
    expect(formatByteSize(150 * 1024 * 1024, 'nl')).toBe('150 MB');
  });

  it('gives a number and a unit for any size', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('nl', 'en'), (bytes, locale) => {
        expect(formatByteSize(bytes, locale)).toMatch(/^[\d.,\u00a0 ]+ ?(byte|kB|MB|GB|TB)$/);
      }),
    );
  });
});
