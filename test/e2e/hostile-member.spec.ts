import { expect, test, type Page } from './fixtures';
import { callSession } from '../../bench/session-harness';
import { expectNoSeriousA11yViolations } from './a11y';
import { addOrganisation, createInvite, openSection, readInviteParts, startPairAtHosts } from './app-actions';
import { storedWorkspaceKey, workspaceIdFromUrl } from './idb';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';
import { useScriptedPeers } from './scripted-peer';

/**
 * A member whose client was modified cannot break the workspace for the
 * others: A and B use the app, each in its own Chromium process; H is a
 * member admitted with an invite like anyone, running the app's own sync,
 * membership and document modules in a third, with a client that writes
 * anyway: another organisation's interests, itself the mandate of every
 * organisation, a mandate signed by someone else, 10,000 junk entries, a
 * clear-all.
 * Every change is signed by its author and checked on receive against the
 * write rules (shared/rules), so A and B refuse those, keep their data, and
 * say what was refused and from whom; H's one change within the rules (an
 * idea) arrives and is H's. Then A removes H: the workspace gets a new key
 * and H receives no byte of it any more.
 */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;
const HOSTILE = 'Hendrik Vals';
const IDEA = 'Zonneweide langs de A4';
const scripted = useScriptedPeers('hostile');

const status = (page: Page) => page.getByTestId('sync-status');

test("a member's rule-breaking changes are refused and shown, and the honest partners keep their data", async () => {
  test.setTimeout(180_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
  const [a, b] = partners as [Partner, Partner];
  try {
    await startPairAtHosts(a.page, b.page, PORT_B);
    await addOrganisation(b.page, { name: 'Liander', type: 'Netbeheerder' });
    await expect(a.page.getByRole('article', { name: 'Liander' })).toBeVisible();
    const inviteH = await createInvite(a.page);
    const h = await scripted.join(HOSTILE, inviteH, { profile: true });
    await expect(status(a.page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });
    await expect(status(b.page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });

    await callSession(h, 30_000, 'misbehave', IDEA);

    // H's idea, within the rules, arrives; the organisations it deleted and the interests it overwrote do not change.
    for (const page of [a.page, b.page]) {
      await openSection(page, 'Ideeën');
      await expect(page.getByText(IDEA)).toBeVisible({ timeout: 30_000 });
      await openSection(page, 'Organisaties');
      for (const name of ['Gemeente Leiden', 'Liander']) await expect(page.getByRole('article', { name })).toBeVisible();
      // The mandates it gave itself changed nothing: nobody holds one.
      await openSection(page, 'Doelen');
      await page.getByRole('button', { name: 'Mandaten beheren' }).click();
      const mandates = page.getByRole('dialog', { name: 'Mandaten' });
      for (const name of ['Gemeente Leiden', 'Liander']) await expect(mandates.getByRole('region', { name }).getByText('Nog niemand heeft het mandaat.')).toBeVisible();
      await expect(mandates.getByText(HOSTILE)).toHaveCount(0);
      await page.keyboard.press('Escape');
      await expect(mandates).toBeHidden();
      await openSection(page, 'Belangen');
      await expect(page.getByText('Overgenomen door een ander')).toHaveCount(0);
    }

    // Both name what was refused and whose it was.
    for (const page of [a.page, b.page]) {
      await page.getByRole('button', { name: 'Verbindingen' }).click();
      const connections = page.getByRole('dialog', { name: 'Verbindingen' });
      const refused = connections.getByTestId('refused-changes');
      await expect(refused).toContainText('Geweigerde wijzigingen');
      await expect(refused).toContainText(`${HOSTILE}`);
      await expect(refused).toContainText('schreef in de gegevens (belangen, profiel of mandaten) van een andere organisatie');
      await expect(refused).toContainText('schreef gegevens die niet bij Stroomkring horen');
      await expect(refused).toContainText('wijzigde het profiel van iemand anders');
      await expect(refused).toContainText('voegde een mandaat toe dat door iemand anders is ondertekend');
      await page.mouse.move(0, 0);
      await expectNoSeriousA11yViolations(page);
      await page.keyboard.press('Escape');
      await expect(connections).toBeHidden();
    }

    // A and B still work together: B's edit reaches A.
    await addOrganisation(b.page, { name: 'Alliander', type: 'Netbeheerder' });
    await expect(a.page.getByRole('article', { name: 'Alliander' })).toBeVisible();

    // A removes H. The workspace moves to a new key that H does not get, and from then on H receives nothing of the
    // workspace (counted on its data channels; only refusals may still reach it), while A and B keep syncing.
    await openSection(a.page, 'Mensen');
    await a.page.getByRole('list', { name: 'Mensen in deze werkruimte' }).getByRole('link', { name: HOSTILE }).click();
    await a.page.getByRole('button', { name: 'Uit de werkruimte verwijderen' }).click();
    await a.page.getByRole('dialog', { name: `${HOSTILE} uit de werkruimte verwijderen?` }).getByRole('button', { name: 'Verwijderen' }).click();
    const workspaceId = workspaceIdFromUrl(a.page.url());
    const firstKey = readInviteParts(inviteH).key;
    await expect.poll(() => storedWorkspaceKey(a.page, workspaceId)).not.toBe(firstKey);
    const newKey = await storedWorkspaceKey(a.page, workspaceId);
    await expect.poll(() => storedWorkspaceKey(b.page, workspaceId)).toBe(newKey);
    const before = await callSession(h, 5_000, 'receivedCount');
    expect(before.bytes).toBeGreaterThan(0);
    await addOrganisation(b.page, { name: 'Stedin', type: 'Netbeheerder' });
    await openSection(a.page, 'Organisaties');
    await expect(a.page.getByRole('article', { name: 'Stedin' })).toBeVisible();
    await addOrganisation(a.page, { name: 'Enexis', type: 'Netbeheerder' });
    await expect(b.page.getByRole('article', { name: 'Enexis' })).toBeVisible();
    await expect(status(a.page)).toHaveText('Bijgewerkt met 1 partner');
    await expect(status(b.page)).toHaveText('Bijgewerkt met 1 partner');
    const after = await callSession(h, 5_000, 'receivedCount');
    console.log(`hostile member after removal: ${after.bytes - before.bytes} workspace bytes, ${after.authBytes - before.authBytes} bytes of refusals`);
    expect(after.bytes - before.bytes).toBe(0);
  } finally {
    await scripted.stopAll();
    await Promise.all(partners.map((partner) => partner.close()));
  }
});
