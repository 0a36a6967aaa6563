import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, createIdentity, createInvite, createWorkspace, joinAtHost, openSection } from './app-actions';
import { CHAIN_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * A peer that is not connected to the one who edits still gets the edit and
 * the caret: A, B and C in separate Chromium processes, where B took A's
 * invite and C took B's, so the hubs link A–B and B–C only and A and C never
 * find each other. Everything A does reaches C through B's mesh sync.
 */
const [PORT_A, PORT_B, PORT_C] = CHAIN_HOST_PORTS;
const GOAL = 'Samen naar 1,2 TWh duurzame opwek';
const FIRST_TEXT = 'De regio wekt in 2030 samen 1,2 TWh duurzame elektriciteit op.';

const status = (page: Page) => page.getByTestId('sync-status');

test('an edit and a caret reach a partner two hops away', async () => {
  test.setTimeout(180_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B), openPartner(PORT_C)]);
  const [a, b, c] = partners as [Partner, Partner, Partner];
  try {
    await createIdentity(a.page, { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager' });
    await createWorkspace(a.page, 'Holland Rijnland', 'RES 2.0');
    await addOrganisation(a.page, { name: 'Gemeente Leiden', type: 'Gemeente' });
    await openSection(a.page, 'Doelen');
    await a.page.getByRole('button', { name: 'Nieuw doel' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Nieuw doel' });
    await dialog.getByRole('textbox', { name: 'Titel' }).fill(GOAL);
    await dialog.getByRole('textbox', { name: 'Eerste tekst' }).fill(FIRST_TEXT);
    await dialog.getByRole('button', { name: 'Doel aanmaken' }).click();
    await expect(a.page.getByRole('heading', { level: 2, name: GOAL })).toBeVisible();

    const inviteFromA = await createInvite(a.page);
    await createIdentity(b.page, { name: 'Bram Jansen', organisation: 'Liander', role: 'Netstrateeg' });
    await joinAtHost(b.page, PORT_B, inviteFromA);
    await expect(status(b.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });
    const inviteFromB = await createInvite(b.page);
    await createIdentity(c.page, { name: 'Carla Smit', organisation: 'Energiecoöperatie Leiden', role: 'Voorzitter' });
    await joinAtHost(c.page, PORT_C, inviteFromB);

    // B is connected to both; A and C each only to B.
    await expect(status(b.page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });
    await expect(status(a.page)).toHaveText('Bijgewerkt met 1 partner');
    await expect(status(c.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });
    // Presence crosses two hops too.
    await expect(c.page.getByRole('listitem', { name: 'Anne de Vries, Gemeente Leiden' })).toBeVisible({ timeout: 20_000 });
    await expect(a.page.getByRole('listitem', { name: 'Carla Smit, Energiecoöperatie Leiden' })).toBeVisible({ timeout: 20_000 });

    await openSection(c.page, 'Doelen');
    await c.page.getByRole('link', { name: GOAL }).click({ timeout: 30_000 });
    const editorA = a.page.getByRole('textbox', { name: 'Doeltekst' });
    const editorC = c.page.getByRole('textbox', { name: 'Doeltekst' });
    await expect(editorC).toContainText(FIRST_TEXT, { timeout: 30_000 });
    await editorA.click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.type(' Zon op daken eerst.');
    await expect(editorC).toHaveText(`${FIRST_TEXT} Zon op daken eerst.`, { timeout: 30_000 });
    await expect(c.page.locator('.collaboration-carets__label', { hasText: 'Anne de Vries' })).toBeVisible({ timeout: 30_000 });
    // Still two hops: the mesh did not connect A and C behind the test's back.
    await expect(status(a.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 20_000 });

    // B's connections view names both neighbours and whether each holds what B holds.
    await b.page.getByRole('button', { name: 'Verbindingen' }).click();
    const connections = b.page.getByRole('dialog', { name: 'Verbindingen' });
    await expect(connections.getByText('Direct verbonden met alle 2 aanwezige partners.')).toBeVisible();
    const neighbours = connections.getByTestId('mesh-neighbours');
    await expect(neighbours.getByRole('listitem').filter({ hasText: 'Anne de Vries' })).toContainText('heeft alles wat jij hebt', { timeout: 20_000 });
    await expect(neighbours.getByRole('listitem').filter({ hasText: 'Carla Smit' })).toContainText('heeft alles wat jij hebt');
    await b.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(b.page);
  } finally {
    await Promise.all(partners.map((partner) => partner.close()));
  }
});
