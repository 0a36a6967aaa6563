import { expect, test, type Page } from './fixtures';
import { openSection, startWorkspaceOfThree } from './app-actions';
import { storedRoomKey } from './idb';
import { PARTNER_HOST_PORTS, openPartner, type Partner } from './partners';
import { createRoom, joinRoom, makeRoomCode } from './room-actions';

/**
 * A confidential room's key after a removal (shared/rooms/room-keys.ts): A, B
 * and C are in a room; A removes B from the workspace. The room's key is
 * rotated by a room member and reaches A and C only; what A writes in the
 * room afterwards reaches C and not B. Separate Chromium processes.
 */
const [PORT_A, PORT_B, PORT_C] = PARTNER_HOST_PORTS;
const ROOM_TITLE = 'Grondposities Noordrand';
const roomStatus = (page: Page) => page.getByTestId('room-sync-status');

test("a confidential room gets a new key when one of its members is removed, which the removed member does not get", async () => {
  test.setTimeout(180_000);
  const partners: Partner[] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B), openPartner(PORT_C)]);
  const [a, b, c] = partners as [Partner, Partner, Partner];
  try {
    await startWorkspaceOfThree([a.page, b.page, c.page], { b: PORT_B, c: PORT_C }, [
      { name: 'Gemeente Leiden', type: 'Gemeente' },
      { name: 'Liander', type: 'Netbeheerder' },
      { name: 'Energiecoöperatie Leiden', type: 'Energiecoöperatie' },
    ]);
    await expect(a.page.getByTestId('sync-status')).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });
    const roomId = await createRoom(a.page, ROOM_TITLE, ['Liander', 'Energiecoöperatie Leiden']);
    const codeB = await makeRoomCode(a.page, 'Bram Jansen (Liander)');
    const codeC = await makeRoomCode(a.page, 'Carla Smit (Energiecoöperatie Leiden)');
    await joinRoom(b.page, codeB, ROOM_TITLE);
    await joinRoom(c.page, codeC, ROOM_TITLE);
    await expect(roomStatus(a.page)).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });
    const firstKey = await storedRoomKey(a.page, roomId);

    await openSection(a.page, 'Mensen');
    await a.page.getByRole('list', { name: 'Mensen in deze werkruimte' }).getByRole('link', { name: 'Bram Jansen' }).click();
    await a.page.getByRole('button', { name: 'Uit de werkruimte verwijderen' }).click();
    await a.page.getByRole('dialog', { name: 'Bram Jansen uit de werkruimte verwijderen?' }).getByRole('button', { name: 'Verwijderen' }).click();

    // The room moves to a new key at A and C; B keeps the first one.
    await expect.poll(() => storedRoomKey(a.page, roomId), { timeout: 20_000 }).not.toBe(firstKey);
    const newKey = await storedRoomKey(a.page, roomId);
    await expect.poll(() => storedRoomKey(c.page, roomId), { timeout: 20_000 }).toBe(newKey);
    expect(await storedRoomKey(b.page, roomId)).toBe(firstKey);

    // What A writes in the room now reaches C, and not B.
    await openSection(a.page, 'Vertrouwelijke kamers');
    await a.page.getByRole('link', { name: ROOM_TITLE }).click();
    await a.page.getByRole('textbox', { name: 'Nieuwe notitie' }).fill('Na het vertrek van Liander');
    await a.page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await expect(roomStatus(a.page)).toHaveText('Bijgewerkt met 1 partner', { timeout: 30_000 });
    await openSection(c.page, 'Vertrouwelijke kamers');
    await c.page.getByRole('link', { name: ROOM_TITLE }).click();
    await expect(c.page.getByText('Na het vertrek van Liander')).toBeVisible({ timeout: 20_000 });
    await openSection(b.page, 'Vertrouwelijke kamers');
    await b.page.getByRole('link', { name: ROOM_TITLE }).click();
    await expect(b.page.getByText('Na het vertrek van Liander')).toHaveCount(0);
    expect(await storedRoomKey(b.page, roomId)).toBe(firstKey);
  } finally {
    await Promise.all(partners.map((partner) => partner.close()));
  }
});
