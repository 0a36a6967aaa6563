import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, openSection, startPairAtHosts } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * One person, several devices (issue 12, item 4). Bram works on his laptop
 * (B); he links a second device (C) by carrying a link request to B and the
 * link code back, after both show the same check code; C opens the
 * workspace, syncs with Anne (A) and what it adds counts as Bram's. B then
 * removes that laptop again. Bram makes an identity backup on B, and a fresh install (D) restores it:
 * a wrong passphrase is named, the right one opens the same workspace.
 * Separate Chromium processes for A, B, C and D.
 */
const [PORT_A, PORT_B, PORT_C] = PARTNER_HOST_PORTS;
const status = (page: Page) => page.getByTestId('sync-status');
const PASSPHRASE = 'groene stroom voor heel de regio';

async function openWorkspace(page: Page) {
  await page.getByRole('link', { name: 'Werkruimte RES 2.0 (Holland Rijnland) openen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'RES 2.0' })).toBeVisible();
}

test('a second device of one person joins by a device grant; a restored identity backup opens the same workspace', async () => {
  test.setTimeout(240_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B), openPartner(PORT_C)]);
  const [a, b, c] = partners as [Partner, Partner, Partner];
  try {
    await startPairAtHosts(a.page, b.page, PORT_B);
    await addOrganisation(b.page, { name: 'Liander', type: 'Netbeheerder' });

    // C, a fresh install: link this device instead of making a profile.
    await c.page.getByRole('button', { name: 'Dit apparaat koppelen' }).click();
    const linkThis = c.page.getByRole('dialog', { name: 'Dit apparaat koppelen' });
    await linkThis.getByLabel('Naam van dit apparaat').fill('Laptop thuis');
    await linkThis.getByRole('button', { name: 'Koppelverzoek maken' }).click();
    const request = await linkThis.getByTestId('device-link-request').inputValue();
    expect(request).toMatch(/^SKR1\./);
    const checkOnC = /Controlecode op dit apparaat: (\d{3}\s\d{3})/.exec((await linkThis.getByTestId('link-check').textContent()) ?? '')?.[1];
    expect(checkOnC).toBeDefined();
    await expectNoSeriousA11yViolations(c.page);

    // B, the device Bram already uses: reads the request and shows the same check before granting.
    await b.page.getByRole('button', { name: /^Profielmenu/ }).click();
    await b.page.getByRole('menuitem', { name: 'Nieuw apparaat koppelen' }).click();
    const grant = b.page.getByRole('dialog', { name: 'Nieuw apparaat koppelen' });
    await grant.getByLabel('Koppelverzoek van het nieuwe apparaat').fill('SKR1.niet-echt');
    await grant.getByRole('button', { name: 'Verzoek lezen' }).click();
    await expect(grant.getByRole('alert')).toHaveText('De code of het bestand is beschadigd of onvolledig.');
    await grant.getByLabel('Koppelverzoek van het nieuwe apparaat').fill(request);
    await grant.getByRole('button', { name: 'Verzoek lezen' }).click();
    await expect(grant.getByTestId('grant-check')).toContainText(`heet “Laptop thuis”. Toont het de controlecode ${checkOnC}?`);
    await grant.getByRole('button', { name: 'De codes zijn gelijk: koppelen' }).click();
    await expect(grant).toContainText('Het apparaat is gekoppeld in 1 werkruimte.');
    const linkCode = await grant.getByTestId('device-link-code').inputValue();
    expect(linkCode).toMatch(/^SKL1\./);
    await grant.getByRole('button', { name: 'Klaar' }).click();
    // Bram changes his role on B after C took its copy of the profile: C must not write the old one back.
    await b.page.getByRole('button', { name: /^Profielmenu/ }).click();
    await b.page.getByRole('menuitem', { name: 'Profiel bewerken' }).click();
    const editProfile = b.page.getByRole('dialog', { name: 'Profiel bewerken' });
    await editProfile.getByLabel('Je rol').fill('Hoofd netstrategie');
    await editProfile.getByRole('button', { name: 'Opslaan' }).click();
    await expect(editProfile).toBeHidden();

    // C takes the link code: it is Bram now, with the workspace, and syncs with A.
    await linkThis.getByLabel('Koppelcode van je andere apparaat').fill(linkCode);
    await linkThis.getByRole('button', { name: 'Koppelen' }).click();
    await expect(c.page.getByRole('heading', { name: 'Je werkruimtes' })).toBeVisible();
    await expect(c.page.getByText('Op dit gekoppelde apparaat werk je in de werkruimtes die je andere apparaat meegaf.')).toBeVisible();
    await openWorkspace(c.page);
    await openSection(c.page, 'Organisaties');
    await expect(c.page.getByRole('article', { name: 'Gemeente Leiden' })).toBeVisible({ timeout: 45_000 });
    await expect(c.page.getByRole('article', { name: 'Liander' })).toBeVisible();
    // What C adds stands as Bram's at A.
    await addOrganisation(c.page, { name: 'Stedin', type: 'Netbeheerder' });
    await openSection(a.page, 'Organisaties');
    await expect(a.page.getByRole('article', { name: 'Stedin' })).toBeVisible({ timeout: 30_000 });
    await a.page.getByRole('button', { name: 'Verbindingen' }).click();
    const connections = a.page.getByRole('dialog', { name: 'Verbindingen' });
    // Named as the device it is, not only as its person.
    await expect(connections.getByTestId('mesh-neighbours')).toContainText('Laptop thuis, apparaat van Bram Jansen · Liander');
    // Nothing C signed was refused as breaking a rule.
    await expect(connections.getByTestId('refused-changes')).toHaveCount(0);
    await a.page.keyboard.press('Escape');
    await openSection(a.page, 'Mensen');
    await a.page.getByRole('list', { name: 'Mensen in deze werkruimte' }).getByRole('link', { name: 'Bram Jansen' }).click();
    await expect(a.page.getByText('Hoofd netstrategie')).toBeVisible({ timeout: 20_000 });
    await expect(a.page.getByText('Netstrateeg', { exact: true })).toHaveCount(0);
    await c.close();

    // B lists Bram's devices and removes the laptop (as if it were lost).
    await b.page.getByRole('button', { name: /^Profielmenu/ }).click();
    await b.page.getByRole('menuitem', { name: 'Je apparaten' }).click();
    const devices = b.page.getByRole('dialog', { name: 'Je apparaten' });
    const list = devices.getByRole('list', { name: 'Je apparaten' });
    await expect(list.getByRole('listitem')).toHaveText([/^Eerste apparaat\s*dit apparaat$/, /^Laptop thuis/]);
    await expectNoSeriousA11yViolations(b.page);
    await devices.getByRole('button', { name: 'Laptop thuis verwijderen' }).click();
    await devices.getByRole('button', { name: 'Apparaat verwijderen' }).click();
    await expect(devices.getByRole('status')).toHaveText('Laptop thuis is verwijderd in 1 werkruimte.');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await devices.getByRole('button', { name: 'Klaar' }).click();

    // B makes an identity backup.
    await b.page.getByRole('button', { name: /^Profielmenu/ }).click();
    await b.page.getByRole('menuitem', { name: 'Back-up van je identiteit maken' }).click();
    const backup = b.page.getByRole('dialog', { name: 'Back-up van je identiteit' });
    await backup.getByLabel(/^Wachtwoordzin\W*$/).fill('te kort');
    await backup.getByLabel('Wachtwoordzin nog eens').fill('te kort');
    await backup.getByRole('button', { name: 'Back-up maken' }).click();
    await expect(backup).toContainText('Gebruik minstens 12 tekens.');
    await backup.getByLabel(/^Wachtwoordzin\W*$/).fill(PASSPHRASE);
    await backup.getByLabel('Wachtwoordzin nog eens').fill(PASSPHRASE);
    const download = b.page.waitForEvent('download');
    await backup.getByRole('button', { name: 'Back-up maken' }).click();
    const file = await (await download).path();
    await expect(backup.getByRole('status')).toHaveText('De back-up is gemaakt, voor 1 werkruimte. Het bestand staat in je downloads.', { timeout: 30_000 });
    await backup.getByRole('button', { name: 'Klaar' }).click();

    // D, another fresh install (C's host, a new browser profile): a wrong passphrase is named; the right one restores.
    const d = await openPartner(PORT_C);
    partners.push(d);
    await d.page.getByRole('button', { name: 'Back-up terugzetten' }).click();
    const restore = d.page.getByRole('dialog', { name: 'Back-up terugzetten' });
    await restore.locator('input[type="file"]').setInputFiles(file);
    await restore.getByLabel('Wachtwoordzin').fill('een andere wachtwoordzin');
    await restore.getByRole('button', { name: 'Terugzetten' }).click();
    await expect(restore.getByRole('alert')).toHaveText('De wachtwoordzin klopt niet.', { timeout: 30_000 });
    await restore.getByLabel('Wachtwoordzin').fill(PASSPHRASE);
    await restore.getByRole('button', { name: 'Terugzetten' }).click();
    await expect(d.page.getByRole('heading', { name: 'Je werkruimtes' })).toBeVisible({ timeout: 30_000 });
    await openWorkspace(d.page);
    await openSection(d.page, 'Organisaties');
    await expect(d.page.getByRole('article', { name: 'Stedin' })).toBeVisible({ timeout: 45_000 });
    await expect(status(d.page)).toHaveText(/^Bijgewerkt met [12] partners?$/, { timeout: 30_000 });
    // On D, Bram's devices: the first one and the backup (this one); the removed laptop is gone here too.
    await d.page.getByRole('button', { name: /^Profielmenu/ }).click();
    await d.page.getByRole('menuitem', { name: 'Je apparaten' }).click();
    const onD = d.page.getByRole('dialog', { name: 'Je apparaten' }).getByRole('list', { name: 'Je apparaten' });
    await expect(onD.getByRole('listitem')).toHaveText([/^Eerste apparaat/, /^Back-up van .*dit apparaat$/]);
  } finally {
    await Promise.all(partners.map((p) => p.close().catch(() => undefined)));
  }
});
