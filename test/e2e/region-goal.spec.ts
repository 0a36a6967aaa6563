import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { signStance } from './goal-actions';
import { keepScreenshot } from './screens';
import { createIdentity, createInvite, createWorkspace, joinWithInvite, openSection } from './app-actions';
import { putDocumentUpdate, workspaceIdFromUrl } from './idb';
import { PARTNER_HOST_PORTS, openPartner, openPartnerPage } from './partners';
import { REGION_ORGANISATIONS, regionOrganisationsUpdate } from './region-fixture';

/**
 * A goal in a region of 30 organisations that 5 of them carry: Anne
 * (Chromium process A) invites four others when she creates it, and the
 * four signers work in Chromium process B, each in a context of its own.
 * The goal is not adopted until the fifth has signed, and the page says
 * exactly who is left; none of the 25 others holds it up. Then the fifth
 * steps out with a signed stance and joins again with another. Last, a
 * change to the adopted text: asked for first, shown as a proposal beside
 * the adopted text, which stays adopted and is what an export holds, until
 * all five have signed the proposal.
 */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;
const TITLE = 'Warmte uit oppervlaktewater voor Leiden Noord';
const TEXT = 'In 2030 verwarmt aquathermie uit de Oude Rijn 4.000 woningen in Leiden Noord.';
const SYNC = { timeout: 30_000 };
const ANNE = { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager' };
const SIGNERS = [
  { name: 'Bram Jansen', organisation: 'Liander', role: 'Netstrateeg' },
  { name: 'Carla Smit', organisation: 'Energiecoöperatie Leiden', role: 'Voorzitter' },
  { name: 'Daan Bakker', organisation: 'Hoogheemraadschap van Rijnland', role: 'Adviseur water en energie' },
  { name: 'Eva Visser', organisation: 'Portaal Leiden', role: 'Duurzaamheidsmanager' },
] as const;
const LAST = SIGNERS[3];

const toDo = (page: Page) => page.getByRole('region', { name: 'Nog te doen voordat het doel is aangenomen' });
const adopted = (page: Page) => page.getByText('Aangenomen', { exact: true });

async function grantOwnMandate(page: Page, name: string) {
  await openSection(page, 'Doelen');
  await page.getByRole('button', { name: 'Mandaten beheren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mandaten' });
  await dialog.getByRole('checkbox', { name }).check();
  await expect(dialog.getByText(`Mandaathouders: ${name}`)).toBeVisible(SYNC);
  await dialog.getByRole('button', { name: 'Sluiten' }).first().click();
  await expect(dialog).toBeHidden();
}

async function openGoal(page: Page) {
  await openSection(page, 'Doelen');
  await page.getByRole('link', { name: TITLE }).click(SYNC);
  await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
}

test('a goal that 5 of 30 organisations carry is adopted when those 5 have signed', async () => {
  test.setTimeout(360_000);
  const [a, b] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
  try {
    await createIdentity(a.page, ANNE);
    await createWorkspace(a.page, 'Holland Rijnland', 'RES 2.0');
    await putDocumentUpdate(a.page, workspaceIdFromUrl(a.page.url()), regionOrganisationsUpdate('region-fixture'));
    await a.page.reload();
    await openSection(a.page, 'Organisaties');
    await expect(a.page.getByRole('article', { name: 'Greenport Duin- en Bollenstreek' })).toBeVisible();

    const signerPages: Page[] = [];
    for (const signer of SIGNERS) {
      const invite = await createInvite(a.page);
      const page = await openPartnerPage(b.browser, PORT_B, signer.name);
      await createIdentity(page, signer);
      await joinWithInvite(page, invite);
      await expect(page.getByRole('heading', { level: 1, name: 'RES 2.0' })).toBeVisible();
      signerPages.push(page);
    }
    const pages = [a.page, ...signerPages];

    // Anne's own organisation is ticked; she finds the four others in the list of 30 with its filter.
    await grantOwnMandate(a.page, ANNE.name);
    await a.page.getByRole('button', { name: 'Nieuw doel' }).click();
    const create = a.page.getByRole('dialog', { name: 'Nieuw doel' });
    await create.getByRole('textbox', { name: 'Titel' }).fill(TITLE);
    await create.getByRole('textbox', { name: 'Eerste tekst' }).fill(TEXT);
    await expect(create.getByRole('checkbox', { name: ANNE.organisation })).toBeChecked();
    await expect(create.getByText(`1 van ${REGION_ORGANISATIONS.length} gekozen`)).toBeVisible();
    for (const signer of SIGNERS) {
      await create.getByRole('textbox', { name: 'Zoek een organisatie' }).fill(signer.organisation.split(' ')[0] as string);
      await create.getByRole('checkbox', { name: signer.organisation }).check();
    }
    await create.getByRole('textbox', { name: 'Zoek een organisatie' }).fill('');
    await expect(create.getByText(`5 van ${REGION_ORGANISATIONS.length} gekozen`)).toBeVisible();
    await a.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(a.page);
    await create.getByRole('button', { name: 'Doel aanmaken' }).click();
    await expect(a.page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
    await expect(a.page.getByText('Voor dit doel: elk van de 5 deelnemende organisaties ondertekent een standpunt, en minstens 3 van hen onderschrijven.')).toBeVisible();

    await signStance(a.page, 'Standpunt innemen', 'Onderschrijven');
    for (const [index, signer] of SIGNERS.entries()) {
      const page = signerPages[index] as Page;
      await grantOwnMandate(page, signer.name);
      await openGoal(page);
      if (signer !== LAST) await signStance(page, 'Standpunt innemen', 'Onderschrijven');
    }

    // Four of five have signed: the goal waits for the fifth only, and says so in words.
    const lastPage = signerPages[3] as Page;
    for (const page of pages) {
      await expect(page.getByRole('region', { name: 'Draagvlak' }).getByText('Onderschrijft', { exact: true })).toHaveCount(4, SYNC);
      await expect(page.getByText('Nog niet aangenomen', { exact: true })).toBeVisible();
      await expect(toDo(page).getByRole('listitem')).toHaveText([`${LAST.organisation}: een mandaathouder ondertekent een standpunt over de huidige tekst.`]);
    }
    await a.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(a.page);
    await keepScreenshot(a.page, 'goal-page-5-of-30-before-the-last-signature');

    await signStance(lastPage, 'Standpunt innemen', 'Onderschrijven');
    for (const page of pages) {
      await expect(adopted(page)).toBeVisible(SYNC);
      await expect(toDo(page)).toHaveCount(0);
    }
    await keepScreenshot(a.page, 'goal-page-5-of-30-adopted');

    // The fifth steps out with a signed stance: four carry the goal, and everyone sees why the fifth is gone.
    await signStance(lastPage, 'Standpunt innemen', 'Uitstappen (niet meedoen aan dit doel)', 'Geen woningen van Portaal in Leiden Noord.');
    const participants = a.page.getByRole('region', { name: 'Deelnemende organisaties' });
    await expect(participants.getByText(new RegExp(`^${LAST.organisation} is uitgestapt op .*: Geen woningen van Portaal in Leiden Noord\\.$`))).toBeVisible(SYNC);
    await expect(a.page.getByText('Voor dit doel: elk van de 4 deelnemende organisaties ondertekent een standpunt, en minstens 2 van hen onderschrijven.')).toBeVisible();
    await expect(adopted(a.page)).toBeVisible();
    // Taking part again is the organisation's own signed word too.
    await lastPage.getByRole('button', { name: `Meedoen namens ${LAST.organisation}` }).click();
    const join = lastPage.getByRole('dialog', { name: 'Standpunt innemen' });
    await join.getByRole('radio', { name: 'Onderschrijven', exact: true }).check();
    await join.getByRole('button', { name: 'Ondertekenen' }).click();
    await expect(join).toBeHidden();
    await expect(a.page.getByText('Voor dit doel: elk van de 5 deelnemende organisaties ondertekent een standpunt, en minstens 3 van hen onderschrijven.')).toBeVisible(SYNC);
    await expect(adopted(a.page)).toBeVisible();

    // The adopted text cannot be changed by a stray keystroke: it asks first, and cancelling changes nothing.
    const editor = a.page.getByRole('textbox', { name: 'Doeltekst' });
    await expect(editor).toHaveAttribute('aria-readonly', 'true');
    await a.page.getByRole('button', { name: 'Wijziging voorstellen' }).click();
    const propose = a.page.getByRole('dialog', { name: 'Wijziging voorstellen?' });
    await expect(propose).toContainText('De aangenomen tekst blijft gelden en blijft exporteerbaar.');
    await expectNoSeriousA11yViolations(a.page);
    await propose.getByRole('button', { name: 'Annuleren' }).click();
    await expect(editor).toHaveAttribute('aria-readonly', 'true');
    await a.page.getByRole('button', { name: 'Wijziging voorstellen' }).click();
    await propose.getByRole('button', { name: 'Ja, wijziging voorstellen' }).click();
    await expect(propose).toBeHidden();
    await expect(editor).toHaveAttribute('aria-readonly', 'false');
    await editor.click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.type(' Ook Leiden Zuid volgt.');

    // Everyone sees the proposal beside the adopted text, which stays adopted; every organisation is asked again.
    for (const page of [a.page, lastPage]) {
      await expect(page.getByRole('heading', { level: 3, name: 'Voorstel tot wijziging' })).toBeVisible(SYNC);
      await expect(page.getByTestId('goal-adopted-text')).toHaveText(TEXT);
      await expect(adopted(page)).toBeVisible();
      await expect(page.getByText('Er ligt een voorstel om de tekst te wijzigen.', { exact: false })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Draagvlak' }).getByText('Eerdere versie', { exact: true })).toHaveCount(5, SYNC);
    }
    await a.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(a.page);
    await keepScreenshot(a.page, 'goal-page-change-proposed');

    // The adopted version is what is exported, not the proposal.
    const [file] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Exporteren als Markdown' }).click()]);
    const exported = await readFile(await file.path(), 'utf8');
    expect(exported).toContain(`> ${TEXT}`);
    expect(exported).not.toContain('Leiden Zuid');
    // The proposal signed by all five replaces the adopted text.
    await signStance(a.page, 'Opnieuw bevestigen', 'Onderschrijven');
    for (const page of signerPages) await signStance(page, 'Opnieuw bevestigen', 'Onderschrijven');
    for (const page of pages) {
      await expect(page.getByRole('heading', { level: 3, name: 'Tekst' })).toBeVisible(SYNC);
      await expect(page.getByTestId('goal-adopted-text')).toHaveCount(0);
      await expect(adopted(page)).toBeVisible();
    }
    await expect(a.page.getByRole('region', { name: 'Besluitenlog' }).getByText('Doel aangenomen: gedragen door alle deelnemende organisaties.')).toHaveCount(2);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
