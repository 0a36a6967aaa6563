import { expect, test } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { openSection, startSharedWorkspace } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner } from './partners';

/** Interests on the table: A lays out its organisation's interests, B reads them, cannot edit them, and comments. */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;

const INTERESTS = {
  Belangen: 'Betaalbare warmte voor alle wijken',
  Strategie: 'Eerst zon op daken van maatschappelijk vastgoed',
  'Rode lijnen': 'Geen windturbines binnen 1 km van woonwijken',
  'Wat we kunnen bieden': 'Grond bij station Leiden Lammenschans',
};

test('A puts its interests on the table, B reads them but cannot edit them, and comments', async () => {
  test.setTimeout(180_000);
  const [a, b] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
  try {
    await startSharedWorkspace(a.page, b.page, [
      { name: 'Gemeente Leiden', type: 'Gemeente' },
      { name: 'Liander', type: 'Netbeheerder' },
    ]);

    // A fills in its own organisation's card; the other organisation's card has no edit button.
    await openSection(a.page, 'Belangen');
    const ownCard = a.page.getByRole('article', { name: 'Gemeente Leiden' });
    await expect(ownCard.getByText('Jouw organisatie')).toBeVisible();
    await expect(a.page.getByRole('article', { name: 'Liander' }).getByRole('button', { name: /bewerken/ })).toHaveCount(0);
    await ownCard.getByRole('button', { name: 'Belangen van Gemeente Leiden bewerken' }).click();
    const form = a.page.getByRole('dialog', { name: 'Belangen van Gemeente Leiden' });
    for (const [label, text] of Object.entries(INTERESTS)) await form.getByRole('textbox', { name: label, exact: true }).fill(text);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form).toBeHidden();
    for (const text of Object.values(INTERESTS)) await expect(ownCard.getByText(text)).toBeVisible();
    await expect(ownCard.getByText(/^Bijgewerkt door Anne de Vries op /)).toBeVisible();

    // B sees them, may not edit them, may edit its own organisation's, and comments.
    await openSection(b.page, 'Belangen');
    const seenByB = b.page.getByRole('article', { name: 'Gemeente Leiden' });
    for (const text of Object.values(INTERESTS)) await expect(seenByB.getByText(text)).toBeVisible({ timeout: 30_000 });
    await expect(seenByB.getByText(/^Bijgewerkt door Anne de Vries op /)).toBeVisible();
    await expect(seenByB.getByRole('button', { name: 'Belangen van Gemeente Leiden bewerken' })).toHaveCount(0);
    await expect(seenByB.getByText('Alleen leden van Gemeente Leiden kunnen dit bewerken.')).toBeVisible();
    await expect(b.page.getByRole('article', { name: 'Liander' }).getByRole('button', { name: 'Belangen van Liander bewerken' })).toBeVisible();
    await expect(b.page.getByTestId('interest-foreign')).toHaveCount(0);
    await expectNoSeriousA11yViolations(b.page);

    const comment = 'Kunnen we de grond bij Lammenschans ook voor een buurtbatterij gebruiken?';
    await seenByB.getByRole('textbox', { name: 'Je reactie' }).fill(comment);
    await seenByB.getByRole('button', { name: 'Reageren' }).click();
    await expect(seenByB.getByText(comment)).toBeVisible();
    await expect(ownCard.getByText(comment)).toBeVisible({ timeout: 30_000 });
    await a.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(a.page);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
