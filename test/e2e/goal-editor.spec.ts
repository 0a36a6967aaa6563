import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, createIdentity, createInvite, createWorkspace, joinWithInvite, openSection } from './app-actions';
import { crashRendererAndReopen } from './killable-browser';
import { PARTNER_HOST_PORTS, openPartner } from './partners';

/**
 * The goal statement editor across two partners in separate Chromium
 * processes: live co-editing, each other's carets with names, formatting,
 * undo of one's own edits only, no ghost carets from another goal
 * (all goals share the workspace's one awareness), and none left behind
 * by a partner's app that crashed and came back.
 */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;

const GOAL = 'Samen naar 1,2 TWh duurzame opwek';
const FIRST_TEXT = 'De regio wekt in 2030 samen 1,2 TWh duurzame elektriciteit op.';
const OTHER_GOAL = 'Warmtenet Leiden Noord';

async function createGoal(page: Page, title: string, text: string) {
  await openSection(page, 'Doelen');
  await page.getByRole('button', { name: 'Nieuw doel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuw doel' });
  await dialog.getByRole('textbox', { name: 'Titel' }).fill(title);
  await dialog.getByRole('textbox', { name: 'Eerste tekst' }).fill(text);
  await dialog.getByRole('button', { name: 'Doel aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

async function openGoal(page: Page, title: string) {
  await page.getByRole('link', { name: title }).click({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/** Console errors and uncaught exceptions on a page, collected for one assertion at the end. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

test('A and B co-edit a goal with each other’s carets; undo takes back only one’s own edits; no carets leak between goals', async () => {
  test.setTimeout(240_000);
  const [a, b] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
  const errorsA = collectErrors(a.page);
  const errorsB = collectErrors(b.page);
  try {
    await createIdentity(a.page, { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager' });
    await createWorkspace(a.page, 'Holland Rijnland', 'RES 2.0');
    await addOrganisation(a.page, { name: 'Gemeente Leiden', type: 'Gemeente' });
    await addOrganisation(a.page, { name: 'Liander', type: 'Netbeheerder' });
    await createGoal(a.page, OTHER_GOAL, 'Een warmtenet voor 2.000 woningen.');
    await a.page.getByRole('link', { name: 'Alle doelen' }).click();
    await createGoal(a.page, GOAL, FIRST_TEXT);
    const code = await createInvite(a.page);
    await createIdentity(b.page, { name: 'Bram Jansen', organisation: 'Liander', role: 'Netstrateeg' });
    await joinWithInvite(b.page, code);
    await expect(b.page.getByRole('heading', { level: 1, name: 'RES 2.0' })).toBeVisible();
    await openSection(b.page, 'Doelen');
    await openGoal(b.page, GOAL);

    const editorA = a.page.getByRole('textbox', { name: 'Doeltekst' });
    const editorB = b.page.getByRole('textbox', { name: 'Doeltekst' });
    await expect(editorA).toHaveAttribute('aria-multiline', 'true');
    await expect(editorB).toContainText(FIRST_TEXT, { timeout: 30_000 });

    // Live text both ways, and each sees the other's caret with their name.
    // The sentences undone below are put in as one input each: the undo manager joins edits less than
    // 500 ms apart, and a loaded machine can type slower than that, so typed keys could undo one by one.
    await editorA.click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.insertText(' Daarvoor zetten we zon op daken eerst.');
    await expect(editorB).toContainText('zon op daken eerst.', { timeout: 30_000 });
    await editorB.click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.insertText(' Het net groeit mee.');
    await expect(editorA).toContainText('Het net groeit mee.', { timeout: 30_000 });
    await expect(a.page.locator('.collaboration-carets__label', { hasText: 'Bram Jansen' })).toBeVisible({ timeout: 30_000 });
    await editorA.click();
    await a.page.keyboard.press('Control+End');
    await expect(b.page.locator('.collaboration-carets__label', { hasText: 'Anne de Vries' })).toBeVisible({ timeout: 30_000 });
    // The names are drawn beside the text, not in it.
    const agreed = `${FIRST_TEXT} Daarvoor zetten we zon op daken eerst. Het net groeit mee.`;
    await expect(editorA).toHaveText(agreed);
    await expect(editorB).toHaveText(agreed, { timeout: 30_000 });

    // Undo takes back A's own edits, newest first, and never B's words.
    await a.page.keyboard.insertText(' Tijdelijke zin.');
    await expect(editorB).toContainText('Tijdelijke zin.', { timeout: 30_000 });
    await a.page.keyboard.press('Control+z');
    await expect(editorA).toHaveText(agreed);
    await expect(editorB).toHaveText(agreed, { timeout: 30_000 });
    await a.page.keyboard.press('Control+z');
    const withoutAnne = `${FIRST_TEXT} Het net groeit mee.`;
    await expect(editorA).toHaveText(withoutAnne);
    await expect(editorB).toHaveText(withoutAnne, { timeout: 30_000 });
    await a.page.getByRole('button', { name: 'Opnieuw' }).click();
    await expect(editorA).toHaveText(agreed);
    await expect(editorB).toHaveText(agreed, { timeout: 30_000 });
    // B's own undo stack holds only B's sentence.
    await editorB.click();
    await b.page.keyboard.press('Control+z');
    const withoutBram = `${FIRST_TEXT} Daarvoor zetten we zon op daken eerst.`;
    await expect(editorB).toHaveText(withoutBram);
    await expect(editorA).toHaveText(withoutBram, { timeout: 30_000 });
    await expect(b.page.getByRole('button', { name: 'Ongedaan maken' })).toBeDisabled();
    await b.page.keyboard.press('Control+Shift+z');
    await expect(editorA).toHaveText(agreed, { timeout: 30_000 });

    // Formatting: the toolbar and the shortcut, with the state announced on the buttons.
    const boldA = a.page.getByRole('button', { name: 'Vet' });
    await editorA.click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.press('Enter');
    await a.page.keyboard.press('Control+b');
    await a.page.keyboard.type('Besluit');
    await expect(boldA).toHaveAttribute('aria-pressed', 'true');
    await expect(editorB.locator('strong', { hasText: 'Besluit' })).toBeVisible({ timeout: 30_000 });
    await a.page.getByRole('button', { name: 'Kop', exact: true }).click();
    await expect(a.page.getByRole('button', { name: 'Kop', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(editorB.getByRole('heading', { level: 2, name: 'Besluit' })).toBeVisible({ timeout: 30_000 });
    await a.page.getByRole('button', { name: 'Opsomming' }).focus();
    await a.page.keyboard.press('ArrowLeft');
    await expect(a.page.getByRole('button', { name: 'Subkop' })).toBeFocused();

    await a.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(a.page);
    await expectNoSeriousA11yViolations(b.page);

    // B moves to another goal: its caret leaves A's goal and never shows up there from the other one.
    await b.page.getByRole('link', { name: 'Alle doelen' }).click();
    await openGoal(b.page, OTHER_GOAL);
    await expect(a.page.locator('.collaboration-carets__label')).toHaveCount(0, { timeout: 30_000 });
    await editorB.click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' Start in 2027.');
    await a.page.waitForTimeout(3_000);
    await expect(a.page.locator('.collaboration-carets__label')).toHaveCount(0);
    await expect(a.page.locator('.collaboration-carets__caret')).toHaveCount(0);
    // Control: on that other goal, A does see B's caret.
    await a.page.getByRole('link', { name: 'Alle doelen' }).click();
    await openGoal(a.page, OTHER_GOAL);
    await expect(editorA).toContainText('Start in 2027.', { timeout: 30_000 });
    await expect(a.page.locator('.collaboration-carets__label', { hasText: 'Bram Jansen' })).toBeVisible({ timeout: 30_000 });

    // B's app crashes (no goodbye reaches A) and comes back as a new client; B writes at the start now.
    // A draws B's caret once, where B is: not also the old one, left at the end where B no longer is.
    const reopened = await crashRendererAndReopen(b.page, b.page.url());
    const editorAfter = reopened.getByRole('textbox', { name: 'Doeltekst' });
    await expect(editorAfter).toContainText('Start in 2027.', { timeout: 30_000 });
    await editorAfter.click();
    await reopened.keyboard.press('Control+Home');
    await reopened.keyboard.insertText('Vooraf: ');
    await expect(editorA).toContainText('Vooraf: ', { timeout: 30_000 });
    // Well within the 30 s an abandoned awareness state lives on.
    await a.page.waitForTimeout(3_000);
    const labels = a.page.locator('.collaboration-carets__label', { hasText: 'Bram Jansen' });
    await expect(labels).toHaveCount(1);
    const [label, text] = await Promise.all([labels.boundingBox(), editorA.boundingBox()]);
    expect((label?.y ?? 0) - (text?.y ?? 0)).toBeLessThan(40);
    expect((label?.x ?? 0) - (text?.x ?? 0)).toBeLessThan(140);

    expect(errorsA).toEqual([]);
    expect(errorsB).toEqual([]);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
