/**
 * Reads the record attached to a goal's PDF export (export-pdf.ts): the
 * embedded file RECORD_ATTACHMENT_NAME in the document's EmbeddedFiles name
 * tree (catalog → Names → EmbeddedFiles → Names / Kids → file
 * specification → EF → F).
 *
 * pdf-lib parses the file, so this runs unchanged in Node (the CLI) and in
 * the renderer. Every failure is an ExportRecordError: a PDF that will not
 * parse is `unreadable`, one that stops before its end marker `unclosed`, one
 * without the attachment `noRecord`. Work is bounded for hostile files: the
 * name tree walk by depth and node count, the decompressed attachment by
 * MAX_RECORD_BYTES (a small file may inflate to gigabytes).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import { RECORD_ATTACHMENT_NAME } from './export-pdf';
import { ExportRecordError, parseRecordJson, type ExportRecord } from './export-record';
import { errorDetail } from '../errors/stroomkring-error';

/** The most a record can hold: the stance limit times a full goal text each, with room; more is not an export. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** Real name trees are one or two levels deep; a deeper or cyclic one is damaged or hostile. */
const MAX_TREE_DEPTH = 16;
const MAX_TREE_NODES = 10_000;
/** Writers put %%EOF at the very end, some follow it with a line break or a little padding. */
const EOF_WINDOW = 1024;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export function looksLikePdf(bytes: Uint8Array): boolean {
  return PDF_MAGIC.every((byte, index) => bytes[index] === byte);
}

function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)));
  return tail.includes('%%EOF');
}

const detail = (error: unknown) => (errorDetail(error)).slice(0, 200);

function nameOf(spec: PDFDict): string | undefined {
  for (const key of ['UF', 'F']) {
    const value = spec.get(PDFName.of(key));
    const resolved = value === undefined ? undefined : spec.context.lookup(value);
    if (resolved instanceof PDFString || resolved instanceof PDFHexString) return resolved.decodeText();
  }
  return undefined;
}

/** The file specifications in the EmbeddedFiles name tree, in tree order. */
function embeddedFileSpecs(doc: PDFDocument): PDFDict[] {
  const names = doc.catalog.lookup(PDFName.of('Names'));
  if (!(names instanceof PDFDict)) return [];
  const root = names.lookup(PDFName.of('EmbeddedFiles'));
  if (!(root instanceof PDFDict)) return [];
  const specs: PDFDict[] = [];
  const seen = new Set<PDFObject>();
  const walk = (node: PDFDict, depth: number) => {
    if (depth > MAX_TREE_DEPTH || seen.has(node) || seen.size >= MAX_TREE_NODES) throw new ExportRecordError('unreadable', 'the PDF attachment list is damaged (too deep or circular)');
    seen.add(node);
    const leaves = node.lookup(PDFName.of('Names'));
    if (leaves instanceof PDFArray) {
      for (let index = 1; index < leaves.size(); index += 2) {
        const spec = leaves.lookup(index);
        if (spec instanceof PDFDict) specs.push(spec);
      }
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) {
      for (let index = 0; index < kids.size(); index += 1) {
        const kid = kids.lookup(index);
        if (kid instanceof PDFDict) walk(kid, depth + 1);
      }
    }
  };
  walk(root, 0);
  return specs;
}

function attachmentBytes(spec: PDFDict): Uint8Array {
  const files = spec.lookup(PDFName.of('EF'));
  const stream = files instanceof PDFDict ? files.lookup(PDFName.of('F')) : undefined;
  if (!(stream instanceof PDFRawStream)) throw new ExportRecordError('unreadable', `the PDF names ${RECORD_ATTACHMENT_NAME} but holds no file for it`);
  const bytes = decodePDFRawStream(stream).getBytes(MAX_RECORD_BYTES + 1);
  if (bytes.length > MAX_RECORD_BYTES) throw new ExportRecordError('tooLarge', `${RECORD_ATTACHMENT_NAME} is larger than any goal record can be`);
  return new Uint8Array(bytes);
}

/** The JSON text of the attached record; throws ExportRecordError. */
export async function readPdfRecordText(bytes: Uint8Array): Promise<string> {
  if (!looksLikePdf(bytes)) throw new ExportRecordError('noRecord', 'not a PDF file');
  if (!hasEndMarker(bytes)) throw new ExportRecordError('unclosed', 'the PDF stops before its end; the file may be cut off');
  let doc: PDFDocument;
  try {
    // Strict objects: an export is written whole by pdf-lib, so an object it cannot read means damage, not dialect.
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    throw new ExportRecordError('unreadable', `the PDF cannot be read (${detail(error)})`);
  }
  let raw: Uint8Array | undefined;
  try {
    const spec = embeddedFileSpecs(doc).find((candidate) => nameOf(candidate) === RECORD_ATTACHMENT_NAME);
    raw = spec === undefined ? undefined : attachmentBytes(spec);
  } catch (error) {
    if (error instanceof ExportRecordError) throw error;
    throw new ExportRecordError('unreadable', `the PDF's attachments cannot be read (${detail(error)})`);
  }
  if (raw === undefined) throw new ExportRecordError('noRecord', `this PDF has no ${RECORD_ATTACHMENT_NAME} attachment; is it a Stroomkring goal export?`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new ExportRecordError('notJson', `${RECORD_ATTACHMENT_NAME} is not UTF-8 text`);
  }
}

export async function readPdfRecord(bytes: Uint8Array): Promise<ExportRecord> {
  return parseRecordJson(await readPdfRecordText(bytes), `the attached ${RECORD_ATTACHMENT_NAME}`);
}
