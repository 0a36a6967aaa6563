import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeExportFixture, plainPdf, tamperMarkdownRecord, tamperPdfRecord, type ExportFixture } from './export-fixture.test-helper';
import { RECORD_ATTACHMENT_NAME } from './export-pdf';
import { ExportRecordError, type ExportRecordProblem } from './export-record';
import { MAX_RECORD_BYTES } from './pdf-record';
import { checkExportFile, MAX_EXPORT_FILE_BYTES, readExportFile } from './read-export-file';

let fixture: ExportFixture;
const encode = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  fixture = await makeExportFixture();
});

async function problemOf(bytes: Uint8Array): Promise<ExportRecordProblem | 'none'> {
  try {
    await readExportFile(bytes);
    return 'none';
  } catch (error) {
    if (error instanceof ExportRecordError) return error.problem;
    throw error;
  }
}

describe('readExportFile', () => {
  it('tells PDF from Markdown by the content, not the name', async () => {
    expect((await readExportFile(fixture.pdf)).kind).toBe('pdf');
    expect((await readExportFile(encode(fixture.markdown))).kind).toBe('markdown');
    expect((await readExportFile(fixture.pdf)).record).toEqual((await readExportFile(encode(fixture.markdown))).record);
  });

  it('names what is wrong with a file that is no usable export', async () => {
    expect(await problemOf(await plainPdf())).toBe('noRecord');
    expect(await problemOf(encode('# Notulen\n\nGeen doel hier.'))).toBe('noRecord');
    expect(await problemOf(new Uint8Array())).toBe('noRecord');
    // Cut off halfway, as an interrupted download or mail attachment leaves it.
    expect(await problemOf(fixture.pdf.slice(0, Math.floor(fixture.pdf.length / 2)))).toBe('unclosed');
    expect(await problemOf(encode(fixture.markdown.slice(0, fixture.markdown.length - 10)))).toBe('unclosed');
    expect(await problemOf(encode('%PDF-1.7\n this is no PDF at all \n%%EOF\n'))).toBe('unreadable');
    const oversized = new Uint8Array(MAX_EXPORT_FILE_BYTES + 1);
    oversized.set(fixture.pdf);
    expect(await problemOf(oversized)).toBe('tooLarge');
  });

  it('stops inflating an attachment at the record limit (a small PDF may hold a huge compressed file)', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage();
    await doc.attach(new Uint8Array(MAX_RECORD_BYTES + 1).fill(0x20), RECORD_ATTACHMENT_NAME);
    const bomb = await doc.save();
    expect(bomb.length).toBeLessThan(MAX_EXPORT_FILE_BYTES);
    expect(await problemOf(bomb)).toBe('tooLarge');
  }, 30_000);

  it('finds a PDF whose middle was damaged unreadable or without its record, never a crash', async () => {
    const damaged = fixture.pdf.slice();
    damaged.fill(0x20, Math.floor(damaged.length * 0.3), Math.floor(damaged.length * 0.9));
    expect(['unreadable', 'noRecord', 'notJson']).toContain(await problemOf(damaged));
  });
});

describe('checkExportFile', () => {
  it('verifies the untouched PDF and Markdown exports', async () => {
    expect(await checkExportFile(fixture.pdf)).toMatchObject({ kind: 'pdf', verified: true });
    expect(await checkExportFile(encode(fixture.markdown))).toMatchObject({ kind: 'markdown', verified: true, visibleText: 'matches' });
  });

  it('finds a reason changed inside the PDF attachment', async () => {
    const tampered = await tamperPdfRecord(fixture.pdf, (record) => {
      record.stances[1]!.reason = 'Zonder voorbehoud';
    });
    const check = await checkExportFile(tampered);
    expect(check.verified).toBe(false);
    expect(check.stances.map((s) => s.problem)).toEqual([undefined, 'signature']);
  });

  it('finds a signature swapped inside the PDF attachment, and a changed goal text', async () => {
    const swapped = await tamperPdfRecord(fixture.pdf, (record) => {
      record.stances[0]!.signature = record.stances[1]!.signature;
    });
    expect((await checkExportFile(swapped)).stances.map((s) => s.problem)).toEqual(['signature', undefined]);
    const retexted = await tamperPdfRecord(fixture.pdf, (record) => {
      record.goal.canonicalText = 'De partners wekken samen 1 TWh op.';
    });
    expect(await checkExportFile(retexted)).toMatchObject({ goalTextMatches: false, verified: false });
  });

  it('finds a tampered Markdown record and an edit to the readable Markdown text', async () => {
    const tampered = tamperMarkdownRecord(fixture.markdown, (record) => {
      record.stances[1]!.stance = 'endorse';
      record.stances[1]!.reason = '';
    });
    expect((await checkExportFile(encode(tampered))).stances.map((s) => s.problem)).toEqual([undefined, 'signature']);
    const edited = fixture.markdown.replace('> De partners', '> Alle partners');
    expect(await checkExportFile(encode(edited))).toMatchObject({ allStancesValid: true, visibleText: 'differs', verified: false });
  });
});

describe('readExportFile on hostile input', () => {
  /** Resolves, or rejects with ExportRecordError; anything else fails the property. */
  const onlyNamedErrors = async (bytes: Uint8Array) => {
    try {
      await readExportFile(bytes);
    } catch (error) {
      if (!(error instanceof ExportRecordError)) throw error;
    }
  };

  it('throws nothing but ExportRecordError on arbitrary bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), onlyNamedErrors), { numRuns: 300 });
  });

  it('throws nothing but ExportRecordError on arbitrary bytes dressed as a PDF', async () => {
    const dressed = fc.tuple(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('', 'trailer\n<< /Root 1 0 R >>\n', 'xref\n0 1\n0000000000 65535 f \n')).map(([body, tail]) => new Uint8Array([...encode('%PDF-1.7\n'), ...body, ...encode(`\n${tail}%%EOF\n`)]));
    await fc.assert(fc.asyncProperty(dressed, onlyNamedErrors), { numRuns: 300 });
  });

  it('throws nothing but ExportRecordError on a real export with bytes overwritten or cut', async () => {
    const damage = fc.tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }), fc.option(fc.nat())).map(([writes, cut]) => {
      const bytes = fixture.pdf.slice(0, cut === null ? undefined : 200 + (cut % fixture.pdf.length));
      for (const [at, value] of writes) bytes[at % bytes.length] = value;
      return bytes;
    });
    await fc.assert(fc.asyncProperty(damage, onlyNamedErrors), { numRuns: 300 });
  });

  it('throws nothing but ExportRecordError on arbitrary text around a record fence', async () => {
    const text = fc.tuple(fc.string(), fc.string()).map(([a, b]) => encode(`${a}\n\`\`\`stroomkring-record\n${b}\n\`\`\`\n`));
    await fc.assert(fc.asyncProperty(text, onlyNamedErrors), { numRuns: 300 });
  });
});
