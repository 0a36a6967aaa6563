import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Locator, type Page } from './fixtures';
import { makeExportFixture, plainPdf, tamperMarkdownRecord, tamperPdfRecord, type ExportFixture } from '../../shared/goals/export-fixture.test-helper';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, createIdentity, createWorkspace, openSection } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * Export and offline verification of a goal, in one browser: a goal carried
 * by a single organisation (decision rule lowered to one) is exported as
 * Markdown and PDF, both verify in the app and with `npm run verify`; files
 * made and tampered with in Node (a changed stance inside the Markdown block
 * and inside the PDF attachment), a PDF without a record, a cut-off PDF and
 * an unrelated file each get a clear verdict in "Export controleren".
 */
const [PORT] = PARTNER_HOST_PORTS;
const run = promisify(execFile);
const TITLE = 'Warmte uit het oppervlaktewater – Łódź-model';
const TEXT = 'In 2030 verwarmen wij 5.000 woningen met warmte uit de Vliet. 🌊';

let partner: Partner;
let folder: string;
let fixture: ExportFixture;

test.beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'stroomkring-goal-export-'));
  fixture = await makeExportFixture();
});

test.afterAll(async () => {
  await partner?.close();
  await rm(folder, { recursive: true, force: true });
});

async function verifyWithCli(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'verify', '--', file], { cwd: process.cwd() });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

async function download(page: Page, button: string, prefix = ''): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(folder, prefix + file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function openVerifier(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Export controleren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export controleren' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Picks a file and waits until the verdict names it, so an earlier file's verdict is never read by mistake. */
async function check(dialog: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
  await dialog.getByLabel('Exportbestand kiezen').setInputFiles(file);
  await expect(dialog.getByText('Bezig met controleren…')).toBeHidden();
  await expect(dialog.getByText(file.name, { exact: false }).first()).toBeVisible();
}

const file = (name: string, bytes: Uint8Array | string, mimeType = name.endsWith('.pdf') ? 'application/pdf' : 'text/markdown') => ({ name, mimeType, buffer: Buffer.from(bytes) });

test('an adopted goal exports as Markdown and PDF that verify in the app and on the command line; tampered and foreign files are named', async () => {
  test.setTimeout(240_000);
  partner = await openPartner(PORT);
  const { page } = partner;
  await createIdentity(page, { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager' });
  await createWorkspace(page, 'Holland Rijnland', 'RES 2.0');
  await addOrganisation(page, { name: 'Gemeente Leiden', type: 'Gemeente' });

  // One organisation can carry a goal once the decision rule asks for one supporter.
  await openSection(page, 'Doelen');
  await page.getByRole('button', { name: 'Besluitregel' }).click();
  const rule = page.getByRole('dialog', { name: 'Besluitregel' });
  await rule.getByRole('textbox', { name: 'Minimaal aantal onderschrijvende organisaties' }).fill('1');
  await rule.getByRole('button', { name: 'Opslaan' }).click();
  await expect(rule).toBeHidden();

  await page.getByRole('button', { name: 'Nieuw doel' }).click();
  const create = page.getByRole('dialog', { name: 'Nieuw doel' });
  await create.getByRole('textbox', { name: 'Titel' }).fill(TITLE);
  await create.getByRole('textbox', { name: 'Eerste tekst' }).fill(TEXT);
  await create.getByRole('button', { name: 'Doel aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();

  // Not adopted yet: both exports are offered but disabled, with the reason.
  await expect(page.getByText('Alleen een aangenomen doel kan worden geëxporteerd.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Exporteren als Markdown' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Exporteren als PDF' })).toBeDisabled();

  await page.getByRole('button', { name: 'Mandaten beheren' }).first().click();
  const mandates = page.getByRole('dialog', { name: 'Mandaten' });
  await mandates.getByRole('checkbox', { name: 'Anne de Vries' }).check();
  await mandates.getByRole('button', { name: 'Sluiten' }).first().click();
  await expect(mandates).toBeHidden();
  await page.getByRole('button', { name: 'Standpunt innemen' }).click();
  const stance = page.getByRole('dialog', { name: 'Standpunt innemen' });
  await stance.getByRole('radio', { name: 'Onderschrijven', exact: true }).check();
  await stance.getByRole('button', { name: 'Ondertekenen' }).click();
  await expect(stance).toBeHidden();
  await expect(page.getByText('Aangenomen', { exact: true })).toBeVisible();

  const markdown = await download(page, 'Exporteren als Markdown');
  const pdf = await download(page, 'Exporteren als PDF');
  expect(markdown.endsWith('warmte-uit-het-oppervlaktewater-lodz-model.md')).toBe(true);
  expect(pdf.endsWith('warmte-uit-het-oppervlaktewater-lodz-model.pdf')).toBe(true);
  expect(await readFile(markdown, 'utf8')).toContain(`> ${TEXT}`);
  expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  for (const path of [markdown, pdf]) {
    const result = await verifyWithCli(path);
    expect(result.output).toContain('✓ OK Gemeente Leiden');
    expect(result.output).toContain('Verified: all 1 signature(s) are valid.');
    expect(result.code).toBe(0);
  }

  // The export follows the UI language.
  await page.getByRole('banner').getByText('English', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  const english = await readFile(await download(page, 'Export as Markdown', 'en-'), 'utf8');
  expect(english).toContain('## Stances');
  expect(english).toMatch(/\| Gemeente Leiden \| Anne de Vries \| Endorses \|/);
  await page.getByRole('banner').getByText('Nederlands', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Nederlands' })).toBeChecked();

  // The same files checked in the app, beside the export buttons on the goal page (not on the goals list).
  await expect(page.getByRole('region', { name: 'Exporteren' }).getByRole('button', { name: 'Export controleren' })).toBeVisible();
  const dialog = await openVerifier(page);
  await page.mouse.move(0, 0);
  await expectNoSeriousA11yViolations(page);
  for (const path of [markdown, pdf]) {
    await check(dialog, file(path.split('/').at(-1) as string, await readFile(path)));
    await expect(dialog.getByRole('status').filter({ hasText: 'Alle handtekeningen kloppen' })).toBeVisible();
    await expect(dialog.getByRole('row', { name: /Gemeente Leiden Anne de Vries Onderschrijft .* Klopt/ })).toBeVisible();
  }
  await expect(dialog.getByText(`Doel: ${TITLE}`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Files made in Node: valid, and with a stance changed after signing.
  await check(dialog, file('doel.pdf', fixture.pdf));
  await expect(dialog.getByText('Alle handtekeningen kloppen')).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Stedin Bram Jansen Onderschrijft met voorbehoud .* Klopt/ })).toBeVisible();

  const tamperedPdf = await tamperPdfRecord(fixture.pdf, (record) => {
    record.stances[1]!.stance = 'endorse';
    record.stances[1]!.reason = '';
  });
  await check(dialog, file('doel-gewijzigd.pdf', tamperedPdf));
  await expect(dialog.getByRole('alert').filter({ hasText: 'Deze export klopt niet' })).toContainText('1 van de 2 handtekeningen kloppen niet');
  await expect(dialog.getByRole('row', { name: /Stedin Bram Jansen Onderschrijft .* Klopt niet: gewijzigd na het ondertekenen/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Gemeente Delft Anna de Vries .* Klopt$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const tamperedMarkdown = tamperMarkdownRecord(fixture.markdown, (record) => {
    record.stances[0]!.at += 1;
  });
  await check(dialog, file('doel-gewijzigd.md', tamperedMarkdown));
  await expect(dialog.getByRole('alert')).toContainText('1 van de 2 handtekeningen kloppen niet');
  await check(dialog, file('doel-tekst.md', fixture.markdown.replace('> De partners', '> Alle partners')));
  await expect(dialog.getByRole('alert')).toContainText('De leesbare tekst in het document wijkt af van de ondertekende tekst.');

  // Files that are no usable export at all.
  const cases: [ReturnType<typeof file>, string][] = [
    [file('notulen.pdf', await plainPdf()), 'Dit is geen Stroomkring-export'],
    [file('afgebroken.pdf', fixture.pdf.subarray(0, 2000)), 'Dit bestand is afgebroken'],
    [file('foto.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'image/png'), 'Dit is geen Stroomkring-export'],
    [file('kapot.pdf', new TextEncoder().encode('%PDF-1.7\nkapot\n%%EOF\n')), 'Dit PDF-bestand is beschadigd'],
    // Refused by its size before it is read.
    [file('groot.md', Buffer.alloc(20 * 1024 * 1024 + 1, 0x61)), 'Dit bestand is groter dan 20 MB en dus geen export van een doel.'],
  ];
  for (const [input, message] of cases) {
    await check(dialog, input);
    await expect(dialog.getByRole('alert').filter({ hasText: input.name })).toContainText(message);
  }
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Sluiten' }).last().click();
  await expect(dialog).toBeHidden();

  // The command line agrees on the tampered PDF.
  const tamperedPath = join(folder, 'doel-gewijzigd.pdf');
  await writeFile(tamperedPath, tamperedPdf);
  const tampered = await verifyWithCli(tamperedPath);
  expect(tampered.code).toBe(1);
  expect(tampered.output).toContain('✗ INVALID Stedin');
});
