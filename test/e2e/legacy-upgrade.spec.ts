import { expect, test, type Page } from './fixtures';
import * as Y from 'yjs';
import { WORKSPACE_SCHEMA_VERSION, metaMap } from '../../shared/workspace-doc/schema';
import { upsertSelf } from '../../shared/workspace-doc/members';
import { ANNE, BRAM, addOrganisation, createIdentity, openSection } from './app-actions';
import { putDocumentUpdate, putRaw, storedRow } from './idb';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';

/**
 * A workspace made before proven membership keeps working, and its members
 * become proven members without doing anything (shared/membership/
 * legacy-upgrade.ts): A made it and B was invited, as older versions stored
 * it (member entries, an access row with the key and no founder, no
 * membership records). On first open A's device becomes the founder and signs
 * B in; B's device adopts A as founder from A's proof; both end in sync and
 * show each other as proven members. Separate Chromium processes.
 */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;
const WORKSPACE = 'legacy-ws-1';
const KEY = 'L'.repeat(43);
const status = (page: Page) => page.getByTestId('sync-status');

interface StoredIdentity {
  readonly memberId: string;
  readonly publicKeyB64: string;
}

/** What an older version stored for the workspace, on either device. */
function legacyDocument(anne: StoredIdentity, bram: StoredIdentity): Uint8Array {
  const doc = new Y.Doc();
  // As meta.ts's initialiseMeta writes it (not imported: it brings the region list, a JSON module Playwright's loader refuses).
  const meta = metaMap(doc);
  meta.set('schemaVersion', WORKSPACE_SCHEMA_VERSION);
  meta.set('workspaceId', WORKSPACE);
  meta.set('regionId', 'holland-rijnland');
  meta.set('createdAt', 1_700_000_000_000);
  upsertSelf(doc, { memberId: anne.memberId, displayName: ANNE.name, organisationName: ANNE.organisation, role: ANNE.role, publicKey: anne.publicKeyB64, joinedAt: 1_700_000_000_000 });
  upsertSelf(doc, { memberId: bram.memberId, displayName: BRAM.name, organisationName: BRAM.organisation, role: BRAM.role, publicKey: bram.publicKeyB64, joinedAt: 1_700_000_100_000, invitedBy: anne.memberId, inviteId: 'old-invite' });
  return Y.encodeStateAsUpdateV2(doc);
}

async function storeLegacyWorkspace(page: Page, update: Uint8Array, peerHubs: string[]): Promise<void> {
  await putRaw(page, 'workspaces', { id: WORKSPACE, regionId: 'holland-rijnland', name: 'RES 1.0', createdAt: 1_700_000_000_000, lastOpenedAt: 1_700_000_000_000 });
  await putRaw(page, 'workspaceAccess', { workspaceId: WORKSPACE, key: KEY, peerHubs });
  await putDocumentUpdate(page, WORKSPACE, update);
}

test('a workspace from before proven membership is upgraded on first open, and both partners end as proven members', async () => {
  test.setTimeout(120_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B)]);
  const [a, b] = partners as [Partner, Partner];
  try {
    await createIdentity(a.page, ANNE);
    await createIdentity(b.page, BRAM);
    const [anne, bram] = (await Promise.all([storedRow(a.page, 'identity', 'self'), storedRow(b.page, 'identity', 'self')])) as [StoredIdentity, StoredIdentity];
    const update = legacyDocument(anne, bram);
    await storeLegacyWorkspace(a.page, update, []);
    // B's device knows A's hub, as it learnt it from A's invite back then.
    const { reachableAt } = (await a.page.evaluate(() => fetch('/__stroomkring/hub').then((response) => response.json()))) as { reachableAt: string[] };
    await storeLegacyWorkspace(b.page, update, reachableAt);

    await a.page.goto(`http://127.0.0.1:${PORT_A}/#/w/${WORKSPACE}`);
    await b.page.goto(`http://127.0.0.1:${PORT_B}/#/w/${WORKSPACE}`);
    await expect(status(a.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });
    await expect(status(b.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });

    // A's device made the workspace, so it is the founder now; B's device adopted A as its founder from A's proof.
    await expect.poll(async () => ((await storedRow(a.page, 'workspaceAccess', WORKSPACE)) as { founderKey?: string }).founderKey).toBe(anne.publicKeyB64);
    await expect.poll(async () => ((await storedRow(b.page, 'workspaceAccess', WORKSPACE)) as { founderKey?: string }).founderKey).toBe(anne.publicKeyB64);
    for (const [page, other] of [
      [a.page, `${BRAM.name} · ${BRAM.organisation}`],
      [b.page, `${ANNE.name} · ${ANNE.organisation}`],
    ] as const) {
      await page.getByRole('button', { name: 'Verbindingen' }).click();
      const neighbours = page.getByRole('dialog', { name: 'Verbindingen' }).getByTestId('mesh-neighbours');
      await expect(neighbours).toContainText(other);
      await expect(neighbours).toContainText('bewezen lid');
      await expect(neighbours).not.toContainText('niet bewezen');
      await page.keyboard.press('Escape');
    }

    // The old content is there, and new work still flows both ways.
    await openSection(b.page, 'Mensen');
    const people = b.page.getByRole('list', { name: 'Mensen in deze werkruimte' });
    for (const name of [ANNE.name, BRAM.name]) await expect(people.getByRole('link', { name })).toBeVisible();
    await addOrganisation(b.page, { name: 'Stedin', type: 'Netbeheerder' });
    await addOrganisation(a.page, { name: 'Enexis', type: 'Netbeheerder' });
    await expect(a.page.getByRole('article', { name: 'Stedin' })).toBeVisible();
    await expect(b.page.getByRole('article', { name: 'Enexis' })).toBeVisible();
  } finally {
    await Promise.all(partners.map((partner) => partner.close()));
  }
});
