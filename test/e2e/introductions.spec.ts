import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, chooseOption, createIdentity, createInvite, createWorkspace, joinWithInvite, openSection } from './app-actions';
import { drawnNodes } from './network-canvas';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * Verbinden between three partners, each in their own Chromium process:
 * profiles, an introduction made by A reaching B, the network picture and
 * the directory.
 */

async function join(page: Page, code: string) {
  await joinWithInvite(page, code);
  await expect(page.getByRole('heading', { level: 1, name: 'RES Holland Rijnland' })).toBeVisible();
}

function people(page: Page) {
  return page.getByRole('list', { name: 'Mensen in deze werkruimte' });
}

function ties(page: Page) {
  return page.getByTestId('network-ties');
}

test.describe.serial('introductions, profiles, the network and the directory between three partners', () => {
  let a: Partner;
  let b: Partner;
  let c: Partner;

  test.beforeAll(async () => {
    const [portA, portB, portC] = PARTNER_HOST_PORTS;
    [a, b, c] = await Promise.all([openPartner(portA), openPartner(portB), openPartner(portC)]);
  });

  test.afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), c?.close()]);
  });

  test('three partners join one workspace by invite; invites show as introductions', async () => {
    test.setTimeout(150_000);
    await createIdentity(a.page, { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager' });
    await createWorkspace(a.page, 'Holland Rijnland', 'RES Holland Rijnland');
    await addOrganisation(a.page, { name: 'Gemeente Leiden', type: 'Gemeente' });
    await addOrganisation(a.page, { name: 'Liander', type: 'Netbeheerder' });
    await addOrganisation(a.page, { name: 'Energiecoöperatie Leiden', type: 'Energiecoöperatie' });

    await createIdentity(b.page, { name: 'Bram Jansen', organisation: 'Liander', role: 'Netstrateeg' });
    await join(b.page, await createInvite(a.page));
    await createIdentity(c.page, { name: 'Carla Smit', organisation: 'Energiecoöperatie Leiden', role: 'Voorzitter' });
    await join(c.page, await createInvite(a.page));

    for (const page of [a.page, b.page, c.page]) {
      await openSection(page, 'Mensen');
      for (const name of ['Anne de Vries', 'Bram Jansen', 'Carla Smit']) await expect(people(page).getByRole('link', { name })).toBeVisible({ timeout: 30_000 });
    }
    // The invite is A's introduction of B to the workspace; B sees it as introduced to them.
    await expect(b.page.getByTestId('introduced-to-me')).toContainText('Anne de Vries nodigde Bram Jansen uit voor de werkruimte');
    // Presence: the others are online.
    await expect(people(a.page).getByRole('listitem').filter({ hasText: 'Bram Jansen' }).getByText('online')).toBeVisible({ timeout: 20_000 });
  });

  test('B fills in their profile, A sees it and finds B by expertise', async () => {
    await people(b.page).getByRole('link', { name: 'Bram Jansen' }).click();
    await expect(b.page.getByRole('heading', { level: 2, name: 'Bram Jansen' })).toBeVisible();
    await b.page.getByRole('button', { name: 'Mijn profiel bewerken' }).click();
    const dialog = b.page.getByRole('dialog', { name: 'Mijn profiel bewerken' });
    const tags = dialog.getByLabel('Deskundigheid');
    await tags.fill('Netcongestie');
    await tags.press('Enter');
    await tags.fill('Zon op dak');
    await tags.press('Enter');
    await dialog.getByLabel('Zo bereik je mij').fill('bram@example.nl');
    await dialog.getByLabel('Wat ik meebreng').fill('Kaarten van de netcapaciteit');
    await dialog.getByLabel('Wat ik zoek').fill('Plekken waar opslag het net ontlast');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog).toBeHidden();
    await expect(b.page.getByTestId('profile-seeks')).toHaveText('Plekken waar opslag het net ontlast');
    await expectNoSeriousA11yViolations(b.page);

    // A: the directory finds B by expertise, and B's profile shows what B is looking for.
    await a.page.getByRole('searchbox', { name: 'Zoeken' }).fill('netcongestie');
    await expect(people(a.page).getByRole('listitem')).toHaveCount(1, { timeout: 20_000 });
    await expect(people(a.page).getByRole('link', { name: 'Bram Jansen' })).toBeVisible();
    await expectNoSeriousA11yViolations(a.page);
    await people(a.page).getByRole('link', { name: 'Bram Jansen' }).click();
    await expect(a.page.getByTestId('profile-seeks')).toHaveText('Plekken waar opslag het net ontlast');
    await expect(a.page.getByRole('button', { name: 'Mijn profiel bewerken' })).toHaveCount(0);
  });

  test('A introduces B to C with a note; B sees it on Mensen, on their profile and in the network', async () => {
    test.setTimeout(90_000);
    await a.page.getByRole('button', { name: 'Voorstellen' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Mensen aan elkaar voorstellen' });
    await expect(dialog.getByRole('combobox', { name: 'Persoon' })).toHaveValue('Bram Jansen (Liander)');
    await chooseOption(a.page, 'Aan wie', 'Carla Smit (Energiecoöperatie Leiden)');
    await dialog.getByLabel('Korte toelichting').fill('Allebei bezig met zon op dak in Leiden-Noord');
    await dialog.getByRole('button', { name: 'Voorstellen' }).click();
    await expect(dialog).toBeHidden();

    const sentence = 'Anne de Vries stelde Bram Jansen voor aan Carla Smit';
    await openSection(b.page, 'Mensen');
    const toMe = b.page.getByTestId('introduced-to-me');
    await expect(toMe).toContainText(sentence, { timeout: 20_000 });
    await expect(toMe).toContainText('Allebei bezig met zon op dak in Leiden-Noord');
    await expectNoSeriousA11yViolations(b.page);
    await people(b.page).getByRole('link', { name: 'Bram Jansen' }).click();
    await expect(b.page.getByRole('list', { name: 'Voorstellen met Bram Jansen' })).toContainText(sentence);

    await openSection(b.page, 'Netwerk');
    const picture = b.page.getByRole('region', { name: 'Netwerkplaatje' });
    await expect(picture.locator('canvas').first()).toBeAttached();
    await expect(ties(b.page)).toContainText('Bram Jansen — voorgesteld aan — Carla Smit (door Anne de Vries: “Allebei bezig met zon op dak in Leiden-Noord”)');
    await expect(ties(b.page)).toContainText('Anne de Vries — nodigde uit — Bram Jansen');
    await expect(ties(b.page)).toContainText('Bram Jansen — hoort bij — Liander');
    await expectNoSeriousA11yViolations(b.page);
    // The whole picture fits its canvas, labels included, and the labels are readable.
    await expect.poll(() => canvasFit(b.page)).toEqual({ outside: [], smallLabels: [] });
    await b.page.setViewportSize({ width: 900, height: 900 });
    await expect.poll(() => canvasFit(b.page)).toEqual({ outside: [], smallLabels: [] });
    await b.page.setViewportSize({ width: 1200, height: 900 });

    // Filter by stakeholder type: only grid operators stay.
    const typeFilter = b.page.getByRole('group', { name: 'Toon soort organisatie' });
    await typeFilter.getByText('Netbeheerder', { exact: true }).click();
    await expect(typeFilter.getByRole('checkbox', { name: 'Netbeheerder' })).toBeChecked();
    await expect(ties(b.page).getByRole('listitem')).toHaveCount(1);
    await expect(ties(b.page)).toContainText('Bram Jansen — hoort bij — Liander');
    await expect(ties(b.page).getByRole('link', { name: 'Carla Smit' })).toHaveCount(0);
    await typeFilter.getByText('Netbeheerder', { exact: true }).click();
    await expect(ties(b.page).getByRole('link', { name: 'Carla Smit' }).first()).toBeVisible();

    // Click a node on the canvas: it opens that profile.
    const position = await canvasPosition(b.page, 'Carla Smit');
    await b.page.mouse.click(position.x, position.y);
    await expect(b.page.getByRole('heading', { level: 2, name: 'Carla Smit' })).toBeVisible();
    await expect(b.page.getByRole('list', { name: 'Voorstellen met Carla Smit' })).toContainText(sentence);

    // The same by keyboard from the list of ties.
    await openSection(b.page, 'Netwerk');
    await ties(b.page).getByRole('link', { name: 'Liander' }).first().focus();
    await b.page.keyboard.press('Enter');
    await expect(b.page.getByRole('heading', { level: 2, name: 'Liander' })).toBeVisible();
    await expect(b.page.getByRole('region', { name: /mensen van deze organisatie|persoon van deze organisatie/ }).getByRole('link', { name: 'Bram Jansen' })).toBeVisible();
  });
});

/** Nodes drawn (labels included) outside the canvas, and labels drawn smaller than 11 px. */
async function canvasFit(page: Page): Promise<{ outside: string[]; smallLabels: string[] }> {
  const { nodes, width, height } = await drawnNodes(page);
  return {
    outside: nodes.filter(({ box }) => box.x1 < -1 || box.y1 < -1 || box.x2 > width + 1 || box.y2 > height + 1).map((node) => node.label),
    smallLabels: nodes.filter((node) => node.fontSize < 11).map((node) => node.label),
  };
}

/** Where a node is drawn, in page coordinates: cytoscape keeps its instance on the container element. */
async function canvasPosition(page: Page, label: string): Promise<{ x: number; y: number }> {
  return page.getByTestId('network-canvas').evaluate((container, wanted) => {
    const cy = (container as unknown as { _cyreg?: { cy?: { nodes(): { forEach(fn: (node: { data(key: string): unknown; renderedPosition(): { x: number; y: number } }) => void): void } } } })._cyreg?.cy;
    if (!cy) throw new Error('no cytoscape instance on the network canvas');
    let found: { x: number; y: number } | undefined;
    cy.nodes().forEach((node) => {
      if (node.data('label') === wanted) found = node.renderedPosition();
    });
    if (!found) throw new Error(`no node labelled ${wanted}`);
    const box = container.getBoundingClientRect();
    return { x: box.left + found.x, y: box.top + found.y };
  }, label);
}
