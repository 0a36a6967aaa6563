import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalGoalText, canonicaliseGoalText, sha256Hex } from './canonical-text';

/** Text built from the pieces that vary between platforms, so the properties meet them often. */
const goalLikeText = fc
  .array(fc.constantFrom('Wij', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', 'café', 'cafe\u0301', 'ë', 'e\u0308', '2030', '.', '\u0301', '\ufeff'), {
    maxLength: 40,
  })
  .map((pieces) => pieces.join(''));
const anyText = fc.oneof(goalLikeText, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

describe('canonicalGoalText', () => {
  it('normalises line endings, accents, trailing blanks, blank-line runs and the ends', () => {
    expect(canonicalGoalText('  Doel\r\n\r\n\r\n\r\nWij   \r\nbouwen cafe\u0301s \t\n\n')).toBe('Doel\n\nWij\nbouwen cafés');
  });

  it('keeps one blank line between paragraphs and indentation inside the text', () => {
    expect(canonicalGoalText('Eén\n\nTwee\n  - drie')).toBe('Eén\n\nTwee\n  - drie');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(anyText, (text) => canonicalGoalText(canonicalGoalText(text)) === canonicalGoalText(text)));
  });

  it('does not change under CRLF, CR or NFD variants of the same text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const canonical = canonicalGoalText(text);
        const lf = text.replace(/\r\n?/g, '\n');
        expect(canonicalGoalText(lf.replaceAll('\n', '\r\n'))).toBe(canonical);
        expect(canonicalGoalText(lf.replaceAll('\n', '\r'))).toBe(canonical);
        expect(canonicalGoalText(text.normalize('NFD'))).toBe(canonical);
        expect(canonicalGoalText(`${lf.replaceAll('\n', ' \n')}   `)).toBe(canonical);
      }),
    );
  });

  it('never leaves a CR, trailing blanks on a line, or more than one blank line', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const canonical = canonicalGoalText(text);
        return !canonical.includes('\r') && !/[^\S\n]\n/.test(canonical) && !canonical.includes('\n\n\n') && canonical === canonical.trim();
      }),
    );
  });
});

describe('sha256Hex', () => {
  it('matches the SHA-256 test vector for "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes exactly what it is given: composed and decomposed accents differ', async () => {
    expect(await sha256Hex('é')).toBe(await sha256Hex('\u00e9'));
    expect(await sha256Hex('é')).not.toBe(await sha256Hex('e\u0301'));
  });
});

describe('canonicaliseGoalText', () => {
  it('gives platform variants the same hash', async () => {
    const mac = await canonicaliseGoalText('Cafe\u0301s in de regio\n');
    const windows = await canonicaliseGoalText('Cafés in de regio\r\n');
    expect(mac).toEqual(windows);
    expect(mac.textHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
