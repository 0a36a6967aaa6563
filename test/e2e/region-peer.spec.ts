import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScript, type ScriptProcess } from '../../electron/peer/test-fixtures/child-process';
import { expect, test, type Page } from './fixtures';
import { ANNE, BRAM, addOrganisation, createIdentity, createInvite, createWorkspace, joinAtHost, openSection } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';
import { createRoom } from './room-actions';

/**
 * The always-on region peer (issue 15) with the app in the browser: Anne
 * (A, her own Chromium) links the headless peer (`npm run peer`, its own
 * Node process) as a device of hers, with Apparaat koppelen, and leaves.
 * The peer is killed outright and started again. Bram (B, another
 * Chromium) then joins with Anne's invite while only the peer is online:
 * the peer admits him and he gets Anne's latest work from it; what he adds
 * reaches the peer. Anne's confidential room comes with the link: the peer
 * holds it too, and keeps it through the kill.
 */
const [PORT_A, PORT_B] = PARTNER_HOST_PORTS;
const CLI = fileURLToPath(new URL('../../electron/peer/peer-cli.ts', import.meta.url));
const PEER_NAME = 'Regiopeer Holland Rijnland';
const status = (page: Page) => page.getByTestId('sync-status');

const cleanups: Array<() => Promise<void> | void> = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function peer(...args: string[]): ScriptProcess {
  return runScript(CLI, args, cleanups);
}

/** A command that ends by itself (link, status): what it printed, once it exited with status 0. */
async function peerCommand(...args: string[]): Promise<string[]> {
  const command = peer(...args);
  expect(await command.exited(), command.lines.join('\n')).toBe(0);
  return command.lines;
}

const ROOM = 'Netcongestie Leiden';

/** What `status` says the peer holds of a document, e.g. "workspace RES 2.0 (…): 5120 bytes; organisations: 2, members: 1" (polled while it runs). */
async function held(directory: string, document = 'workspace RES 2.0'): Promise<string> {
  const line = (await peerCommand('status', '--data', directory)).find((each) => each.startsWith(document));
  return line ?? '';
}

test('the region peer holds the work when everyone has left: a partner who comes later gets it, also after the peer was killed', async () => {
  test.setTimeout(240_000);
  const directory = await mkdtemp(join(tmpdir(), 'stroomkring-region-peer-'));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  const partners: Partner[] = [];
  cleanups.push(async () => {
    for (const partner of partners) await partner.close();
  });
  const a = await openPartner(PORT_A);
  partners.push(a);
  await createIdentity(a.page, ANNE);
  await createWorkspace(a.page, 'Holland Rijnland', 'RES 2.0');
  await addOrganisation(a.page, { name: 'Gemeente Leiden', type: 'Gemeente' });
  await createRoom(a.page, ROOM, []);
  await a.page.getByRole('textbox', { name: 'Nieuwe notitie' }).fill('Alleen voor de kamer: de wachtlijst voor Leiden-Noord.');
  await a.page.getByRole('button', { name: 'Notitie toevoegen' }).click();

  // The peer asks to be linked; Anne links it as a device of hers, after both show the same check.
  const [instruction = '', request = ''] = await peerCommand('link', '--data', directory, '--name', PEER_NAME);
  const check = /shows (\d{3} \d{3})/.exec(instruction)?.[1];
  expect(check).toBeDefined();
  await a.page.getByRole('button', { name: /^Profielmenu/ }).click();
  await a.page.getByRole('menuitem', { name: 'Nieuw apparaat koppelen' }).click();
  const grant = a.page.getByRole('dialog', { name: 'Nieuw apparaat koppelen' });
  await grant.getByLabel('Koppelverzoek van het nieuwe apparaat').fill(request);
  await grant.getByRole('button', { name: 'Verzoek lezen' }).click();
  await expect(grant.getByTestId('grant-check')).toContainText(`heet “${PEER_NAME}”. Toont het de controlecode ${check}?`);
  await grant.getByRole('button', { name: 'De codes zijn gelijk: koppelen' }).click();
  const linkCode = await grant.getByTestId('device-link-code').inputValue();
  await grant.getByRole('button', { name: 'Klaar' }).click();

  const first = peer('--invite', linkCode, '--data', directory);
  await first.until((line) => line.startsWith('linked as a device of Anne de Vries: RES 2.0'), 'the peer to take the link code');
  await expect(status(a.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 45_000 });
  // The peer's status says whom it sees: Anne, on her laptop.
  await expect.poll(async () => (await peerCommand('status', '--data', directory)).join('\n'), { timeout: 30_000 }).toContain('present: Anne de Vries (Gemeente Leiden)');
  // The peer is one of Anne's devices, listed and removable as any other.
  await a.page.getByRole('button', { name: /^Profielmenu/ }).click();
  await a.page.getByRole('menuitem', { name: 'Je apparaten' }).click();
  const devices = a.page.getByRole('dialog', { name: 'Je apparaten' });
  await expect(devices.getByRole('list', { name: 'Je apparaten' }).getByRole('listitem')).toHaveText([/^Eerste apparaat\s*dit apparaat$/, new RegExp(`^${PEER_NAME}`)]);
  await expect(devices.getByRole('button', { name: `${PEER_NAME} verwijderen` })).toBeVisible();
  await devices.getByRole('button', { name: 'Klaar' }).click();
  // Her connections name it as that device, not only as Anne.
  await a.page.getByRole('button', { name: 'Verbindingen' }).click();
  const connections = a.page.getByRole('dialog', { name: 'Verbindingen' });
  await expect(connections.getByTestId('mesh-neighbours')).toContainText(`${PEER_NAME}, apparaat van Anne de Vries · Gemeente Leiden`);
  await a.page.keyboard.press('Escape');
  await expect(connections).toBeHidden();
  // Her confidential room came with the link: the peer holds its note.
  await expect.poll(() => held(directory, `room ${ROOM}`), { timeout: 30_000 }).toMatch(/notes: 1/);

  // Anne's last work before she leaves: an invite for Bram and one more organisation.
  await openSection(a.page, 'Organisaties');
  const invite = await createInvite(a.page);
  await addOrganisation(a.page, { name: 'Stedin', type: 'Netbeheerder' });
  await expect.poll(() => held(directory), { timeout: 30_000 }).toMatch(/organisations: 2/);
  await a.close();
  partners.splice(partners.indexOf(a), 1);

  // Killed outright: what it held is on disk; started again, it serves it.
  first.child.kill('SIGKILL');
  await first.exited();
  expect(await held(directory)).toMatch(/organisations: 2/);
  expect(await held(directory, `room ${ROOM}`)).toMatch(/notes: 1/);
  const again = peer('run', '--data', directory);
  await again.until((line) => line.startsWith('running'), 'the peer to run again');

  // Bram joins while only the peer is online: it admits him, and he gets Anne's work from it.
  const b = await openPartner(PORT_B);
  partners.push(b);
  await createIdentity(b.page, BRAM);
  await joinAtHost(b.page, PORT_B, invite);
  await openSection(b.page, 'Organisaties');
  await expect(b.page.getByRole('article', { name: 'Stedin' })).toBeVisible({ timeout: 45_000 });
  await expect(status(b.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });
  await addOrganisation(b.page, { name: 'Liander', type: 'Netbeheerder' });
  await expect.poll(() => held(directory), { timeout: 30_000 }).toMatch(/organisations: 3/);
});
