/**
 * A file name that came from a peer's document (or from the renderer) made
 * safe to use as one path component on Windows, macOS and Linux: no path
 * separators or traversal, no characters Windows forbids, no reserved device
 * names, no hidden or trailing-dot names, and short enough for every file system.
 */

/** Bytes, not characters: ext4 and APFS limit a name to 255 bytes; room is left for a ".part" suffix. */
export const MAX_FILE_NAME_BYTES = 200;
/** An extension longer than this is not an extension worth keeping whole when truncating. */
const MAX_EXTENSION_CHARS = 16;
export const FALLBACK_FILE_NAME = 'document';

// Windows forbids these characters in names; control characters are refused everywhere.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
/** Device names Windows resolves no matter the extension ("CON.txt" is the console). */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** Cuts to at most `maxBytes` of UTF-8 without splitting a character. */
function truncateBytes(text: string, maxBytes: number): string {
  let result = '';
  for (const char of text) {
    if (utf8Length(result + char) > maxBytes) break;
    result += char;
  }
  return result;
}

function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.length - dot > MAX_EXTENSION_CHARS + 1) return { stem: name, extension: '' };
  return { stem: name.slice(0, dot), extension: name.slice(dot) };
}

export function safeFileName(suggested: string): string {
  let name = suggested.normalize('NFC').replace(FORBIDDEN, '_');
  // Leading dots make hidden files (and "..", "."); trailing dots and spaces are silently dropped by Windows.
  name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (name === '') return FALLBACK_FILE_NAME;
  const firstPart = (name.split('.')[0] ?? '').trimEnd();
  if (RESERVED.test(firstPart)) name = `_${name}`;
  if (utf8Length(name) > MAX_FILE_NAME_BYTES) {
    const { stem, extension } = splitExtension(name);
    name = truncateBytes(stem, MAX_FILE_NAME_BYTES - utf8Length(extension)).replace(/[\s.]+$/, '') + extension;
  }
  return name === '' || name.startsWith('.') ? `${FALLBACK_FILE_NAME}${name}` : name;
}
