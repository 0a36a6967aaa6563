import { expect, test, type Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, createIdentity, createInvite, createWorkspace, joinWithInvite, openSection } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner } from './partners';

/**
 * The community dashboard and growth: A founds the workspace and invites B;
 * B's organisation arriving is a community event on A's Overzicht, the
 * dashboard counts it and names it as not having contributed yet, and B
 * sees an onboarding checklist that ticks as B puts its interests on the table.
 */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;

/** Console output that would mean the chart library misbehaves here: a CSP refusal or recharts' own warnings. */
function watchChartConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|recharts|width\(-?\d+\) and height|should be greater than 0/i.test(text)) problems.push(`${message.type()}: ${text}`);
  });
  return problems;
}

test('a new party shows as a community event, on the dashboard, and gets an onboarding checklist', async () => {
  test.setTimeout(180_000);
  const [a, b] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
  const consoleProblems = watchChartConsole(a.page);
  try {
    await createIdentity(a.page, { name: 'Anne de Vries', organisation: 'Gemeente Leiden', role: 'Programmamanager' });
    await createWorkspace(a.page, 'Holland Rijnland', 'RES 2.0');
    await addOrganisation(a.page, { name: 'Gemeente Leiden', type: 'Gemeente', description: 'Gemeente in Holland Rijnland' });
    const code = await createInvite(a.page);

    await createIdentity(b.page, { name: 'Bram Jansen', organisation: 'Liander', role: 'Netstrateeg' });
    await joinWithInvite(b.page, code);
    await expect(b.page.getByRole('heading', { level: 1, name: 'RES 2.0' })).toBeVisible();
    await openSection(b.page, 'Organisaties');
    await expect(b.page.getByRole('article', { name: 'Gemeente Leiden' })).toBeVisible({ timeout: 30_000 });

    // Before its organisation is in the workspace, B is asked to add it.
    await openSection(b.page, 'Overzicht');
    const bCard = b.page.getByTestId('onboarding-card');
    await expect(bCard).toContainText('Je organisatie (Liander) staat nog niet in de werkruimte.');
    await addOrganisation(b.page, { name: 'Liander', type: 'Netbeheerder' });

    // B's checklist: profile not done (no description), introduced done (A invited B), interests not yet.
    await openSection(b.page, 'Overzicht');
    await expect(bCard.getByRole('heading', { name: 'Welkom, Liander' })).toBeVisible({ timeout: 30_000 });
    const steps = bCard.getByRole('list', { name: 'Onboardingstappen van Liander' });
    const step = (name: string) => steps.getByRole('listitem').filter({ has: b.page.getByRole('link', { name }) });
    await expect(step('Vul het profiel van je organisatie aan')).toContainText('(nog te doen)');
    await expect(step('Laat je voorstellen aan een andere organisatie')).toContainText('(gedaan)');
    await expect(step('Leg je belangen op tafel')).toContainText('(nog te doen)');
    await expect(step('Reageer op de open doelen')).toContainText('(gedaan)');
    await expect(bCard.getByTestId('onboarding-progress')).toHaveText('2 van 4');
    await expect(step('Leg je belangen op tafel').getByRole('link')).toHaveAttribute('href', /\/belangen$/);
    await expectNoSeriousA11yViolations(b.page);

    // A's Overzicht: B's arrival and B's organisation as community events.
    await openSection(a.page, 'Overzicht');
    const feed = a.page.getByRole('list', { name: 'Veranderingen, nieuwste eerst' });
    await expect(feed.getByRole('link', { name: 'Bram Jansen is erbij gekomen, uitgenodigd door Anne de Vries' })).toBeVisible({ timeout: 30_000 });
    await expect(feed.getByRole('link', { name: 'Nieuwe organisatie: Liander, toegevoegd door Bram Jansen' })).toBeVisible({ timeout: 30_000 });

    // A's dashboard.
    await openSection(a.page, 'Dashboard');
    await expect(a.page.getByRole('heading', { level: 2, name: 'Dashboard' })).toBeVisible();
    const verbinden = a.page.getByRole('region', { name: 'Verbinden' });
    await expect(verbinden.getByRole('definition').first()).toHaveText('2', { timeout: 30_000 });
    await expect(verbinden.getByTestId('phase-badge')).toHaveText(/^Fase: (Op gang|Groeit|Gedragen)$/);
    for (const block of ['Bijdragen', 'Samenwerken', 'Samen creëren']) await expect(a.page.getByRole('region', { name: block }).getByTestId('phase-badge')).toHaveText(/^Fase: /);
    const chart = verbinden.getByRole('img', { name: /^Verbinden door de tijd: / });
    await expect(chart).toHaveAttribute('aria-label', /Organisaties van \d+ naar 2/);
    await expect(chart.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
    await expect(chart.locator('.recharts-line')).toHaveCount(3);
    await verbinden.getByText('Toon als tabel').click();
    await expect(verbinden.getByRole('table', { name: 'Verbinden per dag' }).getByRole('columnheader', { name: 'Organisaties' })).toBeVisible();

    const silent = a.page.getByTestId('lagging-silent');
    await expect(silent.getByRole('link', { name: 'Liander' })).toHaveAttribute('href', /\/organisaties\/[^/]+$/);
    const arrivals = a.page.getByTestId('dashboard-arrivals');
    await expect(arrivals.getByRole('link', { name: 'Bram Jansen is erbij gekomen, uitgenodigd door Anne de Vries' })).toBeVisible();
    await expect(arrivals.getByRole('link', { name: 'Nieuwe organisatie: Liander, toegevoegd door Bram Jansen' })).toBeVisible();
    await expect(a.page.getByTestId('onboarding-overview').getByRole('row', { name: /Liander/ })).toContainText('2 van 4');
    await expectNoSeriousA11yViolations(a.page);

    // B puts its interests on the table: the step ticks on B's Overzicht, and A's dashboard no longer lists Liander as silent.
    await openSection(b.page, 'Belangen');
    await b.page.getByRole('article', { name: 'Liander' }).getByRole('button', { name: 'Belangen van Liander bewerken' }).click();
    const form = b.page.getByRole('dialog', { name: 'Belangen van Liander' });
    await form.getByRole('textbox', { name: 'Belangen', exact: true }).fill('Netcapaciteit eerlijk verdelen');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form).toBeHidden();
    await openSection(b.page, 'Overzicht');
    await expect(step('Leg je belangen op tafel')).toContainText('(gedaan)');
    await expect(bCard.getByTestId('onboarding-progress')).toHaveText('3 van 4');
    await expect(silent.getByRole('link', { name: 'Liander' })).toHaveCount(0, { timeout: 30_000 });
    await expect(silent.getByRole('link', { name: 'Gemeente Leiden' })).toBeVisible();

    // Hiding the checklist is remembered on this device.
    await bCard.getByRole('button', { name: 'Verbergen op dit apparaat' }).click();
    await expect(bCard).toHaveCount(0);
    await b.page.reload();
    await expect(b.page.getByRole('heading', { level: 2, name: 'Wat is er nieuw' })).toBeVisible();
    // An absence cannot be awaited: give the (async) checklist time to appear if it were going to.
    await b.page.waitForTimeout(1_500);
    await expect(bCard).toHaveCount(0);

    expect(consoleProblems).toEqual([]);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
