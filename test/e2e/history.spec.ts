import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, openSection, startWorkspaceOfThree } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * Issue 13, item 1, in separate Chromium processes: A (the founder, an
 * administrator) deletes B's document; B finds the deletion in the history
 * and restores it in one action; C sees it back. Then C adds an
 * organisation and renames it, and A undoes all of C's changes since that
 * organisation appeared, while A's and B's later work stays.
 */
const [PORT_A, PORT_B, PORT_C] = PARTNER_HOST_PORTS;
const status = (page: Page) => page.getByTestId('sync-status');

async function openHistory(page: Page) {
  await openSection(page, 'Overzicht');
  await page.getByRole('link', { name: 'Volledige geschiedenis' }).click();
  await expect(page.getByRole('heading', { name: 'Geschiedenis', level: 2 })).toBeVisible();
}

test('a deleted document comes back from the history, and an administrator undoes one member’s changes', async () => {
  test.setTimeout(120_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B), openPartner(PORT_C)]);
  const [a, b, c] = partners as [Partner, Partner, Partner];
  try {
    await startWorkspaceOfThree([a.page, b.page, c.page], { b: PORT_B, c: PORT_C }, [
      { name: 'Gemeente Leiden', type: 'Gemeente' },
      { name: 'Liander', type: 'Netbeheerder' },
    ]);
    await expect(status(a.page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });

    // B shares a document; everyone has it.
    await openSection(b.page, 'Documenten');
    await b.page.getByRole('button', { name: 'Document toevoegen' }).click();
    const add = b.page.getByRole('dialog', { name: 'Document toevoegen' });
    await add.getByLabel('Bestand kiezen').setInputFiles({ name: 'netkaart.txt', mimeType: 'text/plain', buffer: Buffer.from('Capaciteit per station') });
    await add.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(add).toBeHidden();
    for (const page of [a.page, c.page]) {
      await openSection(page, 'Documenten');
      await expect(page.getByRole('article', { name: 'netkaart' })).toBeVisible({ timeout: 20_000 });
    }

    // A deletes it; it is gone everywhere.
    await a.page.getByRole('article', { name: 'netkaart' }).getByRole('button', { name: 'Verwijderen' }).click();
    await a.page.getByRole('dialog', { name: 'Document verwijderen?' }).getByRole('button', { name: 'Verwijderen' }).click();
    await expect(b.page.getByRole('article', { name: 'netkaart' })).toHaveCount(0, { timeout: 20_000 });
    await expect(c.page.getByRole('article', { name: 'netkaart' })).toHaveCount(0, { timeout: 20_000 });

    // C may not restore what another member made: the history says so and changes nothing.
    await openHistory(c.page);
    await c.page.getByRole('list', { name: 'Wijzigingen, nieuwste eerst' }).getByRole('button', { name: 'Geschiedenis van document “netkaart”' }).first().click();
    await expect(c.page.getByText('Alleen document “netkaart”')).toBeVisible();
    await c.page.getByRole('button', { name: 'document “netkaart” terugzetten', exact: true }).click();
    await expect(c.page.getByText(/Dit kun je niet terugzetten/)).toBeVisible();
    await openSection(c.page, 'Documenten');
    await expect(c.page.getByRole('article', { name: 'netkaart' })).toHaveCount(0);

    // B restores it from the history, in one action.
    await b.page.getByRole('link', { name: 'Verwijderd en geschiedenis' }).click();
    const history = b.page.getByRole('list', { name: 'Wijzigingen, nieuwste eerst' });
    await expect(history.getByText('Anne de Vries verwijderde document “netkaart”')).toBeVisible();
    await expect(history.getByText('Bram Jansen maakte document “netkaart” aan')).toBeVisible();
    await b.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(b.page);
    await history.getByRole('button', { name: 'document “netkaart” terugzetten', exact: true }).click();
    await expect(b.page.getByText('document “netkaart” is teruggezet.')).toBeVisible();
    await expect(history.getByText('Bram Jansen zette document “netkaart” terug')).toBeVisible();
    await expect(c.page.getByRole('article', { name: 'netkaart' })).toBeVisible({ timeout: 20_000 });
    await expect(a.page.getByRole('article', { name: 'netkaart' })).toBeVisible({ timeout: 20_000 });

    // C adds an organisation and renames it; then A and B go on working.
    await addOrganisation(c.page, { name: 'Zonnepark Noord', type: 'Energiecoöperatie' });
    await c.page.getByRole('button', { name: 'Zonnepark Noord bewerken' }).click();
    const edit = c.page.getByRole('dialog', { name: 'Organisatie bewerken' });
    await edit.getByLabel('Naam').fill('Zonnepark Noord (oud)');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await expect(edit).toBeHidden();
    await openSection(a.page, 'Organisaties');
    await expect(a.page.getByRole('article', { name: 'Zonnepark Noord (oud)' })).toBeVisible({ timeout: 20_000 });
    await addOrganisation(b.page, { name: 'Alliander', type: 'Netbeheerder' });
    await expect(a.page.getByRole('article', { name: 'Alliander' })).toBeVisible({ timeout: 20_000 });

    // A undoes everything Carla did since she added that organisation, from her profile.
    await openSection(a.page, 'Mensen');
    await a.page.getByRole('list', { name: 'Mensen in deze werkruimte' }).getByRole('link', { name: 'Carla Smit' }).click();
    await a.page.getByRole('link', { name: 'Wijzigingen van Carla Smit in de geschiedenis' }).click();
    await expect(a.page.getByRole('combobox', { name: 'Wie' })).toHaveValue('Carla Smit');
    await a.page.getByRole('button', { name: 'Wijzigingen van Carla Smit ongedaan maken…' }).click();
    const undo = a.page.getByRole('dialog', { name: 'Wijzigingen van Carla Smit ongedaan maken' });
    await undo.getByRole('combobox', { name: 'Vanaf' }).click();
    await a.page.getByRole('option', { name: /Carla Smit maakte organisatie “Zonnepark Noord \(oud\)” aan/ }).click();
    await expect(undo.getByText(/wijzigingen van Carla Smit raken 1 onderdelen/)).toBeVisible();
    await a.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(a.page);
    await undo.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect(undo).toBeHidden();
    await expect(a.page.getByText('1 onderdelen teruggezet.')).toBeVisible();
    for (const page of [a.page, b.page, c.page]) {
      await openSection(page, 'Organisaties');
      await expect(page.getByRole('article', { name: /Zonnepark Noord/ })).toHaveCount(0, { timeout: 20_000 });
      await expect(page.getByRole('article', { name: 'Alliander' })).toBeVisible();
      await expect(page.getByRole('article', { name: 'Gemeente Leiden' })).toBeVisible();
    }
  } finally {
    await Promise.all(partners.map((partner) => partner.close()));
  }
});
