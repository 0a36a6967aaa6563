import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys.ts';
import { DEFAULT_QUORUM } from '../../shared/goals/adoption.ts';
import { exportGoalMarkdown } from '../../shared/goals/export-markdown.ts';
import { exportGoalPdf } from '../../shared/goals/export-pdf.ts';
import { plainPdf, tamperPdfRecord } from '../../shared/goals/export-fixture.test-helper.ts';
import { signStance } from '../../shared/goals/stance.ts';
import { EXIT, run } from './verify-export-cli.ts';

const TEXT = 'De partners in de regio wekken in 2030 samen 3 TWh duurzaam op.';
let dir: string;
let valid: string;
let tampered: string;
let garbage: string;
let validMarkdown: string;
let pdf: string;
let tamperedPdf: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stroomkring-verify-'));
  const anna = await generateIdentityKeys();
  const bram = await generateIdentityKeys();
  const sign = (keys: typeof anna, organisationId: string, stance: 'endorse' | 'standAside', at: number) =>
    signStance({ goalId: 'goal-1', organisationId, memberId: keys.memberId, publicKey: keys.publicKeyB64, stance, reason: stance === 'endorse' ? '' : 'Geen rol voor ons', text: TEXT, at }, keys.privateKey);
  const stances = [await sign(anna, 'org-gem', 'endorse', 1_790_000_000_000), await sign(bram, 'org-net', 'standAside', 1_790_000_100_000)];
  const options = {
    exportedAt: 1_790_000_200_000,
    organisationNames: { 'org-gem': 'Gemeente Delft', 'org-net': 'Stedin' },
    memberNames: { [anna.memberId]: 'Anna de Vries', [bram.memberId]: 'Bram Jansen' },
  };
  validMarkdown = await exportGoalMarkdown({ id: 'goal-1', title: '3 TWh in 2030', text: TEXT }, stances, { adopted: false, quorum: DEFAULT_QUORUM }, options);
  const pdfBytes = await exportGoalPdf({ id: 'goal-1', title: '3 TWh in 2030', text: TEXT }, stances, { adopted: true, adoptedAt: 1_790_000_100_000, quorum: DEFAULT_QUORUM }, options);
  // Named .bin: the format is told by the content, not the extension.
  pdf = join(dir, 'doel.bin');
  tamperedPdf = join(dir, 'doel-gewijzigd.pdf');
  await writeFile(pdf, pdfBytes);
  await writeFile(
    tamperedPdf,
    await tamperPdfRecord(pdfBytes, (record) => {
      record.stances[1]!.stance = 'endorse';
      record.stances[1]!.reason = '';
    }),
  );
  valid = join(dir, 'doel.md');
  tampered = join(dir, 'doel-gewijzigd.md');
  garbage = join(dir, 'rommel.md');
  await writeFile(valid, validMarkdown);
  // The stand-aside is turned into an endorsement inside the record, as someone editing the file would.
  await writeFile(tampered, validMarkdown.replace('"stance": "standAside"', '"stance": "endorse"').replace('"reason": "Geen rol voor ons"', '"reason": ""'));
  await writeFile(garbage, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0a, 0x60, 0x60, 0x60]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runOn(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { readFile: async (path) => new Uint8Array(await readFile(path)), out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run verify', () => {
  it('passes a valid export with exit 0 and a ✓ per stance', async () => {
    const { code, out } = await runOn([valid]);
    expect(code).toBe(EXIT.verified);
    expect(out).toMatch(/✓ OK Gemeente Delft \[org-gem\] — Anna de Vries \[[\w-]+\] — endorse at 2026-/);
    expect(out).toMatch(/✓ OK Stedin \[org-net\] — Bram Jansen \[[\w-]+\] — standAside/);
    expect(out).toContain('✓ goal text matches its SHA-256');
    expect(out).toContain('Verified: all 2 signature(s) are valid.');
  });

  it('fails a tampered export with exit 1, naming the stance and the problem', async () => {
    const { code, out } = await runOn([tampered]);
    expect(code).toBe(EXIT.notVerified);
    expect(out).toMatch(/✗ INVALID Stedin \[org-net\] — Bram Jansen \[[\w-]+\] — endorse: the signature does not match/);
    expect(out).toContain('NOT verified: 1 of 2 stance(s) invalid.');
  });

  it('fails an export whose readable text was edited, with exit 1', async () => {
    const edited = join(dir, 'tekst-gewijzigd.md');
    await writeFile(edited, validMarkdown.replace('> De partners', '> Alle partners'));
    const { code, out } = await runOn([edited]);
    expect(code).toBe(EXIT.notVerified);
    expect(out).toContain('✗ the readable text in the document differs from the recorded text');
  });

  it('passes a valid PDF export, whatever its name, reading the attached record', async () => {
    const { code, out } = await runOn([pdf]);
    expect(code).toBe(EXIT.verified);
    expect(out).toContain('Format: PDF, record read from the attached stroomkring-record.json');
    expect(out).toMatch(/✓ OK Stedin \[org-net\] — Bram Jansen \[[\w-]+\] — standAside/);
    expect(out).toContain('adopted on 2026-');
    expect(out).toContain('Verified: all 2 signature(s) are valid.');
  });

  it('fails a PDF whose attached record was edited, with exit 1', async () => {
    const { code, out } = await runOn([tamperedPdf]);
    expect(code).toBe(EXIT.notVerified);
    expect(out).toMatch(/✗ INVALID Stedin \[org-net\] — Bram Jansen \[[\w-]+\] — endorse: the signature does not match/);
    expect(out).toContain('NOT verified: 1 of 2 stance(s) invalid.');
  });

  it('refuses a PDF without a record and a cut-off PDF with exit 2', async () => {
    const other = join(dir, 'notulen.pdf');
    const cut = join(dir, 'afgebroken.pdf');
    await writeFile(other, await plainPdf());
    await writeFile(cut, (await readFile(pdf)).subarray(0, 3000));
    expect(await runOn([other])).toMatchObject({ code: EXIT.unusable, err: expect.stringContaining('has no stroomkring-record.json attachment') });
    expect(await runOn([cut])).toMatchObject({ code: EXIT.unusable, err: expect.stringContaining('the file may be cut off') });
  });

  it('refuses a garbage file with exit 2 and a clear message', async () => {
    const { code, err } = await runOn([garbage]);
    expect(code).toBe(EXIT.unusable);
    expect(err).toContain('is not a usable Stroomkring goal export: no ```stroomkring-record block found');
  });

  it('refuses a missing file and wrong arguments with exit 2', async () => {
    expect((await runOn([join(dir, 'bestaat-niet.md')])).err).toContain('Cannot read');
    expect((await runOn([join(dir, 'bestaat-niet.md')])).code).toBe(EXIT.unusable);
    expect((await runOn([])).code).toBe(EXIT.unusable);
    expect((await runOn([valid, garbage])).code).toBe(EXIT.unusable);
    expect(await runOn(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('Usage: npm run verify -- FILE') });
  });

  it('is wired to the process exit code', async () => {
    const entry = fileURLToPath(new URL('./verify-export.ts', import.meta.url));
    const exitCode = (file: string) =>
      new Promise<number>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', entry, file], (error) => resolve(error === null ? 0 : Number(error.code)));
      });
    const huge = join(dir, 'groot.md');
    await writeFile(huge, Buffer.alloc(20 * 1024 * 1024 + 1));
    expect(await Promise.all([exitCode(valid), exitCode(tampered), exitCode(garbage), exitCode(pdf), exitCode(tamperedPdf), exitCode(huge)])).toEqual([0, 1, 2, 0, 1, 2]);
  }, 90_000);
});
