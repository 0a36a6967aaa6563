/**
 * A workspace's or room's key after a rotation (shared/membership/key-rotation.ts),
 * as stored beside the key: the key it replaced is kept as a lobby until
 * `now + LOBBY_MS`, and lobbies past their time are dropped.
 */
import type { Table } from 'dexie';
import { WorkspaceKeySchema } from '../../../shared/invite/workspace-key';
import { LOBBY_MS } from '../../../shared/membership/key-rotation';
import type { StroomkringDatabase } from './database';

export interface RotatedKeyFields {
  key: string;
  /** Which rotation `key` is; absent: the first key. */
  generation?: number;
  /** Keys used before a rotation, each kept as a lobby for members who were away until `until`. */
  previousKeys?: { key: string; generation: number; until: number }[];
}

/** Moves the row to `rotated`; a key that is already the current one changes nothing (every device may call this whenever the records change). */
export async function adoptRotatedKeyIn<Row extends RotatedKeyFields>(db: StroomkringDatabase, table: Table<Row, string>, id: string, rotated: { key: string; generation: number }, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', table, async () => {
    const row = await table.get(id);
    if (!row || row.key === rotated.key) return false;
    const kept = (row.previousKeys ?? []).filter((previous) => previous.until > now && previous.key !== rotated.key);
    const previousKeys = [...kept, { key: row.key, generation: row.generation ?? 0, until: now + LOBBY_MS }];
    const changes: RotatedKeyFields = { key: rotated.key, generation: rotated.generation, previousKeys };
    await table.update(id, changes as never);
    return true;
  });
}

/** The old keys whose lobby is still open, checked again on the way out. */
export function openLobbies(row: RotatedKeyFields | undefined, now = Date.now()): string[] {
  return (row?.previousKeys ?? []).filter((previous) => previous.until > now && WorkspaceKeySchema.safeParse(previous.key).success).map((previous) => previous.key);
}
