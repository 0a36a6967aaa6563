/**
 * This device's Stroomkring database. Local-only data (identity, settings,
 * the workspace list) lives in plain tables; each workspace's shared content
 * is a Y.Doc property managed by y-dexie, whose updates y-dexie keeps in its
 * own table `$workspaces.doc_updates`.
 */
import type { RotatedKeyFields } from './rotated-keys';
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
  /** The encryption key pair (shared/crypto/sealed-box.ts); made on first load where an identity from before key rotation lacks it. */
  boxPublicKey?: CryptoKey;
  boxPrivateKey?: CryptoKey;
  boxPublicKeyB64?: string;
  /**
   * On a linked or restored device (shared/membership/devices.ts): the
   * person's first key, whose member this device acts as; `publicKey` is then
   * the device's own key and `memberId` the person's. Absent on the device a
   * person started on.
   */
  personKeyB64?: string;
  /** What the person called this device, on a linked or restored one. */
  deviceName?: string;
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
/** Rotated keys (generation, previous keys kept as lobbies): rotated-keys.ts. */
export interface WorkspaceAccessRow extends RotatedKeyFields {
  workspaceId: string;
  key: string;
  peerHubs: string[];
  /**
   * The founder's public key, the root every member is proven from
   * (shared/membership): this device's own when it made the workspace, else the
   * one its invite named. Absent for a workspace from before proven membership.
   */
  founderKey?: string;
  /** The invite this device joined with, shown to the first member it meets until admitted. */
  inviteCode?: string;
}

/**
 * One stored piece of a file, content-addressed: the file is known by the
 * SHA-256 of its whole content, pieces by their index. Data is a Blob so
 * Chromium keeps it on disk rather than in the renderer's memory.
 */
export interface FileChunkRow {
  hash: string;
  index: number;
  data: Blob;
}

/** What this device holds of one file (by hash); the rows of the pieces are in fileChunks. */
export interface FileRow {
  hash: string;
  size: number;
  chunkSize: number;
  /** Pieces stored so far, always a prefix 0..storedChunks-1. */
  storedChunks: number;
  /** True only after the stored bytes were hashed and matched `hash`. */
  complete: boolean;
  updatedAt: number;
}

/** A confidential room this device is a member of; its shared content is a Y.Doc of its own. */
export interface RoomRow {
  id: string;
  workspaceId: string;
  joinedAt: number;
  /** The title as known when created or joined (from the room code), for the room list; the room's document is authoritative. */
  title?: string;
  doc: Y.Doc;
}

/** A room's key, like a workspace's: never shared except inside a room invite. */
export interface RoomAccessRow extends RotatedKeyFields {
  roomId: string;
  workspaceId: string;
  key: string;
  peerHubs: string[];
}

/** When this user last looked at a workspace, for "what changed since my last visit". */
export interface VisitRow {
  workspaceId: string;
  seenAt: number;
}

/** One signed change (shared/sync/signed-changes) of a workspace or room document, kept to answer partners' catch-ups. */
export interface SignedChangeRow {
  seq?: number;
  documentId: string;
  bytes: Uint8Array;
  /** Refused on receive: kept for its clocks and for catch-ups, never applied. */
  refused?: true;
  /** A checkpoint holding nothing the changes before it did not (signed-change-log.ts): left out of the history. */
  restates?: true;
  /** What opening would otherwise decode the change for (change-summary.ts); rows stored before it have none. */
  summary?: unknown;
}

/** Kept changes a checkpoint made redundant for sync, kept as history (shared/history/history-segment.ts). */
export interface HistorySegmentRow {
  seq?: number;
  documentId: string;
  bytes: Uint8Array;
}

/**
 * An automatic local backup of one workspace (backup-store.ts): its archive
 * (shared/backup/workspace-archive.ts, without library files) as a Blob, so
 * it stays on disk; kept when the workspace is deleted from this device.
 */
export interface BackupRow {
  id?: number;
  workspaceId: string;
  workspaceName: string;
  at: number;
  size: number;
  archive: Blob;
}

export type StroomkringDatabase = Dexie & {
  backups: EntityTable<BackupRow, 'id'>;
  signedChanges: EntityTable<SignedChangeRow, 'seq'>;
  historySegments: EntityTable<HistorySegmentRow, 'seq'>;
  identity: EntityTable<IdentityRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  workspaces: EntityTable<WorkspaceRow, 'id'>;
  workspaceAccess: EntityTable<WorkspaceAccessRow, 'workspaceId'>;
  files: EntityTable<FileRow, 'hash'>;
  fileChunks: Dexie.Table<FileChunkRow, [string, number]>;
  rooms: EntityTable<RoomRow, 'id'>;
  roomAccess: EntityTable<RoomAccessRow, 'roomId'>;
  visits: EntityTable<VisitRow, 'workspaceId'>;
};

export const WORKSPACE_UPDATES_TABLE = '$workspaces.doc_updates';
export const ROOM_UPDATES_TABLE = '$rooms.doc_updates';

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
  // v3: file bytes by content hash, confidential rooms with their own documents and keys, last visits.
  db.version(3).stores({
    files: 'hash',
    fileChunks: '[hash+index]',
    rooms: 'id, workspaceId, doc: Y.Doc',
    roomAccess: 'roomId, workspaceId',
    visits: 'workspaceId',
  });
  // v4: every change signed by its author, per document, in the order this device took them.
  db.version(4).stores({ signedChanges: '++seq, documentId' });
  // v5: automatic local backups of workspaces.
  db.version(5).stores({ backups: '++id, workspaceId, at' });
  // v6: history of the signed changes a checkpoint stands in for.
  db.version(6).stores({ historySegments: '++seq, documentId' });
  return db;
}
