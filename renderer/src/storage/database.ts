/**
 * This device's Stroomkring database. Local-only data (identity, settings,
 * the workspace list) lives in plain tables; each workspace's shared content
 * is a Y.Doc property managed by y-dexie, whose updates y-dexie keeps in its
 * own table `$workspaces.doc_updates`.
 */
import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import { generateWorkspaceKey } from '../../../shared/invite/workspace-key';

export const DATABASE_NAME = 'stroomkring';

/** Raw rows as stored; every read goes through a zod schema before use. */
export interface IdentityRow {
  id: 'self';
  profile: unknown;
  publicKey: CryptoKey;
  privateKey: CryptoKey;
  publicKeyB64: string;
  memberId: string;
  createdAt: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface WorkspaceRow {
  id: string;
  regionId: string;
  name: string;
  createdAt: number;
  lastOpenedAt: number;
  doc: Y.Doc;
}

/**
 * How this device reaches a workspace's peers: its key (never shared except
 * inside an invite) and the peer hubs it learned from invites or by hand.
 */
export interface WorkspaceAccessRow {
  workspaceId: string;
  key: string;
  peerHubs: string[];
}

export type StroomkringDatabase = Dexie & {
  identity: EntityTable<IdentityRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  workspaces: EntityTable<WorkspaceRow, 'id'>;
  workspaceAccess: EntityTable<WorkspaceAccessRow, 'workspaceId'>;
};

export const WORKSPACE_UPDATES_TABLE = '$workspaces.doc_updates';

export function openDatabase(name: string = DATABASE_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}): StroomkringDatabase {
  const db = new Dexie(name, { addons: [yDexie], ...options }) as StroomkringDatabase;
  db.version(1).stores({
    identity: 'id',
    settings: 'key',
    workspaces: 'id, lastOpenedAt, doc: Y.Doc',
  });
  // v2: workspace keys for peer-to-peer sync; workspaces made before get a key of their own.
  db.version(2)
    .stores({ workspaceAccess: 'workspaceId' })
    .upgrade(async (tx) => {
      const ids = (await tx.table('workspaces').toCollection().primaryKeys()) as string[];
      await tx.table('workspaceAccess').bulkAdd(ids.map((workspaceId) => ({ workspaceId, key: generateWorkspaceKey(), peerHubs: [] })));
    });
  return db;
}
