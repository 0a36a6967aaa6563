import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { chooseOption, openSection, startSharedWorkspace } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner } from './partners';

/** Samen creëren across two partners: an idea posted by B is voted on, discussed and handed to a working group by A; an overdue action shows at B. */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;
const SYNC = { timeout: 30_000 };

// Fail at the step that hangs, not at the end of the whole test's time.
test.use({ actionTimeout: 20_000 });

const IDEA = 'Buurtbatterij bij station Lammenschans';
const OTHER_IDEA = 'Windmolen op het stadhuis';
const GROUP = 'Werkgroep Opslag Noordrand';
const ACTION = 'Offerte opvragen bij de netbeheerder';

/** axe with the pointer parked: a hovered button's shade is not what a reader sees. */
async function checkA11y(page: Page) {
  await page.mouse.move(0, 0);
  await expectNoSeriousA11yViolations(page);
}

/** The browser's own local day, shifted: what "Uiterlijk" means to the person typing it. */
function localDayIn(page: Page, offsetDays: number): Promise<string> {
  return page.evaluate((offset) => {
    const day = new Date();
    day.setDate(day.getDate() + offset);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  }, offsetDays);
}

test('B posts an idea, A votes, comments, discusses and hands it to a working group spanning both organisations; an overdue action stands out at B', async () => {
  test.setTimeout(240_000);
  const [a, b] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
  try {
    await startSharedWorkspace(a.page, b.page, [
      { name: 'Gemeente Leiden', type: 'Gemeente' },
      { name: 'Liander', type: 'Netbeheerder' },
    ]);

    // B posts an idea.
    await openSection(b.page, 'Ideeën');
    await expect(b.page.getByRole('heading', { level: 2, name: 'Ideeën' })).toBeVisible();
    await b.page.getByRole('button', { name: 'Nieuw idee' }).click();
    const ideaForm = b.page.getByRole('dialog', { name: 'Nieuw idee' });
    await ideaForm.getByRole('button', { name: 'Idee plaatsen' }).click();
    await expect(ideaForm.getByText('Vul dit veld in.')).toBeVisible();
    await ideaForm.getByRole('textbox', { name: 'Titel' }).fill(IDEA);
    await ideaForm.getByRole('textbox', { name: 'Beschrijving' }).fill('Piekstroom van de zonnedaken opvangen in de wijk.');
    const tags = ideaForm.getByRole('combobox', { name: 'Tags' });
    await tags.fill('opslag');
    await tags.press('Enter');
    await checkA11y(b.page);
    await ideaForm.getByRole('button', { name: 'Idee plaatsen' }).click();
    await expect(ideaForm).toBeHidden();
    const ideaAtB = b.page.getByRole('article', { name: IDEA });
    await expect(ideaAtB.getByText('Nieuw', { exact: true })).toBeVisible();
    await expect(ideaAtB.getByText('opslag', { exact: true })).toBeVisible();

    // A sees it, votes, withdraws and votes again; B sees one vote.
    await openSection(a.page, 'Ideeën');
    const ideaAtA = a.page.getByRole('article', { name: IDEA });
    await expect(ideaAtA).toBeVisible(SYNC);
    await expect(ideaAtA.getByText(/^Door Bram Jansen · /)).toBeVisible();
    await ideaAtA.getByRole('button', { name: 'Stemmen' }).click();
    await expect(ideaAtA.getByText('1 stem', { exact: true })).toBeVisible();
    const withdraw = ideaAtA.getByRole('button', { name: 'Stem intrekken' });
    await expect(withdraw).toHaveAttribute('aria-pressed', 'true');
    await withdraw.click();
    await expect(ideaAtA.getByText('0 stemmen', { exact: true })).toBeVisible();
    await expect(ideaAtA.getByRole('button', { name: 'Stemmen' })).toHaveAttribute('aria-pressed', 'false');
    await ideaAtA.getByRole('button', { name: 'Stemmen' }).click();
    await expect(ideaAtA.getByText('1 stem', { exact: true })).toBeVisible();
    await expect(ideaAtB.getByText('1 stem', { exact: true })).toBeVisible(SYNC);

    // A comments; B sees the count and the text.
    await ideaAtA.getByRole('button', { name: 'Reacties (0)' }).click();
    const comment = 'Past goed bij de netcongestie-aanpak van Liander.';
    await ideaAtA.getByRole('textbox', { name: 'Je reactie' }).fill(comment);
    await ideaAtA.getByRole('button', { name: 'Reageren' }).click();
    await expect(ideaAtA.getByText(comment)).toBeVisible();
    await ideaAtB.getByRole('button', { name: 'Reacties (1)' }).click(SYNC);
    await expect(ideaAtB.getByText(comment)).toBeVisible();

    // A takes it into discussion.
    await ideaAtA.getByRole('button', { name: 'In bespreking nemen' }).click();
    await expect(ideaAtA.getByText('In bespreking', { exact: true })).toBeVisible();
    await checkA11y(a.page);

    // A starts a working group with B in it: two organisations.
    await openSection(a.page, 'Werkgroepen');
    await expect(a.page.getByRole('heading', { level: 2, name: 'Werkgroepen' })).toBeVisible();
    await a.page.getByRole('button', { name: 'Nieuwe werkgroep' }).click();
    const groupForm = a.page.getByRole('dialog', { name: 'Nieuwe werkgroep' });
    await groupForm.getByRole('textbox', { name: 'Naam' }).fill(GROUP);
    await groupForm.getByRole('textbox', { name: 'Doel van de werkgroep' }).fill('Opslag in de wijk mogelijk maken.');
    await chooseOption(a.page, 'Leden', 'Bram Jansen — Liander');
    // A multi-select stays open for more picks; moving on closes it.
    await groupForm.getByRole('textbox', { name: 'Naam' }).click();
    await checkA11y(a.page);
    await groupForm.getByRole('button', { name: 'Werkgroep aanmaken' }).click();
    await expect(groupForm).toBeHidden();
    // The name says what it is; the message does not say "Werkgroep" twice.
    await expect(a.page.getByText(`„${GROUP}” is aangemaakt.`)).toBeVisible();
    const card = a.page.getByRole('article', { name: GROUP });
    await expect(card.getByText('2 leden · 2 organisaties')).toBeVisible();
    await checkA11y(a.page);

    // A hands the idea to the group; B sees it taken up and listed in the group.
    await openSection(a.page, 'Ideeën');
    await ideaAtA.getByRole('button', { name: 'Naar werkgroep' }).click();
    const handOver = a.page.getByRole('dialog', { name: 'Naar werkgroep' });
    await chooseOption(a.page, 'Werkgroep', GROUP);
    await checkA11y(a.page);
    await handOver.getByRole('button', { name: 'Overdragen' }).click();
    await expect(handOver).toBeHidden();
    await expect(ideaAtA.getByRole('link', { name: GROUP })).toBeVisible();
    await expect(ideaAtB.getByText('Opgepakt door werkgroep')).toBeVisible(SYNC);
    await openSection(b.page, 'Werkgroepen');
    await b.page.getByRole('link', { name: GROUP }).click(SYNC);
    await expect(b.page.getByRole('heading', { level: 2, name: GROUP })).toBeVisible();
    await expect(b.page.getByRole('region', { name: 'Opgepakte ideeën' }).getByRole('link', { name: IDEA })).toBeVisible();
    await expect(b.page.getByRole('region', { name: 'Leden' }).getByText('— Gemeente Leiden')).toBeVisible();

    // A adds an action owned by B, due three days ago: it stands out at B in words.
    await openSection(a.page, 'Werkgroepen');
    await a.page.getByRole('link', { name: GROUP }).click();
    await a.page.getByRole('button', { name: 'Leden wijzigen' }).click();
    const membersForm = a.page.getByRole('dialog', { name: 'Leden wijzigen' });
    await expect(membersForm.getByText('Bram Jansen — Liander')).toBeVisible();
    await checkA11y(a.page);
    await membersForm.getByRole('button', { name: 'Annuleren' }).click();
    await expect(membersForm).toBeHidden();
    await a.page.getByRole('button', { name: 'Actie toevoegen' }).click();
    const actionForm = a.page.getByRole('dialog', { name: 'Actie toevoegen' });
    await actionForm.getByRole('textbox', { name: 'Wat moet er gebeuren' }).fill(ACTION);
    await chooseOption(a.page, 'Eigenaar', 'Bram Jansen — Liander');
    await actionForm.getByLabel('Uiterlijk').fill(await localDayIn(a.page, -3));
    await checkA11y(a.page);
    await actionForm.getByRole('button', { name: 'Actie toevoegen' }).click();
    await expect(actionForm).toBeHidden();
    const actionAtB = b.page.getByTestId('group-action').filter({ hasText: ACTION });
    await expect(actionAtB.getByText('Te laat', { exact: true })).toBeVisible(SYNC);
    await expect(actionAtB.getByText('3 dagen', { exact: true })).toBeVisible();
    await checkA11y(b.page);
    await openSection(b.page, 'Werkgroepen');
    await expect(b.page.getByRole('article', { name: GROUP }).getByText('1 te laat')).toBeVisible();

    // B, the owner, ticks it done: it no longer stands out at A.
    await b.page.getByRole('link', { name: GROUP }).click();
    await b.page.getByRole('checkbox', { name: `Klaar: ${ACTION}` }).check();
    const actionAtA = a.page.getByTestId('group-action').filter({ hasText: ACTION });
    await expect(actionAtA.getByRole('checkbox', { name: `Klaar: ${ACTION}` })).toBeChecked(SYNC);
    await expect(actionAtA.getByText('Te laat', { exact: true })).toHaveCount(0);

    // A declines another idea, with a reason that B sees.
    await openSection(a.page, 'Ideeën');
    await a.page.getByRole('button', { name: 'Nieuw idee' }).click();
    const second = a.page.getByRole('dialog', { name: 'Nieuw idee' });
    await second.getByRole('textbox', { name: 'Titel' }).fill(OTHER_IDEA);
    await second.getByRole('button', { name: 'Idee plaatsen' }).click();
    await expect(second).toBeHidden();
    await a.page.getByRole('article', { name: OTHER_IDEA }).getByRole('button', { name: 'Afwijzen' }).click();
    const decline = a.page.getByRole('dialog', { name: 'Idee afwijzen' });
    await decline.getByRole('button', { name: 'Afwijzen' }).click();
    await expect(decline.getByText('Geef een reden.')).toBeVisible();
    await decline.getByRole('textbox', { name: 'Reden' }).fill('Monumentaal pand; geen vergunning mogelijk.');
    await checkA11y(a.page);
    await decline.getByRole('button', { name: 'Afwijzen' }).click();
    await expect(decline).toBeHidden();
    await openSection(b.page, 'Ideeën');
    const declinedAtB = b.page.getByRole('article', { name: OTHER_IDEA });
    await expect(declinedAtB.getByText('Afgewezen', { exact: true })).toBeVisible(SYNC);
    await expect(declinedAtB.getByText('Reden: Monumentaal pand; geen vergunning mogelijk.')).toBeVisible();
    await chooseOption(b.page, 'Status', 'Afgewezen');
    await expect(b.page.getByRole('article')).toHaveCount(1);

    // The working group realised the first idea; a declined idea can be discussed again.
    await ideaAtA.getByRole('button', { name: 'Gerealiseerd' }).click();
    await expect(ideaAtA.getByText('Gerealiseerd', { exact: true })).toBeVisible();
    await expect(ideaAtA.getByRole('button', { name: 'Gerealiseerd' })).toHaveCount(0);
    await a.page.getByRole('article', { name: OTHER_IDEA }).getByRole('button', { name: 'Opnieuw bespreken' }).click();
    await expect(a.page.getByRole('article', { name: OTHER_IDEA }).getByText('In bespreking', { exact: true })).toBeVisible();
    await chooseOption(b.page, 'Status', 'Gerealiseerd');
    await expect(b.page.getByRole('article', { name: IDEA })).toBeVisible(SYNC);
    await expect(b.page.getByRole('article')).toHaveCount(1);
    await checkA11y(b.page);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
