/**
 * One entry point for checking an exported goal file, whatever its format:
 * used by `npm run verify -- FILE` and by the app's "Export controleren".
 *
 * The format is told by the content, not the name (a renamed or mailed file
 * keeps its bytes): a file starting with `%PDF-` is read as the PDF export
 * (record attached, pdf-record.ts), anything else as the Markdown export
 * (record in a fenced block, export-record.ts). Throws only ExportRecordError.
 *
 * A file verifies when its record parses, every stance's signature holds and
 * is for this goal, the goal text matches its hash, and — for Markdown, whose
 * readable text anyone can edit in any editor — the quoted text is the
 * recorded one. A PDF's drawn pages are not compared: their text may be
 * substituted for the font (pdf-text.ts), and the record is what is signed.
 */
import { visibleTextMatches } from './export-markdown';
import { ExportRecordError, parseExportRecord, verifyExport, type ExportRecord, type ExportVerification } from './export-record';
import { looksLikePdf, readPdfRecord } from './pdf-record';

/** A goal export is tens of kilobytes; refusing huge files keeps a wrong choice of file from filling memory. */
export const MAX_EXPORT_FILE_BYTES = 20 * 1024 * 1024;

export type ExportFileKind = 'markdown' | 'pdf';

export interface ExportFile {
  readonly kind: ExportFileKind;
  readonly record: ExportRecord;
  /** For Markdown: the document text, to compare its readable part with the record. */
  readonly markdown?: string;
}

export async function readExportFile(bytes: Uint8Array): Promise<ExportFile> {
  if (bytes.length > MAX_EXPORT_FILE_BYTES) throw new ExportRecordError('tooLarge', `larger than ${MAX_EXPORT_FILE_BYTES / 1024 / 1024} MB, not a goal export`);
  if (looksLikePdf(bytes)) return { kind: 'pdf', record: await readPdfRecord(bytes) };
  // Not fatal: a stray byte elsewhere in a Markdown file must not hide an intact record.
  const markdown = new TextDecoder('utf-8').decode(bytes);
  return { kind: 'markdown', record: parseExportRecord(markdown), markdown };
}

export type VisibleTextCheck = 'matches' | 'differs' | 'notChecked';

export interface ExportFileCheck extends ExportVerification {
  readonly kind: ExportFileKind;
  readonly record: ExportRecord;
  readonly visibleText: VisibleTextCheck;
  /** Everything that can be checked offline holds. */
  readonly verified: boolean;
}

export async function checkExportFile(bytes: Uint8Array): Promise<ExportFileCheck> {
  const file = await readExportFile(bytes);
  const verification = await verifyExport(file.record);
  const visibleText: VisibleTextCheck = file.markdown === undefined ? 'notChecked' : visibleTextMatches(file.markdown, file.record) ? 'matches' : 'differs';
  return {
    ...verification,
    kind: file.kind,
    record: file.record,
    visibleText,
    verified: verification.allStancesValid && verification.mandates.every((check) => check.valid) && verification.goalTextMatches && visibleText !== 'differs',
  };
}
