/**
 * Which in-app preview a file gets, decided from a whitelist: the type string
 * comes from a peer's metadata, so it is only trusted to pick among the
 * viewers we have, never passed on to something that could run it.
 */
export type PreviewKind = 'image' | 'text' | 'pdf' | 'none';

/** Formats an <img> shows safely (an SVG in <img> runs no script). */
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
};

const TEXT_EXTENSIONS = new Set(['txt', 'md', 'csv', 'tsv', 'json', 'xml', 'log', 'yaml', 'yml', 'geojson', 'ini']);
const TEXT_TYPES = new Set(['application/json', 'application/xml', 'application/geo+json', 'application/x-yaml', 'application/yaml']);

/** Text is previewed up to this much; enough to recognise a document, not a memory burden. */
export const TEXT_PREVIEW_BYTES = 1024 * 1024;
/** pdf.js needs the whole file in memory (and a copy in its worker); larger PDFs are saved instead. */
export const PDF_PREVIEW_MAX_BYTES = 100 * 1024 * 1024;
/** Pages rendered at most; the rest is for the real PDF reader. */
export const PDF_PREVIEW_PAGES = 3;

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function previewKind(type: string, fileName: string): PreviewKind {
  const mime = type.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = extensionOf(fileName);
  if (mime === 'application/pdf' || (mime === '' && extension === 'pdf')) return 'pdf';
  if (Object.values(IMAGE_TYPES).includes(mime) || (mime === '' && extension in IMAGE_TYPES)) return 'image';
  if (mime.startsWith('text/') || TEXT_TYPES.has(mime) || ((mime === '' || mime === 'application/octet-stream') && TEXT_EXTENSIONS.has(extension))) return 'text';
  return 'none';
}

/** The type a preview Blob gets: a whitelisted image type, or a neutral one, never what a peer wrote verbatim. */
export function safePreviewType(kind: PreviewKind, type: string, fileName: string): string {
  if (kind === 'pdf') return 'application/pdf';
  if (kind === 'text') return 'text/plain';
  if (kind === 'image') {
    const mime = type.split(';')[0]?.trim().toLowerCase() ?? '';
    if (Object.values(IMAGE_TYPES).includes(mime)) return mime;
    return IMAGE_TYPES[extensionOf(fileName)] ?? 'application/octet-stream';
  }
  return 'application/octet-stream';
}
