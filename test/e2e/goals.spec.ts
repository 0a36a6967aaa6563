import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { signStance } from './goal-actions';
import { addOrganisation, openSection, startSharedWorkspace } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner } from './partners';

/**
 * The Doelen screens across two partners in separate Chromium processes:
 * mandates, signed stances and the draagvlak meter, the decision rule, a
 * stance going stale after a text change (diff, re-confirm), refusing to
 * sign a text that changed while the dialog was open, and an objection.
 * Tampered stances cannot be injected from the page; goals-view.test.ts
 * covers how they show.
 */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;
const TITLE = 'Zon op daken van maatschappelijk vastgoed';
const TEXT = 'In 2030 liggen er zonnepanelen op alle geschikte daken van scholen en sporthallen.';
const SYNC = { timeout: 30_000 };

const meter = (page: Page) => page.getByRole('region', { name: 'Draagvlak' });
const row = (page: Page, organisation: string) => meter(page).getByRole('listitem', { name: organisation, exact: true });
const adopted = (page: Page) => page.getByText('Aangenomen', { exact: true });
const notAdopted = (page: Page) => page.getByText('Nog niet aangenomen', { exact: true });

async function grantOwnMandate(page: Page, ownName: string, otherOrganisation: string) {
  await page.getByRole('button', { name: 'Mandaten beheren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mandaten' });
  // Only the own organisation's members get checkboxes; the other organisation is read-only.
  await expect(dialog.getByRole('region', { name: otherOrganisation }).getByRole('checkbox')).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: ownName }).check();
  await expect(dialog.getByRole('checkbox', { name: ownName })).toBeChecked();
  await expect(dialog.getByText(`Mandaathouders: ${ownName}`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(dialog).toBeHidden();
}

async function typeAtEnd(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Doeltekst' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

test('mandate holders sign stances, a text change makes them stale, re-confirmed they adopt the goal, an objection blocks it', async () => {
  test.setTimeout(300_000);
  const [a, b] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
  try {
    await startSharedWorkspace(a.page, b.page, [{ name: 'Gemeente Leiden', type: 'Gemeente' }]);
    await addOrganisation(b.page, { name: 'Liander', type: 'Netbeheerder' });
    await expect(a.page.getByRole('article', { name: 'Liander' })).toBeVisible(SYNC);

    // A proposes a goal: her own organisation is ticked to start with, and she invites the other one.
    await openSection(a.page, 'Doelen');
    await expect(a.page.getByRole('heading', { level: 2, name: 'Doelen' })).toBeVisible();
    await a.page.getByRole('button', { name: 'Nieuw doel' }).click();
    const create = a.page.getByRole('dialog', { name: 'Nieuw doel' });
    await create.getByRole('button', { name: 'Doel aanmaken' }).click();
    await expect(create.getByText('Vul dit veld in.')).toBeVisible();
    await expectNoSeriousA11yViolations(a.page);
    await create.getByRole('textbox', { name: 'Titel' }).fill(TITLE);
    await create.getByRole('textbox', { name: 'Eerste tekst' }).fill(TEXT);
    await expect(create.getByRole('checkbox', { name: 'Gemeente Leiden' })).toBeChecked();
    await expect(create.getByRole('checkbox', { name: 'Liander' })).not.toBeChecked();
    await create.getByRole('checkbox', { name: 'Liander' }).check();
    await create.getByRole('button', { name: 'Doel aanmaken' }).click();
    await expect(a.page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
    await expect(a.page).toHaveURL(/#\/w\/[^/]+\/doelen\/[^/]+$/);
    const participants = a.page.getByRole('region', { name: 'Deelnemende organisaties' });
    for (const name of ['Gemeente Leiden', 'Liander']) await expect(participants.getByRole('checkbox', { name })).toBeChecked();
    await expect(row(a.page, 'Liander').getByText('Nog niet gereageerd', { exact: true })).toBeVisible();
    await expect(notAdopted(a.page)).toBeVisible();

    // Nobody may speak for Gemeente Leiden yet: the goal view points A to the mandates.
    await grantOwnMandate(a.page, 'Anne de Vries', 'Liander');
    await openSection(b.page, 'Doelen');
    const card = b.page.getByRole('article', { name: TITLE });
    await expect(card.getByText('Nog niet aangenomen', { exact: true })).toBeVisible(SYNC);
    await card.getByRole('link', { name: TITLE }).click();
    await expect(b.page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
    await grantOwnMandate(b.page, 'Bram Jansen', 'Gemeente Leiden');

    // A reason is required for anything but endorsing; the dialog shows the exact text being signed.
    await a.page.getByRole('button', { name: 'Standpunt innemen' }).click();
    const stanceA = a.page.getByRole('dialog', { name: 'Standpunt innemen' });
    await expect(stanceA.getByTestId('stance-signed-text')).toHaveText(TEXT);
    await stanceA.getByRole('radio', { name: 'Onderschrijven met voorbehoud', exact: true }).check();
    await stanceA.getByRole('button', { name: 'Ondertekenen' }).click();
    await expect(stanceA.getByText('Geef een toelichting bij dit standpunt.')).toBeVisible();
    await expectNoSeriousA11yViolations(a.page);
    await stanceA.getByRole('radio', { name: 'Onderschrijven', exact: true }).check();
    await stanceA.getByRole('button', { name: 'Ondertekenen' }).click();
    await expect(stanceA).toBeHidden();
    await signStance(b.page, 'Standpunt innemen', 'Onderschrijven');

    for (const page of [a.page, b.page]) {
      await expect(meter(page).getByText('Onderschrijft', { exact: true })).toHaveCount(2, SYNC);
      await expect(adopted(page)).toBeVisible();
    }
    await expect(row(a.page, 'Liander').getByText(/^Ondertekend door Bram Jansen op /)).toBeVisible();
    await a.page.getByRole('button', { name: 'Versie opslaan' }).click();
    await expect(a.page.getByText('De huidige tekst is als versie opgeslagen.')).toBeVisible();
    await a.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(a.page);

    // The decision rule is the workspace's: asking for three supporters blocks a goal two organisations carry.
    await a.page.getByRole('link', { name: 'Alle doelen' }).click();
    await a.page.getByRole('button', { name: 'Besluitregel' }).click();
    const rule = a.page.getByRole('dialog', { name: 'Besluitregel' });
    await rule.getByRole('textbox', { name: 'Minimaal aantal onderschrijvende organisaties' }).fill('3');
    await expectNoSeriousA11yViolations(a.page);
    await rule.getByRole('button', { name: 'Opslaan' }).click();
    await expect(rule).toBeHidden();
    await expect(a.page.getByRole('article', { name: TITLE }).getByText('Nog niet aangenomen', { exact: true })).toBeVisible();
    await expect(b.page.getByText('Er moet nog 1 organisatie de tekst onderschrijven: nu 2, nodig 3.')).toBeVisible(SYNC);
    await a.page.getByRole('button', { name: 'Besluitregel' }).click();
    await rule.getByRole('textbox', { name: 'Minimaal aantal onderschrijvende organisaties' }).fill('2');
    await rule.getByRole('button', { name: 'Opslaan' }).click();
    await expect(a.page.getByRole('article', { name: TITLE }).getByText('Aangenomen', { exact: true })).toBeVisible();
    await a.page.getByRole('link', { name: TITLE }).click();

    // A proposes a change (the adopted text asks first): both stances now belong to an earlier version, and the adopted text holds meanwhile.
    await a.page.getByRole('button', { name: 'Wijziging voorstellen' }).click();
    await a.page.getByRole('dialog', { name: 'Wijziging voorstellen?' }).getByRole('button', { name: 'Ja, wijziging voorstellen' }).click();
    await expect(a.page.getByRole('textbox', { name: 'Doeltekst' })).toHaveAttribute('aria-readonly', 'false');
    await typeAtEnd(a.page, ' Daarna volgen de bedrijventerreinen.');
    await expect(row(b.page, 'Liander').getByText('Eerdere versie', { exact: true })).toBeVisible(SYNC);
    await expect(adopted(b.page)).toBeVisible();
    await expect(b.page.getByTestId('goal-adopted-text')).toHaveText(TEXT);
    await row(b.page, 'Liander').getByRole('button', { name: 'Verschil bekijken' }).click();
    const diff = b.page.getByRole('dialog', { name: 'Verschil met de huidige tekst' });
    await expect(diff.locator('ins', { hasText: 'bedrijventerreinen' })).toBeVisible();
    await expectNoSeriousA11yViolations(b.page);
    await diff.getByRole('button', { name: 'Sluiten' }).click();
    await expect(diff).toBeHidden();

    // Nobody signs a text they did not see: B edits while A's dialog is open, and A must look first.
    await expect(row(a.page, 'Gemeente Leiden').getByText('Eerdere versie', { exact: true })).toBeVisible(SYNC);
    await row(a.page, 'Gemeente Leiden').getByRole('button', { name: 'Opnieuw bevestigen' }).click();
    const reconfirmA = a.page.getByRole('dialog', { name: 'Standpunt innemen' });
    await expect(reconfirmA.getByRole('radio', { name: 'Onderschrijven', exact: true })).toBeChecked();
    await expect(reconfirmA.getByTestId('stance-signed-text')).toContainText('bedrijventerreinen');
    await typeAtEnd(b.page, ' Het net groeit mee.');
    await expect(reconfirmA.getByText(/De tekst is gewijzigd sinds je dit venster opende/)).toBeVisible(SYNC);
    await expect(reconfirmA.locator('ins', { hasText: 'Het net groeit mee.' })).toBeVisible(SYNC);
    await reconfirmA.getByRole('button', { name: 'Ondertekenen' }).click();
    await expect(reconfirmA).toBeVisible();
    await reconfirmA.getByRole('button', { name: 'Nieuwe tekst bekijken' }).click();
    await expect(reconfirmA.getByTestId('stance-signed-text')).toContainText('Het net groeit mee.');
    await reconfirmA.getByRole('button', { name: 'Ondertekenen' }).click();
    await expect(reconfirmA).toBeHidden();

    await signStance(b.page, 'Opnieuw bevestigen', 'Onderschrijven');
    for (const page of [a.page, b.page]) {
      await expect(meter(page).getByText('Onderschrijft', { exact: true })).toHaveCount(2, SYNC);
      await expect(adopted(page)).toBeVisible();
    }

    // Saved versions: the one saved before the change, with its difference to the text now.
    await a.page.getByRole('button', { name: 'Versiegeschiedenis' }).click();
    const history = a.page.getByRole('dialog', { name: 'Versiegeschiedenis' });
    await expect(history.getByRole('listitem', { name: 'Versie 1' }).getByText(/^Opgeslagen op .* door Anne de Vries$/)).toBeVisible();
    await history.getByRole('listitem', { name: 'Versie 1' }).getByRole('button', { name: 'Verschil met huidige tekst' }).click();
    await expect(history.locator('ins', { hasText: 'Het net groeit mee.' })).toBeVisible();
    await expectNoSeriousA11yViolations(a.page);
    await history.getByRole('button', { name: 'Sluiten' }).click();

    // Liander objects: the goal is no longer adopted, and both see why.
    await signStance(b.page, 'Standpunt innemen', 'Bezwaar maken', 'Het net kan dit voor 2030 niet aan.');
    await expect(row(a.page, 'Liander').getByText('Maakt bezwaar', { exact: true })).toBeVisible(SYNC);
    await expect(row(a.page, 'Liander').getByText('Toelichting: Het net kan dit voor 2030 niet aan.')).toBeVisible();
    await expect(notAdopted(a.page)).toBeVisible();
    await expect(a.page.getByRole('region', { name: 'Nog te doen voordat het doel is aangenomen' }).getByText(/^Liander maakt bezwaar\. Bespreek het bezwaar/)).toBeVisible();
    const log = a.page.getByRole('region', { name: 'Besluitenlog' });
    await expect(log.getByRole('listitem').first()).toContainText('Liander: Bezwaar maken');
    // Both adoptions stay on record (before and after the text change), although the objection undid the last.
    await expect(log.getByText('Doel aangenomen: gedragen door alle deelnemende organisaties.')).toHaveCount(2);
    await a.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(a.page);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
