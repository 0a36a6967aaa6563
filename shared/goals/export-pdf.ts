/**
 * A goal as a PDF for filing and printing: the text, the adoption, and every
 * stance with its organisation, member, reason, time, text hash, public key
 * and signature, on A4 pages with wrapping, page breaks and page numbers.
 *
 * The machine-readable record (export-record.ts) is attached to the PDF as
 * the embedded file RECORD_ATTACHMENT_NAME, exactly the JSON the Markdown
 * export carries; verification reads that attachment (read-export-file.ts),
 * never the drawn pages. The pages use the standard fonts, so characters
 * outside WinAnsi are substituted there (pdf-text.ts) and the page says so.
 *
 * Reproducible: the same input gives the same bytes. pdf-lib's automatic
 * metadata (the current time, its own producer) is switched off; the dates
 * written are the adoption time and the export time from the input.
 */
import { AFRelationship, PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { EXPORT_LABELS_EN, EXPORT_LABELS_NL, buildExportRecord, mandateLine, type ExportAdoption, type ExportGoal, type ExportLabels, type ExportOptions } from './export-markdown';
import type { ExportRecord } from './export-record';
import { toWinAnsi, wrapText } from './pdf-text';
import type { StanceRecord } from './stance';

export const RECORD_ATTACHMENT_NAME = 'stroomkring-record.json';

export interface PdfLabels extends ExportLabels {
  /** BCP 47 tag written as the document language. */
  readonly language: string;
  readonly subject: string;
  /** `{min}` and `{percent}` are filled in. */
  readonly quorum: string;
  readonly publicKey: string;
  readonly reasonNone: string;
  readonly attachmentHint: string;
  readonly substitutionNote: string;
  /** `{page}` and `{pages}` are filled in. */
  readonly page: string;
}

export const PDF_LABELS_NL: PdfLabels = {
  ...EXPORT_LABELS_NL,
  language: 'nl-NL',
  subject: 'Gemeenschappelijk doel met ondertekende standpunten',
  quorum: 'Quorum: minstens {min} steunende organisaties en minstens {percent}% van de deelnemende organisaties',
  publicKey: 'Publieke sleutel',
  reasonNone: '—',
  attachmentHint: `Dit PDF-bestand bevat als bijlage ${RECORD_ATTACHMENT_NAME}: de exacte tekst en alle ondertekende standpunten. Controleer ze zonder de app met npm run verify -- BESTAND, of in Stroomkring met Export controleren.`,
  substitutionNote: `Sommige tekens kan het lettertype van deze PDF niet tonen; ze staan hier als ?. De bijlage ${RECORD_ATTACHMENT_NAME} bevat de exacte tekst.`,
  page: 'Pagina {page} van {pages}',
};

export const PDF_LABELS_EN: PdfLabels = {
  ...EXPORT_LABELS_EN,
  language: 'en-GB',
  subject: 'Common goal with signed stances',
  quorum: 'Quorum: at least {min} supporting organisations and at least {percent}% of the participating organisations',
  publicKey: 'Public key',
  reasonNone: '—',
  attachmentHint: `This PDF has ${RECORD_ATTACHMENT_NAME} attached: the exact text and every signed stance. Check them without the app with npm run verify -- FILE, or in Stroomkring with Check export.`,
  substitutionNote: `Some characters cannot be shown in this PDF's font; they appear here as ?. The attachment ${RECORD_ATTACHMENT_NAME} holds the exact text.`,
  page: 'Page {page} of {pages}',
};

export interface PdfExportOptions extends Omit<ExportOptions, 'labels'> {
  readonly labels?: PdfLabels;
}

/** A4 in points, with margins wide enough for a binder's punch holes. */
const PAGE = { width: 595.28, height: 841.89, margin: 56, footer: 28 } as const;
const SIZE = { title: 18, heading: 13, text: 11, body: 10, mono: 8, footer: 8 } as const;
const LEADING = 1.35;
/** Height a page offers for content; a block taller than this breaks anyway. */
const PAGE_BODY_HEIGHT = PAGE.height - 2 * PAGE.margin - PAGE.footer;
/** The field names of a stance sit in a column of their own, values wrap beside them. */
const LABEL_COLUMN = 112;
/** A field of up to this many lines is kept on one page; a longer one (a long reason) may run over. */
const KEEP_TOGETHER_LINES = 8;
const GREY = rgb(0.35, 0.35, 0.35);

const utc = (at: number) => new Date(at).toISOString().replace('.000Z', 'Z');
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly mono: PDFFont;
}
const sizeOf = (font: PDFFont, fonts: Fonts) => (font === fonts.mono ? SIZE.mono : SIZE.body);

/** label, value, and the value's font (regular when left out). */
type Field = readonly [string, string, PDFFont?];

/** Lays lines onto pages top to bottom, opening a new page when one is full. */
class PageWriter {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  private readonly width = PAGE.width - 2 * PAGE.margin;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.margin;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y - height < PAGE.margin + PAGE.footer && this.y < PAGE.height - PAGE.margin) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  wrap(text: string, font: PDFFont, size: number, width = this.width): string[] {
    return wrapText(text.split('\n').map((line) => toWinAnsi(line).text).join('\n'), width, (line) => font.widthOfTextAtSize(line, size));
  }

  /** A wrapped block of text; `keepWith` more lines must fit after the first (a heading stays with its content). */
  paragraph(text: string, font: PDFFont, size: number, options: { keepWith?: number; color?: ReturnType<typeof rgb> } = {}): void {
    const lines = this.wrap(text, font, size);
    const lineHeight = size * LEADING;
    this.ensure(lineHeight * (1 + (options.keepWith ?? 0)));
    for (const line of lines) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      if (line !== '') this.page.drawText(line, { x: PAGE.margin, y: this.y, font, size, ...(options.color ? { color: options.color } : {}) });
    }
  }

  private fieldLines(label: string, value: string, font: PDFFont, size: number) {
    const lines = this.wrap(value, font, size, this.width - LABEL_COLUMN);
    const labelLines = this.wrap(label, this.fonts.bold, SIZE.body, LABEL_COLUMN - 8);
    return { lines, labelLines, rows: Math.max(lines.length, labelLines.length) };
  }

  /** The height a list of fields takes, to keep a short block (one stance) on one page. */
  fieldsHeight(fields: readonly Field[]): number {
    return fields.reduce((sum, [label, value, font]) => sum + this.fieldLines(label, value, font ?? this.fonts.regular, sizeOf(font ?? this.fonts.regular, this.fonts)).rows, 0) * SIZE.body * LEADING;
  }

  /** A label in the left column and its wrapped value beside it; a long label wraps in its column too. */
  field(label: string, value: string, font: PDFFont = this.fonts.regular): void {
    const size = sizeOf(font, this.fonts);
    const { lines, labelLines, rows } = this.fieldLines(label, value, font, size);
    const lineHeight = SIZE.body * LEADING;
    this.ensure(lineHeight * Math.min(rows, KEEP_TOGETHER_LINES));
    for (let row = 0; row < rows; row += 1) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      const labelLine = labelLines[row];
      const line = lines[row];
      if (labelLine) this.page.drawText(labelLine, { x: PAGE.margin, y: this.y, font: this.fonts.bold, size: SIZE.body });
      if (line) this.page.drawText(line, { x: PAGE.margin + LABEL_COLUMN, y: this.y, font, size });
    }
  }

  /** Page numbers and the title on every page, once the number of pages is known. */
  footers(title: string, labels: PdfLabels): void {
    const short = this.wrap(title, this.fonts.regular, SIZE.footer, this.width / 2)[0] ?? '';
    this.pages.forEach((page, index) => {
      const number = toWinAnsi(fill(labels.page, { page: index + 1, pages: this.pages.length })).text;
      const y = PAGE.margin / 2;
      page.drawText(short, { x: PAGE.margin, y, font: this.fonts.regular, size: SIZE.footer, color: GREY });
      page.drawText(number, { x: PAGE.width - PAGE.margin - this.fonts.regular.widthOfTextAtSize(number, SIZE.footer), y, font: this.fonts.regular, size: SIZE.footer, color: GREY });
    });
  }
}

/** Whether any visible string loses characters to substitution, so the page can say so up front. */
function needsSubstitution(record: ExportRecord): boolean {
  const visible = [record.goal.title, record.goal.canonicalText, ...Object.values(record.organisations), ...Object.values(record.members), ...(record.stances as StanceRecord[]).map((s) => s.reason)];
  return visible.some((text) => text.split('\n').some((line) => toWinAnsi(line).substituted > 0));
}

export async function exportGoalPdf(goal: ExportGoal, stances: readonly StanceRecord[], adoption: ExportAdoption, options: PdfExportOptions): Promise<Uint8Array> {
  const labels = options.labels ?? PDF_LABELS_NL;
  const record = await buildExportRecord(goal, stances, adoption, options);
  const recordStances = record.stances as StanceRecord[];
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const writer = new PageWriter(doc, fonts);

  writer.paragraph(record.goal.title, fonts.bold, SIZE.title);
  writer.gap(8);
  writer.field(labels.goalId, record.goal.id, fonts.mono);
  writer.field(labels.textHash, record.goal.textHash, fonts.mono);
  const adopted = record.adoption.adopted && record.adoption.adoptedAt !== undefined;
  writer.paragraph(adopted ? `${labels.adoptedOn} ${utc(record.adoption.adoptedAt as number)}` : labels.notAdopted, fonts.regular, SIZE.body);
  writer.paragraph(fill(labels.quorum, { min: record.adoption.quorum.minSupportingOrganisations, percent: record.adoption.quorum.minSupportingPercent }), fonts.regular, SIZE.body);
  writer.paragraph(`${labels.exportedOn} ${utc(record.exportedAt)}`, fonts.regular, SIZE.body);
  if (needsSubstitution(record)) {
    writer.gap(4);
    writer.paragraph(labels.substitutionNote, fonts.regular, SIZE.body, { color: GREY });
  }

  writer.gap(14);
  writer.paragraph(labels.text, fonts.bold, SIZE.heading, { keepWith: 2 });
  writer.gap(4);
  writer.paragraph(record.goal.canonicalText, fonts.regular, SIZE.text);

  writer.gap(14);
  writer.paragraph(labels.stances, fonts.bold, SIZE.heading, { keepWith: 2 });
  if (recordStances.length === 0) writer.paragraph(labels.noStances, fonts.regular, SIZE.body);
  const [organisation, member, stanceColumn, reason, time, version, signature] = labels.columns;
  recordStances.forEach((stance, index) => {
    const fields: Field[] = [
      [organisation, stance.organisationId, fonts.mono],
      [member, `${record.members[stance.memberId] ?? ''} (${stance.memberId})`.trimStart()],
      [stanceColumn, labels.stanceKinds[stance.stance]],
      [reason, stance.reason === '' ? labels.reasonNone : stance.reason],
      [time, utc(stance.at)],
      [version, stance.textHash === record.goal.textHash ? labels.currentVersion : labels.earlierVersion],
      [labels.textHash, stance.textHash, fonts.mono],
      [labels.publicKey, stance.publicKey, fonts.mono],
      [signature, stance.signature, fonts.mono],
    ];
    writer.gap(8);
    // A stance is read as one block: it starts on a new page rather than break, unless it is longer than a page.
    writer.ensure(Math.min(writer.fieldsHeight(fields) + SIZE.text * LEADING, PAGE_BODY_HEIGHT));
    writer.paragraph(`${index + 1}. ${record.organisations[stance.organisationId] ?? stance.organisationId}`, fonts.bold, SIZE.text, { keepWith: 4 });
    for (const [label, value, font] of fields) writer.field(label, value, font);
  });

  writer.gap(14);
  writer.paragraph(labels.mandates, fonts.bold, SIZE.heading, { keepWith: 2 });
  const mandates = record.mandates ?? [];
  if (mandates.length === 0) writer.paragraph(labels.noMandates, fonts.regular, SIZE.body);
  for (const mandate of mandates) writer.paragraph(mandateLine(mandate, record, labels), fonts.regular, SIZE.body);

  writer.gap(14);
  writer.paragraph(labels.verification, fonts.bold, SIZE.heading, { keepWith: 2 });
  writer.paragraph(labels.attachmentHint, fonts.regular, SIZE.body);
  writer.footers(record.goal.title, labels);

  await doc.attach(new TextEncoder().encode(JSON.stringify(record, null, 2)), RECORD_ATTACHMENT_NAME, {
    mimeType: 'application/json',
    description: 'Stroomkring goal record: the goal text and its signed stances',
    creationDate: new Date(record.exportedAt),
    modificationDate: new Date(record.exportedAt),
    afRelationship: AFRelationship.Data,
  });
  doc.setTitle(record.goal.title, { showInWindowTitleBar: true });
  doc.setSubject(labels.subject);
  doc.setLanguage(labels.language);
  doc.setCreator('Stroomkring');
  doc.setProducer('Stroomkring (pdf-lib)');
  doc.setCreationDate(new Date(record.adoption.adoptedAt ?? record.exportedAt));
  doc.setModificationDate(new Date(record.exportedAt));
  return doc.save();
}
