import { expect, test, type Page } from './fixtures';
import * as Y from 'yjs';
import { expectNoSeriousA11yViolations } from './a11y';
import { openSection, startWorkspaceOfThree } from './app-actions';
import { PARTNER_HOST_PORTS, openPartner } from './partners';

/**
 * A and B open a confidential room; C is in the same workspace and connected
 * to both, and afterwards holds nothing of the room: checked in C's raw
 * IndexedDB (every store of every database, Yjs updates decoded), not only on
 * C's screen.
 */
const [PORT_A, PORT_B, PORT_C] = PARTNER_HOST_PORTS;
const ROOM_TITLE = 'Grondposities Noordrand';
const SECRET = 'Onderhandelingsruimte perceel 12';

async function tryRoomCode(page: Page, code: string) {
  const dialog = page.getByRole('dialog', { name: 'Deelnemen aan een kamer' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Deelnemen aan kamer' }).click();
  await dialog.getByLabel('Kamercode').fill(code);
  await dialog.getByRole('button', { name: 'Deelnemen' }).click();
  return dialog;
}

/**
 * Rows this device holds of any room. y-dexie's periodic compaction keeps one
 * bookkeeping row ({ i: 0, lastCompressed, lastRun }) in every updates table,
 * rooms' too, even with no room at all; only rows naming a document (`k`) or
 * carrying an update (`u`) are room content.
 */
function roomRows(page: Page): Promise<{ rooms: number; access: number; updates: number }> {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    const db = await request(indexedDB.open('stroomkring'));
    try {
      const all = (store: string) => request(db.transaction(store).objectStore(store).getAll()) as Promise<Record<string, unknown>[]>;
      const [rooms, access, updates] = await Promise.all([all('rooms'), all('roomAccess'), all('$rooms.doc_updates')]);
      return { rooms: rooms.length, access: access.length, updates: updates.filter((row) => 'k' in row || 'u' in row).length };
    } finally {
      db.close();
    }
  });
}

interface StoredContent {
  readonly databases: string[];
  readonly stores: Record<string, number>;
  /** Every string found anywhere in a stored value, and the page's local and session storage. */
  readonly text: string;
  /** Every binary value (Yjs updates, file pieces), for decoding here. */
  readonly binaries: number[][];
}

/** Reads every value of every object store of every IndexedDB database of the page. */
function readAllStored(page: Page): Promise<StoredContent> {
  return page.evaluate(async () => {
    const texts: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    const binaries: number[][] = [];
    const stores: Record<string, number> = {};
    const walk = async (value: unknown, depth: number): Promise<void> => {
      if (depth > 20 || value === null || value === undefined) return;
      if (typeof value === 'string') texts.push(value);
      else if (value instanceof Uint8Array) binaries.push(Array.from(value));
      else if (value instanceof ArrayBuffer) binaries.push(Array.from(new Uint8Array(value)));
      else if (value instanceof Blob) binaries.push(Array.from(new Uint8Array(await value.arrayBuffer())));
      else if (Array.isArray(value)) for (const item of value) await walk(item, depth + 1);
      else if (typeof value === 'object' && !(value instanceof CryptoKey)) for (const [key, item] of Object.entries(value)) {
        texts.push(key);
        await walk(item, depth + 1);
      }
    };
    const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    const names = (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : []));
    for (const name of names) {
      const db = await request(indexedDB.open(name));
      try {
        for (const storeName of Array.from(db.objectStoreNames)) {
          const store = db.transaction(storeName).objectStore(storeName);
          const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
          stores[`${name}/${storeName}`] = values.length;
          await walk(keys, 0);
          for (const value of values) await walk(value, 0);
        }
      } finally {
        db.close();
      }
    }
    return { databases: names, stores, text: texts.join('\n'), binaries };
  });
}

/**
 * Everything the stored binaries say: applied in order to one scratch Y.Doc
 * (y-dexie stores v2 updates, and a later one may build on an earlier one),
 * every root read out, plus the raw bytes as text for anything that is not
 * an update or stays pending.
 */
function decodeBinaries(binaries: readonly number[][]): { roots: string; raw: string } {
  const scratch = new Y.Doc();
  const raw: string[] = [];
  try {
    for (const numbers of binaries) {
      const bytes = new Uint8Array(numbers);
      raw.push(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
      try {
        Y.applyUpdateV2(scratch, bytes);
      } catch {
        // Not a Yjs update (a file piece, say): its raw text above is what is searched.
      }
    }
    return { roots: [...scratch.share.keys()].map((name) => JSON.stringify(scratch.getMap(name).toJSON())).join('\n'), raw: raw.join('\n') };
  } finally {
    scratch.destroy();
  }
}

test('a confidential room reaches A and B, and nothing of it reaches C', async () => {
  test.setTimeout(240_000);
  const [a, b, c] = await Promise.all([openPartner(PORT_A), openPartner(PORT_B), openPartner(PORT_C)]);
  try {
    // One workspace with three organisations; B and C join with A's invites, C also with B's so it links to both hubs.
    const { inviteB } = await startWorkspaceOfThree([a.page, b.page, c.page], { b: PORT_B, c: PORT_C }, [
      { name: 'Gemeente Leiden', type: 'Gemeente' },
      { name: 'Liander', type: 'Netbeheerder' },
      { name: 'Energiecoöperatie Leiden', type: 'Energiecoöperatie' },
    ]);
    await expect(c.page.getByTestId('sync-status')).toHaveText('Bijgewerkt met 2 partners', { timeout: 45_000 });
    const workspaceUrlC = c.page.url();

    // A opens the room for Gemeente Leiden and Liander, once in sync with B (so B is a known member).
    await expect(a.page.getByTestId('sync-status')).toHaveText('Bijgewerkt met 2 partners', { timeout: 30_000 });
    await openSection(a.page, 'Vertrouwelijke kamers');
    await a.page.getByRole('button', { name: 'Nieuwe kamer' }).click();
    const create = a.page.getByRole('dialog', { name: 'Nieuwe vertrouwelijke kamer' });
    await create.getByLabel('Naam van de kamer').fill(ROOM_TITLE);
    await expect(create.getByRole('checkbox', { name: 'Gemeente Leiden' })).toBeChecked();
    await create.getByRole('checkbox', { name: 'Liander' }).check();
    await create.getByRole('button', { name: 'Kamer openen' }).click();
    await expect(a.page.getByRole('heading', { level: 2, name: ROOM_TITLE })).toBeVisible();
    const roomId = /\/kamers\/([^/?#]+)/.exec(a.page.url())?.[1];
    expect(roomId).toBeTruthy();

    await a.page.getByRole('button', { name: 'Lid uitnodigen' }).click();
    const invite = a.page.getByRole('dialog', { name: 'Lid uitnodigen voor de kamer' });
    await invite.getByRole('combobox', { name: 'Wie nodig je uit?' }).click({ timeout: 30_000 });
    await expect(a.page.getByRole('option', { name: /Carla Smit/ })).toHaveCount(0);
    await a.page.getByRole('option', { name: 'Bram Jansen (Liander)' }).click();
    await invite.getByRole('button', { name: 'Kamercode maken' }).click();
    const roomCode = await invite.getByTestId('room-invite-code').inputValue();
    expect(roomCode).toMatch(/^SKR1\./);
    await a.page.mouse.move(0, 0); // axe would otherwise judge the hovered button's hover colour
    await expectNoSeriousA11yViolations(a.page);
    await invite.getByRole('button', { name: 'Sluiten' }).click();
    await expect(invite).toBeHidden();

    // B: bad codes are refused with a message and create nothing; then the real one.
    await openSection(b.page, 'Vertrouwelijke kamers');
    let dialog = await tryRoomCode(b.page, 'hallo, dit is geen code');
    await expect(dialog).toContainText('Dit is geen kamercode van Stroomkring');
    await tryRoomCode(b.page, roomCode.slice(0, -25));
    await expect(dialog).toContainText(/onvolledig|veranderd of beschadigd/);
    const middle = Math.floor(roomCode.length / 2);
    await tryRoomCode(b.page, roomCode.slice(0, middle) + (roomCode[middle] === 'A' ? 'B' : 'A') + roomCode.slice(middle + 1));
    await expect(dialog).toContainText('veranderd of beschadigd');
    await tryRoomCode(b.page, inviteB);
    await expect(dialog).toContainText('uitnodiging voor een werkruimte, geen kamercode');
    expect(await roomRows(b.page)).toEqual({ rooms: 0, access: 0, updates: 0 });
    dialog = await tryRoomCode(b.page, roomCode);
    await expect(dialog).toBeHidden();
    await expect(b.page.getByRole('heading', { level: 2, name: ROOM_TITLE })).toBeVisible();

    // B turns to the workspace; A writes in the room, and B receives it over the room's own connection, in the background.
    await openSection(b.page, 'Organisaties');
    await a.page.getByRole('textbox', { name: 'Nieuwe notitie' }).fill(SECRET);
    await a.page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await expect(a.page.getByText(SECRET)).toBeVisible();
    await expect(a.page.getByTestId('room-sync-status')).toHaveText('Bijgewerkt met 1 partner', { timeout: 45_000 });
    // Once B is offline nothing more can arrive: what B's room then shows, it had already.
    await b.page.getByRole('switch', { name: 'Offline werken' }).click();
    await openSection(b.page, 'Vertrouwelijke kamers');
    await b.page.getByRole('link', { name: ROOM_TITLE }).click();
    await expect(b.page.getByText(SECRET)).toBeVisible();
    await b.page.getByRole('switch', { name: 'Offline werken' }).click();
    await expect(b.page.getByTestId('room-sync-status')).toHaveText('Bijgewerkt met 1 partner', { timeout: 20_000 });
    await expect(b.page.getByTestId('room-members')).toContainText('Anne de Vries');
    await expect(a.page.getByTestId('room-members')).toContainText(/Bram Jansen — doet mee/, { timeout: 20_000 });
    await expectNoSeriousA11yViolations(b.page);

    // The same search finds the room where it belongs: in B's stored room document.
    const atB = decodeBinaries((await readAllStored(b.page)).binaries);
    for (const needle of [ROOM_TITLE, SECRET, roomId as string]) expect(atB.roots, `"${needle}" in B's stored room`).toContain(needle);

    // C stayed connected to both all along, and has nothing of the room.
    await a.page.waitForTimeout(3000);
    await expect(c.page.getByTestId('sync-status')).toHaveText('Bijgewerkt met 2 partners');
    expect(c.page.url()).toBe(workspaceUrlC);
    await openSection(c.page, 'Vertrouwelijke kamers');
    await expect(c.page.getByTestId('rooms-empty')).toBeVisible();
    await expect(c.page.getByText(ROOM_TITLE)).toHaveCount(0);

    const stored = await readAllStored(c.page);
    expect(stored.databases).toContain('stroomkring');
    expect(stored.stores['stroomkring/rooms']).toBe(0);
    expect(stored.stores['stroomkring/roomAccess']).toBe(0);
    expect(stored.stores['stroomkring/$rooms.doc_updates']).toBeLessThanOrEqual(1);
    expect(await roomRows(c.page)).toEqual({ rooms: 0, access: 0, updates: 0 });
    // The check must have something to look at: C's copy of the workspace holds A's organisations.
    const decoded = decodeBinaries(stored.binaries);
    expect(decoded.roots).toContain('Energiecoöperatie Leiden');
    for (const needle of [ROOM_TITLE, SECRET, roomId as string]) {
      expect(stored.text.includes(needle), `"${needle}" in a stored value at C`).toBe(false);
      expect(decoded.roots.includes(needle), `"${needle}" in a stored update at C`).toBe(false);
      expect(decoded.raw.includes(needle), `"${needle}" in stored bytes at C`).toBe(false);
    }

    // Leaving removes the room from B's device only; A keeps it.
    await b.page.getByRole('button', { name: 'Kamer verlaten' }).click();
    await b.page.getByRole('dialog', { name: 'Kamer verlaten' }).getByRole('button', { name: 'Verlaten en verwijderen' }).click();
    await expect(b.page.getByTestId('rooms-empty')).toBeVisible();
    await expect.poll(() => roomRows(b.page)).toEqual({ rooms: 0, access: 0, updates: 0 });
    expect((await roomRows(a.page)).rooms).toBe(1);
  } finally {
    await Promise.all([a.close(), b.close(), c.close()]);
  }
});
