import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { ANNE, addOrganisation, createIdentity, createInvite, createWorkspace, joinAtHost, openSection } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner } from './partners';

/**
 * Mandates are granted, not claimed (issue 12, item 6), between two members
 * of one organisation in separate Chromium processes: Anne founded the
 * workspace and was admitted first to Gemeente Leiden, so she is its
 * administrator; Daan joined later under the same organisation. Daan ticking
 * himself gives him no mandate (no stance offered, the meter says nobody may
 * speak for Leiden); once Anne confirms, his stance counts, the meter names
 * who granted and who confirmed, and the export says so too and verifies.
 */
const [PORT_A, PORT_D] = PARTNER_HOST_PORTS;
const DAAN = { name: 'Daan Bakker', organisation: 'Gemeente Leiden', role: 'Beleidsadviseur' };
const TITLE = 'Wijkwarmte in de Merenwijk';
const TEXT = 'In 2030 is de Merenwijk aardgasvrij met een warmtenet van de wijk zelf.';
const SYNC = { timeout: 30_000 };
const run = promisify(execFile);

const meterRow = (page: Page) => page.getByRole('region', { name: 'Draagvlak' }).getByRole('listitem', { name: 'Gemeente Leiden', exact: true });

async function openMandates(page: Page) {
  await page.getByRole('button', { name: 'Mandaten beheren' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Mandaten' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a member ticking himself alone holds no mandate; confirmed by a second member his stance counts, and the export names who granted', async () => {
  test.setTimeout(300_000);
  const folder = await mkdtemp(join(tmpdir(), 'stroomkring-mandates-'));
  const [a, d] = await Promise.all([openPartner(PORT_A), openPartner(PORT_D)]);
  try {
    await createIdentity(a.page, ANNE);
    await createWorkspace(a.page, 'Holland Rijnland', 'RES 2.0');
    await addOrganisation(a.page, { name: 'Gemeente Leiden', type: 'Gemeente' });
    // One organisation can carry this goal once the decision rule asks for one supporter.
    await openSection(a.page, 'Doelen');
    await a.page.getByRole('button', { name: 'Besluitregel' }).click();
    const rule = a.page.getByRole('dialog', { name: 'Besluitregel' });
    await rule.getByRole('textbox', { name: 'Minimaal aantal onderschrijvende organisaties' }).fill('1');
    await rule.getByRole('button', { name: 'Opslaan' }).click();
    await expect(rule).toBeHidden();
    await a.page.getByRole('button', { name: 'Nieuw doel' }).click();
    const create = a.page.getByRole('dialog', { name: 'Nieuw doel' });
    await create.getByRole('textbox', { name: 'Titel' }).fill(TITLE);
    await create.getByRole('textbox', { name: 'Eerste tekst' }).fill(TEXT);
    await create.getByRole('button', { name: 'Doel aanmaken' }).click();
    await expect(a.page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();

    const invite = await createInvite(a.page);
    await createIdentity(d.page, DAAN);
    await joinAtHost(d.page, PORT_D, invite);
    await expect(d.page.getByTestId('sync-status')).toHaveText('Bijgewerkt met 1 partner', SYNC);

    // Daan ticks himself: a grant that waits for a second member, and no mandate yet.
    await openSection(d.page, 'Doelen');
    const ownDialog = await openMandates(d.page);
    await expect(ownDialog.getByText('Beheerder van de mandaten: Anne de Vries (als eerste toegelaten)')).toBeVisible(SYNC);
    await ownDialog.getByRole('checkbox', { name: DAAN.name }).check();
    await expect(ownDialog.getByRole('status')).toHaveText('Mandaat verleend; het telt zodra een tweede lid van de organisatie het bevestigt.');
    await expect(ownDialog.getByText(`${DAAN.name}: verleend door ${DAAN.name}, wacht op bevestiging door een tweede lid van de organisatie`)).toBeVisible();
    await expect(ownDialog.getByText('Je hebt dit mandaat verleend; een ander lid van de organisatie moet het bevestigen.')).toBeVisible();
    // Nobody confirms their own grant.
    await expect(ownDialog.getByRole('button', { name: `Mandaat van ${DAAN.name} bevestigen` })).toHaveCount(0);
    await expect(ownDialog.getByText('Nog niemand heeft het mandaat.')).toBeVisible();
    await d.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(d.page);
    await ownDialog.getByRole('button', { name: 'Sluiten' }).first().click();
    await expect(ownDialog).toBeHidden();

    await d.page.getByRole('article', { name: TITLE }).getByRole('link', { name: TITLE }).click();
    await expect(d.page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
    await expect(meterRow(d.page).getByText('Nog niemand heeft het mandaat om voor deze organisatie te spreken.')).toBeVisible();
    await expect(d.page.getByRole('button', { name: 'Standpunt innemen' })).toHaveCount(0);

    // Anne, a second member of Gemeente Leiden (and its administrator), confirms by keyboard.
    const confirmDialog = await openMandates(a.page);
    const confirm = confirmDialog.getByRole('button', { name: `Mandaat van ${DAAN.name} bevestigen` });
    await expect(confirm).toBeVisible(SYNC);
    await confirm.focus();
    await a.page.keyboard.press('Enter');
    await expect(confirmDialog.getByRole('status')).toHaveText('Mandaat bevestigd.');
    await expect(confirmDialog.getByText(`${DAAN.name}: verleend door ${DAAN.name}, bevestigd door Anne de Vries`)).toBeVisible();
    await expect(confirmDialog.getByText(`Mandaathouders: ${DAAN.name}`)).toBeVisible();
    await a.page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(a.page);
    await confirmDialog.getByRole('button', { name: 'Sluiten' }).first().click();

    // Now Daan's stance counts, and the meter names who granted and who confirmed.
    await d.page.getByRole('button', { name: 'Standpunt innemen' }).click(SYNC);
    const stance = d.page.getByRole('dialog', { name: 'Standpunt innemen' });
    await stance.getByRole('radio', { name: 'Onderschrijven', exact: true }).check();
    await stance.getByRole('button', { name: 'Ondertekenen' }).click();
    await expect(stance).toBeHidden();
    for (const page of [d.page, a.page]) {
      await expect(meterRow(page).getByText('Onderschrijft', { exact: true })).toBeVisible(SYNC);
      await expect(meterRow(page).getByText(`${DAAN.name}: verleend door ${DAAN.name}, bevestigd door Anne de Vries`)).toBeVisible();
    }
    await expect(d.page.getByText('Aangenomen', { exact: true })).toBeVisible();

    // The export names who granted and confirmed, with the signed records, and verifies offline.
    const [download] = await Promise.all([d.page.waitForEvent('download'), d.page.getByRole('button', { name: 'Exporteren als Markdown' }).click()]);
    const path = join(folder, download.suggestedFilename());
    await download.saveAs(path);
    const markdown = await readFile(path, 'utf8');
    expect(markdown).toContain(`- ${DAAN.name} (Gemeente Leiden): verleend door ${DAAN.name}, bevestigd door Anne de Vries`);
    expect(markdown).toContain('"version": 2');
    const { stdout } = await run('npm', ['run', '--silent', 'verify', '--', path], { cwd: process.cwd() });
    expect(stdout).toMatch(/✓ OK mandate Gemeente Leiden \[[^\]]+\] — Daan Bakker \[[^\]]+\]: granted by Daan Bakker \[[^\]]+\], confirmed by Anne de Vries/);
    expect(stdout).toContain('Verified: all 1 signature(s) are valid.');

    // The app's own check, beside the export buttons, names the mandate and that its signatures hold.
    await d.page.getByRole('button', { name: 'Export controleren' }).click();
    const verifier = d.page.getByRole('dialog', { name: 'Export controleren' });
    await verifier.getByLabel('Exportbestand kiezen').setInputFiles({ name: download.suggestedFilename(), mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
    await expect(verifier.getByRole('status').filter({ hasText: 'Alle handtekeningen kloppen' })).toBeVisible();
    await expect(verifier.getByRole('region', { name: 'Mandaten' })).toContainText(`${DAAN.name} (Gemeente Leiden): verleend door ${DAAN.name}, bevestigd door Anne de Vries — ondertekening klopt`);
  } finally {
    await Promise.all([a.close(), d.close()]);
    await rm(folder, { recursive: true, force: true });
  }
});
