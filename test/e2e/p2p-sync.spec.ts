import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, createIdentity, createWorkspace, openSection } from './app-actions';
import { countRows } from './idb';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';
import { WORKER_HOSTS } from './web-hosts';

const [PORT_A, PORT_B, PORT_LONE] = PARTNER_HOST_PORTS;
/** The default host: its hub is never linked to another by any test, so only a hand-typed address can connect it. */
const PORT_UNLINKED = WORKER_HOSTS.main;

async function createInvite(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Uitnodigen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Partner uitnodigen' });
  const code = dialog.getByTestId('invite-code');
  await expect(code).toHaveValue(/^SK1\./);
  await expect(dialog.getByRole('img', { name: 'QR-code van de uitnodiging' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const value = await code.inputValue();
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  return value;
}

async function join(page: Page, code: string) {
  const dialog = page.getByRole('dialog', { name: 'Deelnemen aan een werkruimte' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Deelnemen met uitnodiging' }).click();
  await dialog.getByLabel('Uitnodigingscode').fill(code);
  await dialog.getByRole('button', { name: 'Deelnemen' }).click();
}

function syncStatus(page: Page) {
  return page.getByTestId('sync-status');
}

test.describe.serial('partners in one room', () => {
  let a: Partner;
  let b: Partner;

  test.beforeAll(async () => {
    a = await openPartner(PORT_A);
    b = await openPartner(PORT_B);
  });

  test.afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  test('invite, see each other, edit on both sides, work offline and converge', async () => {
    test.setTimeout(120_000);
    await createIdentity(a.page, { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager' });
    await createWorkspace(a.page, 'Holland Rijnland', 'RES 2.0');
    await addOrganisation(a.page, { name: 'Gemeente Leiden', type: 'Gemeente' });
    await expect(syncStatus(a.page)).toHaveText('Zoeken naar partners…');
    const code = await createInvite(a.page);

    await createIdentity(b.page, { name: 'Bram Jansen', organisation: 'Liander', role: 'Netstrateeg' });
    await join(b.page, code);
    await expect(b.page.getByRole('heading', { level: 1, name: 'RES 2.0' })).toBeVisible();
    await openSection(b.page, 'Organisaties');
    await expect(b.page.getByRole('article', { name: 'Gemeente Leiden' })).toBeVisible({ timeout: 30_000 });

    await expect(syncStatus(a.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 20_000 });
    await expect(syncStatus(b.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 20_000 });
    await expect(a.page.getByRole('listitem', { name: 'Bram Jansen, Liander' })).toBeVisible();
    await expect(b.page.getByRole('listitem', { name: 'Anne de Vries, Gemeente Leiden' })).toBeVisible();
    await expectNoSeriousA11yViolations(b.page);

    await addOrganisation(b.page, { name: 'Liander', type: 'Netbeheerder' });
    await expect(a.page.getByRole('article', { name: 'Liander' })).toBeVisible({ timeout: 15_000 });

    await b.page.getByRole('switch', { name: 'Offline werken' }).click();
    await expect(syncStatus(b.page)).toHaveText('Offline');
    await expect(syncStatus(a.page)).toHaveText('Zoeken naar partners…', { timeout: 20_000 });
    await addOrganisation(a.page, { name: 'Hoogheemraadschap van Rijnland', type: 'Waterschap' });
    await addOrganisation(b.page, { name: 'Energiecoöperatie Leiden', type: 'Energiecoöperatie' });
    await b.page.waitForTimeout(1000);
    await expect(b.page.getByRole('article', { name: 'Hoogheemraadschap van Rijnland' })).toHaveCount(0);
    await expect(a.page.getByRole('article', { name: 'Energiecoöperatie Leiden' })).toHaveCount(0);

    await b.page.getByRole('switch', { name: 'Offline werken' }).click();
    for (const page of [a.page, b.page]) {
      await expect(page.getByRole('article', { name: 'Hoogheemraadschap van Rijnland' })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('article', { name: 'Energiecoöperatie Leiden' })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText('4 organisaties')).toBeVisible();
    }
  });

  test('a third partner with a wrong, truncated or tampered code gets the error and nothing else', async ({ page }) => {
    // A and B are still connected from the test above; C is a third Chromium process on its own host.
    const code = await createInvite(a.page);

    await page.goto('/');
    await createIdentity(page, { name: 'Carla Smit', organisation: 'Zeeuwse Energie', role: 'Adviseur' });
    const dialogName = 'Deelnemen aan een werkruimte';
    await join(page, 'hallo, dit is geen code');
    await expect(page.getByRole('dialog', { name: dialogName })).toContainText('Dit is geen Stroomkring-uitnodiging');
    await join(page, code.slice(0, code.length - 30));
    await expect(page.getByRole('dialog', { name: dialogName })).toContainText(/onvolledig|veranderd of beschadigd/);
    const middle = Math.floor(code.length / 2);
    const tampered = code.slice(0, middle) + (code[middle] === 'A' ? 'B' : 'A') + code.slice(middle + 1);
    await join(page, tampered);
    await expect(page.getByRole('dialog', { name: dialogName })).toContainText('veranderd of beschadigd');
    await page.getByRole('dialog', { name: dialogName }).getByRole('button', { name: 'Annuleren' }).click();
    await expect(page.getByText('Je hebt nog geen werkruimte.')).toBeVisible();
    const stored = { workspaces: await countRows(page, 'workspaces'), access: await countRows(page, 'workspaceAccess') };
    expect(stored).toEqual({ workspaces: 0, access: 0 });
    await expect(a.page.getByTestId('sync-status')).toHaveText('Bijgewerkt met 1 partner');
  });
});

test('where the invite address does not work, a partner address typed by hand connects', async () => {
  test.setTimeout(120_000);
  const a = await openPartner(PORT_LONE);
  const b = await openPartner(PORT_UNLINKED);
  try {
    await createIdentity(a.page, { name: 'Anne de Vries', organisation: 'Waterschap Vallei en Veluwe', role: 'Adviseur' });
    await createWorkspace(a.page, 'Foodvalley');
    await addOrganisation(a.page, { name: 'Waterschap Vallei en Veluwe', type: 'Waterschap' });
    const code = await createInvite(a.page);

    // As on venue Wi-Fi: the address in the invite cannot be reached and mDNS is blocked.
    await b.page.route('**/__stroomkring/peers', (route) => route.abort('addressunreachable'));
    await createIdentity(b.page, { name: 'Bram Jansen', organisation: 'Gemeente Ede', role: 'Beleidsmaker' });
    await join(b.page, code);
    await openSection(b.page, 'Organisaties');
    await expect(syncStatus(b.page)).toHaveText('Zoeken naar partners…');
    await b.page.waitForTimeout(2000);
    await expect(b.page.getByRole('article', { name: 'Waterschap Vallei en Veluwe' })).toHaveCount(0);
    await b.page.unroute('**/__stroomkring/peers');

    await b.page.getByRole('button', { name: 'Verbindingen' }).click();
    const dialog = b.page.getByRole('dialog', { name: 'Verbindingen' });
    await dialog.getByLabel('Adres van een partner').fill('niet een adres!');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(dialog.getByText('Dat is geen geldig adres.')).toBeVisible();
    await dialog.getByLabel('Adres van een partner').fill(`127.0.0.1:${PORT_LONE}`);
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(dialog.getByText(`ws://127.0.0.1:${PORT_LONE}/signal`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();

    await expect(b.page.getByRole('article', { name: 'Waterschap Vallei en Veluwe' })).toBeVisible({ timeout: 30_000 });
    await expect(syncStatus(b.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 20_000 });
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
