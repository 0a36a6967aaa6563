import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from './fixtures';
import { chooseOption, openSection, startSharedWorkspace } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner } from './partners';

/**
 * Issue 5's whole path across two partners in separate Chromium processes:
 * co-editing with carets, signed endorsements bound to the text, a stance
 * going stale after a one-word change, re-confirmation, adoption, exports
 * that verify with `npm run verify`, and an idea moving into a working group.
 */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;
const run = promisify(execFile);

const GOAL_TITLE = 'Samen naar 1,2 TWh duurzame opwek';
const FIRST_TEXT = 'De regio wekt in 2030 samen 1,2 TWh duurzame elektriciteit op.';

async function grantOwnMandate(page: Page, ownName: string) {
  await page.getByRole('button', { name: 'Mandaten beheren' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Mandaten' });
  await dialog.getByRole('checkbox', { name: ownName }).check();
  await expect(dialog.getByRole('checkbox', { name: ownName })).toBeChecked();
  await dialog.getByRole('button', { name: 'Sluiten' }).first().click();
  await expect(dialog).toBeHidden();
}

async function signStance(page: Page, opener: 'Standpunt innemen' | 'Opnieuw bevestigen') {
  await page.getByRole('button', { name: opener }).click();
  const dialog = page.getByRole('dialog', { name: 'Standpunt innemen' });
  await dialog.getByRole('radio', { name: 'Onderschrijven', exact: true }).check();
  await dialog.getByRole('button', { name: 'Ondertekenen' }).click();
  await expect(dialog).toBeHidden();
}

async function download(page: Page, button: string, folder: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(folder, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function verifyWithCli(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'verify', '--', file], { cwd: process.cwd() });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

test('two partners co-edit, endorse, re-confirm after a change, adopt, export verifiably, and take an idea into a working group', async () => {
  test.setTimeout(360_000);
  const folder = await mkdtemp(join(tmpdir(), 'stroomkring-export-'));
  const [a, b] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
  try {
    await startSharedWorkspace(a.page, b.page, [
      { name: 'Gemeente Leiden', type: 'Gemeente' },
      { name: 'Liander', type: 'Netbeheerder' },
    ]);

    // A proposes the goal and invites the other organisation besides her own.
    await openSection(a.page, 'Doelen');
    await a.page.getByRole('button', { name: 'Nieuw doel' }).click();
    const create = a.page.getByRole('dialog', { name: 'Nieuw doel' });
    await create.getByRole('textbox', { name: 'Titel' }).fill(GOAL_TITLE);
    await create.getByRole('textbox', { name: 'Eerste tekst' }).fill(FIRST_TEXT);
    await create.getByRole('checkbox', { name: 'Liander' }).check();
    await create.getByRole('button', { name: 'Doel aanmaken' }).click();
    await expect(a.page.getByRole('heading', { level: 2, name: GOAL_TITLE })).toBeVisible();

    await openSection(b.page, 'Doelen');
    await b.page.getByRole('link', { name: GOAL_TITLE }).click({ timeout: 30_000 });
    await expect(b.page.getByRole('heading', { level: 2, name: GOAL_TITLE })).toBeVisible();

    // Co-editing: each sees the other's words and caret.
    const editorA = a.page.getByRole('textbox', { name: 'Doeltekst' });
    const editorB = b.page.getByRole('textbox', { name: 'Doeltekst' });
    await expect(editorB).toContainText(FIRST_TEXT, { timeout: 30_000 });
    await editorA.click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.type(' Daarvoor zetten we zon op daken eerst.');
    await expect(editorB).toContainText('zon op daken eerst', { timeout: 30_000 });
    await editorB.click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' Het net groeit mee.');
    await expect(editorA).toContainText('Het net groeit mee.', { timeout: 30_000 });
    await expect(a.page.locator('.collaboration-carets__label', { hasText: 'Bram Jansen' })).toBeVisible({ timeout: 30_000 });
    await editorA.click();
    await a.page.keyboard.press('Control+End');
    await expect(b.page.locator('.collaboration-carets__label', { hasText: 'Anne de Vries' })).toBeVisible({ timeout: 30_000 });
    const agreedText = `${FIRST_TEXT} Daarvoor zetten we zon op daken eerst. Het net groeit mee.`;
    await expect(editorA).toHaveText(agreedText);
    await expect(editorB).toHaveText(agreedText, { timeout: 30_000 });

    // Each organisation names its mandate holder, who endorses the text with a signature.
    await grantOwnMandate(a.page, 'Anne de Vries');
    await grantOwnMandate(b.page, 'Bram Jansen');
    await signStance(a.page, 'Standpunt innemen');
    await signStance(b.page, 'Standpunt innemen');
    for (const page of [a.page, b.page]) {
      const support = page.getByRole('region', { name: 'Draagvlak' });
      await expect(support.getByText('Onderschrijft', { exact: true })).toHaveCount(2, { timeout: 30_000 });
      await expect(page.getByText('Aangenomen', { exact: true }).first()).toBeVisible();
    }

    // A proposes to change one word (confirming first): both stances now belong to an earlier version; the adopted text holds meanwhile.
    await a.page.getByRole('button', { name: 'Wijziging voorstellen' }).click();
    await a.page.getByRole('dialog', { name: 'Wijziging voorstellen?' }).getByRole('button', { name: 'Ja, wijziging voorstellen' }).click();
    await expect(editorA).toHaveAttribute('aria-readonly', 'false');
    await editorA.click();
    await a.page.keyboard.press('Control+End');
    for (let i = 0; i < 'mee.'.length; i += 1) await a.page.keyboard.press('Backspace');
    await a.page.keyboard.type('hard.');
    const changedText = agreedText.replace('groeit mee.', 'groeit hard.');
    await expect(editorB).toHaveText(changedText, { timeout: 30_000 });
    const supportB = b.page.getByRole('region', { name: 'Draagvlak' });
    await expect(supportB.getByText('Eerdere versie', { exact: true })).toHaveCount(2, { timeout: 30_000 });
    await expect(b.page.getByText('Aangenomen', { exact: true }).first()).toBeVisible();
    await expect(b.page.getByTestId('goal-adopted-text')).toHaveText(agreedText);
    await b.page.getByRole('button', { name: 'Verschil bekijken' }).first().click();
    await expect(b.page.locator('del', { hasText: 'mee' }).first()).toBeVisible();
    await expect(b.page.locator('ins', { hasText: 'hard' }).first()).toBeVisible();
    await b.page.keyboard.press('Escape');

    // Both re-confirm on the new text: adopted.
    await signStance(b.page, 'Opnieuw bevestigen');
    await expect(supportB.getByText('Eerdere versie', { exact: true })).toHaveCount(1);
    await expect(a.page.getByRole('region', { name: 'Draagvlak' }).getByText('Eerdere versie', { exact: true })).toHaveCount(1, { timeout: 30_000 });
    await signStance(a.page, 'Opnieuw bevestigen');
    for (const page of [a.page, b.page]) {
      await expect(page.getByRole('region', { name: 'Draagvlak' }).getByText('Onderschrijft', { exact: true })).toHaveCount(2, { timeout: 30_000 });
      await expect(page.getByText('Aangenomen', { exact: true }).first()).toBeVisible();
    }
    await expect(a.page.getByRole('heading', { name: 'Besluitenlog' })).toBeVisible();

    // The exports carry every stance and verify offline on the command line.
    const markdown = await download(a.page, 'Exporteren als Markdown', folder);
    const pdf = await download(a.page, 'Exporteren als PDF', folder);
    for (const file of [markdown, pdf]) {
      const result = await verifyWithCli(file);
      expect(result.output).not.toBe('');
      expect(result.code, result.output).toBe(0);
    }

    // Samen creëren: B posts an idea for the goal, A votes, discusses it and hands it to a working group.
    const ideaTitle = 'Buurtbatterij bij station Lammenschans';
    await openSection(b.page, 'Ideeën');
    await b.page.getByRole('button', { name: 'Nieuw idee' }).click();
    const ideaForm = b.page.getByRole('dialog', { name: 'Nieuw idee' });
    await ideaForm.getByRole('textbox', { name: 'Titel' }).fill(ideaTitle);
    await ideaForm.getByRole('textbox', { name: 'Beschrijving' }).fill('Piekstroom van de zonnedaken opvangen in de wijk.');
    await chooseOption(b.page, 'Hoort bij doel', GOAL_TITLE);
    await ideaForm.getByRole('button', { name: 'Idee plaatsen' }).click();
    await expect(ideaForm).toBeHidden();

    await openSection(a.page, 'Ideeën');
    const ideaAtA = a.page.getByRole('article', { name: ideaTitle });
    await ideaAtA.getByRole('button', { name: 'Stemmen' }).click({ timeout: 30_000 });
    await expect(ideaAtA.getByText('1 stem', { exact: true })).toBeVisible();
    const ideaAtB = b.page.getByRole('article', { name: ideaTitle });
    await expect(ideaAtB.getByText('1 stem', { exact: true })).toBeVisible({ timeout: 30_000 });
    await ideaAtA.getByRole('button', { name: 'In bespreking nemen' }).click();

    const groupName = 'Werkgroep Opslag Noordrand';
    await openSection(a.page, 'Werkgroepen');
    await a.page.getByRole('button', { name: 'Nieuwe werkgroep' }).click();
    const groupForm = a.page.getByRole('dialog', { name: 'Nieuwe werkgroep' });
    await groupForm.getByRole('textbox', { name: 'Naam' }).fill(groupName);
    await groupForm.getByRole('textbox', { name: 'Doel van de werkgroep' }).fill('Opslag in de wijk mogelijk maken.');
    await chooseOption(a.page, 'Leden', 'Bram Jansen — Liander');
    await groupForm.getByRole('textbox', { name: 'Naam' }).click();
    await groupForm.getByRole('button', { name: 'Werkgroep aanmaken' }).click();
    await expect(groupForm).toBeHidden();

    await openSection(a.page, 'Ideeën');
    await ideaAtA.getByRole('button', { name: 'Naar werkgroep' }).click();
    const handOver = a.page.getByRole('dialog', { name: 'Naar werkgroep' });
    await chooseOption(a.page, 'Werkgroep', groupName);
    await handOver.getByRole('button', { name: 'Overdragen' }).click();
    await expect(handOver).toBeHidden();
    await expect(ideaAtB.getByText('Opgepakt door werkgroep')).toBeVisible({ timeout: 30_000 });
    await openSection(b.page, 'Werkgroepen');
    await b.page.getByRole('link', { name: groupName }).click({ timeout: 30_000 });
    await expect(b.page.getByText(ideaTitle)).toBeVisible();
  } finally {
    await Promise.all([a.close(), b.close()]);
    await rm(folder, { recursive: true, force: true });
  }
});
