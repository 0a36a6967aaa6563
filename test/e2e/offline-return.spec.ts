import { expect, test, type Page } from './fixtures';
import { addOrganisation, openSection, startWorkspaceOfThree } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * The regression for offline work that never came back: three partners in
 * separate Chromium processes; B has opened a confidential room earlier in
 * the session (a second sync on the same hub), then works offline while A
 * edits too. When B is back, everyone holds everyone's edits, B is present
 * again for A and C, and no status says "bijgewerkt" before that is true.
 */
const [PORT_A, PORT_B, PORT_C] = PARTNER_HOST_PORTS;

const status = (page: Page) => page.getByTestId('sync-status');
const offlineSwitch = (page: Page) => page.getByRole('switch', { name: 'Offline werken' });

test('offline edits come back after reconnecting, in a session where a room was opened', async () => {
  test.setTimeout(180_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B), openPartner(PORT_C)]);
  const [a, b, c] = partners as [Partner, Partner, Partner];
  try {
    await startWorkspaceOfThree([a.page, b.page, c.page], { b: PORT_B, c: PORT_C }, [
      { name: 'Gemeente Leiden', type: 'Gemeente' },
      { name: 'Liander', type: 'Netbeheerder' },
    ]);
    for (const { page } of partners) await expect(status(page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 45_000 });
    // Who is here: two avatars side by side, neither covering the other's initials.
    const here = a.page.getByRole('list', { name: 'Nu aanwezig' }).getByRole('listitem');
    await expect(here).toHaveCount(2);
    const [first, second] = await Promise.all([here.nth(0).boundingBox(), here.nth(1).boundingBox()]);
    expect((first?.x ?? 0) + (first?.width ?? 0)).toBeLessThanOrEqual(second?.x ?? 0);
    for (const avatar of await here.all()) expect(await avatar.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    // Earlier in B's session: a confidential room, opened and left again.
    await openSection(b.page, 'Vertrouwelijke kamers');
    await b.page.getByRole('button', { name: 'Nieuwe kamer' }).click();
    const create = b.page.getByRole('dialog', { name: 'Nieuwe vertrouwelijke kamer' });
    await create.getByLabel('Naam van de kamer').fill('Netcapaciteit');
    await create.getByRole('button', { name: 'Kamer openen' }).click();
    await expect(b.page.getByRole('heading', { level: 2, name: 'Netcapaciteit' })).toBeVisible();
    await b.page.getByRole('link', { name: 'Terug naar de kamers' }).click();
    await expect(b.page.getByRole('heading', { level: 1, name: 'RES 2.0' })).toBeVisible();

    await offlineSwitch(b.page).click();
    await expect(status(b.page)).toHaveText('Offline');
    for (const page of [a.page, c.page]) {
      await expect(status(page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });
      await expect(page.getByRole('listitem', { name: 'Bram Jansen, Liander' })).toHaveCount(0);
    }
    await addOrganisation(a.page, { name: 'Hoogheemraadschap van Rijnland', type: 'Waterschap' });
    await addOrganisation(b.page, { name: 'Energiecoöperatie Leiden', type: 'Energiecoöperatie' });
    // Offline means offline: nothing crosses in either direction meanwhile.
    await b.page.waitForTimeout(2000);
    await expect(b.page.getByRole('article', { name: 'Hoogheemraadschap van Rijnland' })).toHaveCount(0);
    await expect(a.page.getByRole('article', { name: 'Energiecoöperatie Leiden' })).toHaveCount(0);

    for (const page of [a.page, c.page]) await openSection(page, 'Organisaties');
    await offlineSwitch(b.page).click();
    // The status tells the truth: whenever B says it is up to date with k partners, at least k of A and C
    // hold B's offline edit. (B may be back with C before A: then "met 1 partner" is about C, and A gets
    // the edit from C a moment later.)
    const holders = async () => {
      const counts = await Promise.all([a.page, c.page].map((page) => page.getByRole('article', { name: 'Energiecoöperatie Leiden' }).count()));
      return counts.filter((count) => count === 1).length;
    };
    for (let sample = 0; sample < 300 && (await holders()) < 2; sample++) {
      const bSays = (await status(b.page).textContent()) ?? '';
      const claimed = /^Bijgewerkt met (\d+) partners?$/.exec(bSays)?.[1];
      if (claimed !== undefined) expect(await holders(), `B said "${bSays}" before that many partners had its edit`).toBeGreaterThanOrEqual(Number(claimed));
      await b.page.waitForTimeout(100);
    }
    for (const page of [a.page, b.page, c.page]) {
      await openSection(page, 'Organisaties');
      await expect(page.getByRole('article', { name: 'Hoogheemraadschap van Rijnland' })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('article', { name: 'Energiecoöperatie Leiden' })).toBeVisible({ timeout: 30_000 });
      await expect(status(page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });
    }
    for (const page of [a.page, c.page]) await expect(page.getByRole('listitem', { name: 'Bram Jansen, Liander' })).toBeVisible({ timeout: 15_000 });
  } finally {
    await Promise.all(partners.map((partner) => partner.close()));
  }
});
