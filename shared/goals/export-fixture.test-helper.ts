/**
 * A small adopted goal with signed stances, exported as Markdown and PDF, and
 * ways to tamper with each the way someone editing the file would. Shared by
 * the export unit tests, the CLI tests and the end-to-end fixtures.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream, type PDFRef } from 'pdf-lib';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { DEFAULT_QUORUM } from './adoption';
import { exportGoalMarkdown, type ExportAdoption, type ExportGoal } from './export-markdown';
import { exportGoalPdf, type PdfExportOptions } from './export-pdf';
import type { ExportRecord } from './export-record';
import { signStance, type StanceKind, type StanceRecord } from './stance';

export const FIXTURE_GOAL: ExportGoal = {
  id: 'goal-1',
  title: 'Samen 3 TWh in 2030',
  text: 'De partners in de regio wekken in 2030 samen 3 TWh duurzaam op.\n\nDaarbij krijgt elke wijk een eigen energieplan.',
};
export const FIXTURE_ADOPTION: ExportAdoption = { adopted: true, adoptedAt: Date.UTC(2026, 10, 26, 21), quorum: DEFAULT_QUORUM };

export interface ExportFixture {
  readonly gemeente: IdentityKeys;
  readonly netbeheerder: IdentityKeys;
  readonly stances: StanceRecord[];
  readonly options: PdfExportOptions;
  readonly markdown: string;
  readonly pdf: Uint8Array;
}

export async function signFixtureStance(keys: IdentityKeys, organisationId: string, stance: StanceKind, at: number, goal: ExportGoal = FIXTURE_GOAL): Promise<StanceRecord> {
  const reason = stance === 'endorse' ? '' : 'Mits de netcapaciteit meegroeit';
  return signStance({ goalId: goal.id, organisationId, memberId: keys.memberId, publicKey: keys.publicKeyB64, stance, reason, text: goal.text, at }, keys.privateKey);
}

export async function makeExportFixture(goal: ExportGoal = FIXTURE_GOAL): Promise<ExportFixture> {
  const gemeente = await generateIdentityKeys();
  const netbeheerder = await generateIdentityKeys();
  const stances = [
    await signFixtureStance(gemeente, 'org-gem', 'endorse', Date.UTC(2026, 10, 26, 20), goal),
    await signFixtureStance(netbeheerder, 'org-net', 'endorseWithReservations', Date.UTC(2026, 10, 26, 21), goal),
  ];
  const options: PdfExportOptions = {
    exportedAt: Date.UTC(2026, 10, 27, 9),
    organisationNames: { 'org-gem': 'Gemeente Delft', 'org-net': 'Stedin' },
    memberNames: { [gemeente.memberId]: 'Anna de Vries', [netbeheerder.memberId]: 'Bram Jansen' },
  };
  const markdown = await exportGoalMarkdown(goal, stances, FIXTURE_ADOPTION, options);
  const pdf = await exportGoalPdf(goal, stances, FIXTURE_ADOPTION, options);
  return { gemeente, netbeheerder, stances, options, markdown, pdf };
}

/** The stream reference of the first embedded file, as export-pdf writes it (flat name tree). */
function firstAttachment(doc: PDFDocument): { ref: PDFRef; stream: PDFRawStream } {
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  const files = names.lookup(1, PDFDict).lookup(PDFName.of('EF'), PDFDict);
  const ref = files.get(PDFName.of('F')) as PDFRef;
  const stream = doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) throw new Error('the attachment is not a stream');
  return { ref, stream };
}

/** Re-saves the PDF with its attached record changed by `edit`, as a tool editing the attachment would. */
export async function tamperPdfRecord(pdf: Uint8Array, edit: (record: ExportRecord & { stances: StanceRecord[] }) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const { ref, stream } = firstAttachment(doc);
  const record = JSON.parse(new TextDecoder().decode(decodePDFRawStream(stream).decode())) as ExportRecord & { stances: StanceRecord[] };
  edit(record);
  doc.context.assign(ref, doc.context.flateStream(new TextEncoder().encode(JSON.stringify(record, null, 2)), { Type: 'EmbeddedFile', Subtype: 'application/json' }));
  return doc.save();
}

/** The Markdown export with its record block changed by `edit`. */
export function tamperMarkdownRecord(markdown: string, edit: (record: ExportRecord & { stances: StanceRecord[] }) => void): string {
  const start = markdown.lastIndexOf('```stroomkring-record\n');
  const end = markdown.lastIndexOf('\n```');
  const record = JSON.parse(markdown.slice(start + '```stroomkring-record\n'.length, end)) as ExportRecord & { stances: StanceRecord[] };
  edit(record);
  return `${markdown.slice(0, start)}\`\`\`stroomkring-record\n${JSON.stringify(record, null, 2)}\n\`\`\`\n`;
}

/** A PDF with pages but no attachment: any other PDF a user might pick. */
export async function plainPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage().drawText('Notulen regiosessie');
  return doc.save();
}
