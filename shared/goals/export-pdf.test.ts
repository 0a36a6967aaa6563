import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExportRecord, type ExportGoal } from './export-markdown';
import { FIXTURE_ADOPTION, FIXTURE_GOAL, makeExportFixture, signFixtureStance, type ExportFixture } from './export-fixture.test-helper';
import { exportGoalPdf, PDF_LABELS_EN, RECORD_ATTACHMENT_NAME } from './export-pdf';
import { readPdfRecord, readPdfRecordText } from './pdf-record';
import { checkExportFile } from './read-export-file';

let fixture: ExportFixture;

beforeAll(async () => {
  fixture = await makeExportFixture();
});

/** Node's TextDecoder treats windows-1252 as Latin-1, so the 0x80–0x9F block is mapped here. */
const WIN_ANSI_HIGH = new Map([0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f].map((code, i) => [code, [...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'][i] as string]));
const winAnsiChar = (code: number) => WIN_ANSI_HIGH.get(code) ?? String.fromCharCode(code);

/**
 * The strings drawn on each page. pdf-lib draws standard-font text as hex
 * strings of WinAnsi bytes (`<...> Tj`), so decoding those gives the visible
 * text without a PDF text extractor.
 */
async function drawnText(pdf: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents === undefined ? [] : 'asArray' in contents ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    const source = streams.map((stream) => (stream instanceof PDFRawStream ? new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()) : '')).join('\n');
    return [...source.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map(([, hex]) => ((hex ?? '').match(/../g) ?? []).map((byte) => winAnsiChar(parseInt(byte, 16))).join(''));
  });
}

describe('exportGoalPdf', () => {
  it('round-trips: the attached record is the one the Markdown export carries, and every signature verifies', async () => {
    const record = await buildExportRecord(FIXTURE_GOAL, fixture.stances, FIXTURE_ADOPTION, fixture.options);
    expect(await readPdfRecord(fixture.pdf)).toEqual(record);
    expect(JSON.parse(await readPdfRecordText(fixture.pdf))).toEqual(record);
    const check = await checkExportFile(fixture.pdf);
    expect(check).toMatchObject({ kind: 'pdf', verified: true, allStancesValid: true, goalTextMatches: true, visibleText: 'notChecked' });
    expect(check.stances).toHaveLength(2);
  });

  it('shows the title, the text, the adoption, the quorum and every stance with its key and whole signature', async () => {
    const pages = await drawnText(fixture.pdf);
    const all = pages.flat();
    const joined = all.join('');
    expect(all[0]).toBe('Samen 3 TWh in 2030');
    expect(all).toContain('De partners in de regio wekken in 2030 samen 3 TWh duurzaam op.');
    expect(all).toContain('Aangenomen op 2026-11-26T21:00:00Z');
    expect(all).toContain('Quorum: minstens 2 steunende organisaties en minstens 50% van de deelnemende organisaties');
    for (const stance of fixture.stances) {
      // Monospace values wrap between characters: the signature is whole once its lines are joined.
      expect(joined).toContain(stance.signature);
      expect(joined).toContain(stance.publicKey);
      expect(joined).toContain(stance.textHash);
    }
    expect(all).toEqual(expect.arrayContaining(['1. Gemeente Delft', '2. Stedin', 'Anna de Vries (' + fixture.gemeente.memberId + ')', 'Onderschrijft met voorbehoud', 'Mits de netcapaciteit meegroeit']));
    expect(all.at(-1)).toBe('Pagina 1 van 1');
  });

  it('is reproducible and carries metadata from the goal and its adoption time', async () => {
    const again = await exportGoalPdf(FIXTURE_GOAL, [...fixture.stances].reverse(), FIXTURE_ADOPTION, fixture.options);
    expect(again).toEqual(fixture.pdf);
    const doc = await PDFDocument.load(fixture.pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Samen 3 TWh in 2030');
    expect(doc.getCreator()).toBe('Stroomkring');
    expect(doc.getProducer()).toBe('Stroomkring (pdf-lib)');
    expect(doc.getSubject()).toBe('Gemeenschappelijk doel met ondertekende standpunten');
    expect(doc.getCreationDate()?.getTime()).toBe(FIXTURE_ADOPTION.adoptedAt);
    expect(doc.getModificationDate()?.getTime()).toBe(fixture.options.exportedAt);
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toContain('nl-NL');
  });

  it('follows the labels it is given', async () => {
    const english = await exportGoalPdf(FIXTURE_GOAL, fixture.stances, FIXTURE_ADOPTION, { ...fixture.options, labels: PDF_LABELS_EN });
    const all = (await drawnText(english)).flat();
    expect(all).toEqual(expect.arrayContaining(['Stances', 'Endorses with reservations', 'Adopted on 2026-11-26T21:00:00Z', 'Page 1 of 1']));
  });

  it('does not crash on characters outside WinAnsi: substitutes them on the page, keeps them exactly in the record', async () => {
    const goal: ExportGoal = { id: 'goal-2', title: 'Łódź 🌍 风电 – samen', text: 'Zon op elk dak ☀️, wind 风 en Kraków-achtige wijkwarmte.\nEmoji 👩‍👩‍👧 en tab\there.' };
    const stance = await signFixtureStance(fixture.gemeente, 'org-gem', 'standAside', 1, goal);
    const pdf = await exportGoalPdf(goal, [stance], { adopted: false, quorum: FIXTURE_ADOPTION.quorum }, { exportedAt: 2, organisationNames: { 'org-gem': 'Gmina Łódź 市' } });
    const all = (await drawnText(pdf)).flat();
    expect(all[0]).toBe('Lódz ? ?? – samen');
    expect(all).toContain('1. Gmina Lódz ?');
    expect(all.join(' ')).toContain('Sommige tekens kan het lettertype van deze PDF niet tonen');
    const record = await readPdfRecord(pdf);
    expect(record.goal.title).toBe(goal.title);
    expect(record.goal.canonicalText).toBe('Zon op elk dak ☀️, wind 风 en Kraków-achtige wijkwarmte.\nEmoji 👩‍👩‍👧 en tab\there.');
    expect((await checkExportFile(pdf)).verified).toBe(true);
    // No note when nothing had to be substituted.
    expect((await drawnText(fixture.pdf)).flat().join(' ')).not.toContain('Sommige tekens');
  });

  it('breaks a long goal and many stances over numbered pages, and a long unbroken word over lines', async () => {
    const goal: ExportGoal = { ...FIXTURE_GOAL, text: `${'Een zin over de regionale energiestrategie. '.repeat(400)}\n\n${'x'.repeat(500)}` };
    const stances = await Promise.all(Array.from({ length: 12 }, (_, i) => signFixtureStance(i % 2 ? fixture.gemeente : fixture.netbeheerder, `org-${i}`, 'endorse', 1000 + i, goal)));
    const pdf = await exportGoalPdf(goal, stances, FIXTURE_ADOPTION, { exportedAt: 5000 });
    const pages = await drawnText(pdf);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, index) => expect(page.at(-1)).toBe(`Pagina ${index + 1} van ${pages.length}`));
    const flat = pages.flat();
    expect(flat.filter((line) => /^x+$/.test(line)).join('')).toBe('x'.repeat(500));
    for (const stance of stances) expect(flat.join('')).toContain(stance.signature);
    // A stance block is not split over two pages: its heading and signature share a page.
    stances.forEach((stance, index) => {
      const page = pages.find((lines) => lines.includes(`${index + 1}. org-${index}`));
      expect(page?.join('')).toContain(stance.signature);
    });
    expect((await checkExportFile(pdf)).verified).toBe(true);
  });

  it('names the attachment for PDF readers', async () => {
    const doc = await PDFDocument.load(fixture.pdf);
    const text = doc.catalog.lookup(PDFName.of('Names'))?.toString() ?? '';
    expect(text).toContain('EmbeddedFiles');
    expect(RECORD_ATTACHMENT_NAME).toBe('stroomkring-record.json');
  });
});
