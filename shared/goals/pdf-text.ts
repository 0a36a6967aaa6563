/**
 * Text for the PDF export's visible pages: what the standard PDF fonts can
 * show, and lines wrapped to a width.
 *
 * The 14 standard fonts (Helvetica, Courier) encode WinAnsi only, and
 * pdf-lib throws on any other character. Embedding a Unicode font would add
 * hundreds of kilobytes to the app for names like "Łódź" that occur rarely,
 * so the visible text is mapped to WinAnsi instead: accents that WinAnsi
 * lacks are dropped from their letter (ł → l, ő → o), anything else becomes
 * SUBSTITUTE, and the page says so. The attached record always holds the
 * exact text, and that is what the signatures and the verifier use.
 */

export const SUBSTITUTE = '?';

/** Characters WinAnsi (Windows-1252) has beyond printable ASCII and Latin-1 (0x80–0x9F). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Letters whose base form is not reached by removing a combining mark. */
const FALLBACK: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŧ: 't',
  Ŧ: 'T',
  ĸ: 'k',
  ŉ: "'n",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\t': ' ',
};

/** Invisible characters that carry no text (zero-width, joiners, emoji variation selectors): dropped rather than shown as SUBSTITUTE. */
const INVISIBLE = /[\u200b\u200c\u200e\u200f\u2060\ufeff\u00ad]|\u200d|\p{Variation_Selector}/gu;

export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

export interface WinAnsiText {
  readonly text: string;
  /** How many characters were replaced by SUBSTITUTE (accents dropped are not counted: the word stays readable). */
  readonly substituted: number;
}

/** One line's worth of text mapped to what the standard fonts can draw; line breaks are not expected here. */
export function toWinAnsi(text: string): WinAnsiText {
  let substituted = 0;
  let out = '';
  for (const char of text.normalize('NFC').replace(INVISIBLE, '')) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    const fallback = FALLBACK[char];
    if (fallback !== undefined) {
      out += fallback;
      continue;
    }
    const base = char.normalize('NFD').replace(/\p{M}+/gu, '');
    if (base !== '' && [...base].every(isWinAnsi)) {
      out += base;
      continue;
    }
    // Control characters (other than tab) have no place on a page either.
    out += SUBSTITUTE;
    substituted += 1;
  }
  return { text: out, substituted };
}

/**
 * Greedy word wrap of one paragraph to `maxWidth`, measured by `measure`.
 * Runs of spaces between words collapse to one at a break; a word wider than
 * the line (a hash, a signature, a long URL) is broken between characters.
 * An empty paragraph is one empty line.
 */
export function wrapParagraph(paragraph: string, maxWidth: number, measure: (text: string) => number): string[] {
  const words = paragraph.split(' ').filter((word, index) => word !== '' || index === 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const char of word) {
      if (line !== '' && measure(line + char) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  lines.push(line);
  return lines;
}

/** A text with line breaks, wrapped paragraph by paragraph. */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, measure));
}
