/**
 * The canonical text of a goal statement: the exact string a stance is bound
 * to. Two partners whose editors hold the same visible text must arrive at the
 * same bytes, whatever their platform did to line endings, accents or
 * trailing blanks, or an endorsement would look stale for no reason.
 *
 * Canonical form, applied in this order:
 *   1. line endings: CRLF and lone CR become LF
 *   2. Unicode NFC (macOS input and some editors produce decomposed accents)
 *   3. trailing whitespace on every line is removed (invisible, editors add it)
 *   4. three or more line breaks in a row (two or more blank lines) become one
 *      blank line: a blank line is a paragraph break, more carry no meaning
 *   5. whitespace at the start and end of the whole text is removed
 *
 * Text hash: lowercase hex SHA-256 of the canonical text's UTF-8 bytes,
 * through WebCrypto so it runs unchanged in the renderer and in Node 20.
 */
import { bytesToHex } from '@noble/hashes/utils.js';

/** Whitespace other than the line break itself, so line structure survives step 3. */
const TRAILING_BLANKS = /[^\S\n]+$/gm;
const BLANK_LINE_RUN = /\n{3,}/g;

export function canonicalGoalText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(TRAILING_BLANKS, '')
    .replace(BLANK_LINE_RUN, '\n\n')
    .trim();
}

/** SHA-256 of the text's UTF-8 bytes as 64 lowercase hex digits. Hashes exactly what it is given. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return bytesToHex(digest);
}

export interface CanonicalGoalText {
  readonly canonicalText: string;
  readonly textHash: string;
}

/** The canonical form of a goal text and its hash, the pair every stance carries. */
export async function canonicaliseGoalText(text: string): Promise<CanonicalGoalText> {
  const canonicalText = canonicalGoalText(text);
  return { canonicalText, textHash: await sha256Hex(canonicalText) };
}
