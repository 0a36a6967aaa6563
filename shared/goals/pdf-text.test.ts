import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWinAnsi, SUBSTITUTE, toWinAnsi, wrapParagraph, wrapText } from './pdf-text';

/** One unit per character: enough to test the wrapping rules without a font. */
const count = (text: string) => [...text].length;

describe('toWinAnsi', () => {
  it('keeps Dutch, French and German text as it is', () => {
    expect(toWinAnsi('Geëxporteerd café – „ruimte” voor € 3 • Straße')).toEqual({ text: 'Geëxporteerd café – „ruimte” voor € 3 • Straße', substituted: 0 });
  });

  it('drops accents WinAnsi lacks and maps letters without a decomposition', () => {
    expect(toWinAnsi('Łódź, Kraków, Győr, Đakovo, İzmir')).toEqual({ text: 'Lódz, Kraków, Gyor, Dakovo, Izmir', substituted: 0 });
  });

  it('substitutes emoji, CJK and control characters, one mark per character, and counts them', () => {
    expect(toWinAnsi('zon 🌞 风 x\u0007y')).toEqual({ text: `zon ${SUBSTITUTE} ${SUBSTITUTE} x${SUBSTITUTE}y`, substituted: 3 });
  });

  it('drops invisible characters and turns a tab into a space', () => {
    expect(toWinAnsi('a\u200bb\ufeff\tc')).toEqual({ text: 'ab c', substituted: 0 });
  });

  it('always yields only WinAnsi characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const line = text.replace(/[\r\n]/g, ' ');
        expect([...toWinAnsi(line).text].every(isWinAnsi)).toBe(true);
      }),
    );
  });
});

describe('wrapParagraph', () => {
  it('wraps at spaces and breaks a word longer than the line', () => {
    expect(wrapParagraph('een twee drie', 8, count)).toEqual(['een twee', 'drie']);
    expect(wrapParagraph('abcdefghij kl', 4, count)).toEqual(['abcd', 'efgh', 'ij', 'kl']);
    expect(wrapParagraph('', 10, count)).toEqual(['']);
  });

  it('keeps every line within the width and every non-space character in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é'), maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (text, width) => {
        const lines = wrapParagraph(text, width, count);
        for (const line of lines) expect(count(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
      }),
    );
  });

  it('wraps each paragraph of a text on its own, keeping blank lines', () => {
    expect(wrapText('een twee\n\ndrie', 4, count)).toEqual(['een', 'twee', '', 'drie']);
  });
});
