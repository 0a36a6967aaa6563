/**
 * Confidential rooms on this device: one `rooms` row per room with its own
 * Y.Doc (y-dexie keeps its updates in `$rooms.doc_updates`), and its key and
 * peer hubs in `roomAccess`. A room exists on a device only after its member
 * created it there or joined with a room code; nothing about it is written
 * anywhere else.
 */
import { z } from 'zod';
import * as Y from 'yjs';
import { WorkspaceKeySchema, generateWorkspaceKey } from '../../../shared/invite/workspace-key';
import { initialiseRoom, recordJoin } from '../../../shared/rooms/room-doc';
import type { RoomInvitePayload } from '../../../shared/rooms/room-invite';
import type { LinkedRoom } from '../../../shared/membership/device-link';
import { HubUrlSchema } from '../../../shared/sync/hub-address';
import { adoptRotatedKeyIn } from './rotated-keys';
import { ROOM_UPDATES_TABLE, type RoomAccessRow, type RoomRow, type StroomkringDatabase } from './database';
import { StroomkringError } from '../../../shared/errors/stroomkring-error';

/** Why a room code was refused; each leaves the database exactly as it was. */
export type RoomJoinProblem = 'workspaceMissing' | 'otherWorkspace' | 'keyMismatch' | 'notForYou';

export class RoomJoinError extends StroomkringError {
  override readonly name = 'RoomJoinError';
  constructor(
    readonly problem: RoomJoinProblem,
    detail: string,
  ) {
    super(`Room code refused (${problem}): ${detail}`);
  }
}

export class RoomAccessMissingError extends StroomkringError {
  override readonly name = 'RoomAccessMissingError';
  constructor(readonly roomId: string) {
    super(`No usable key for room ${roomId} on this device`);
  }
}

const RoomListEntrySchema = z.object({
  id: z.string().min(1).max(64),
  workspaceId: z.string().min(1).max(64),
  joinedAt: z.number().int().nonnegative(),
  title: z.string().max(200).optional(),
});
export type RoomListEntry = z.infer<typeof RoomListEntrySchema>;

/** The rooms of one workspace on this device, newest first; rows that do not read are skipped. */
export async function listRooms(db: StroomkringDatabase, workspaceId: string): Promise<RoomListEntry[]> {
  const rows = await db.rooms.where('workspaceId').equals(workspaceId).toArray();
  return rows
    .flatMap((row) => {
      const parsed = RoomListEntrySchema.safeParse({ id: row.id, workspaceId: row.workspaceId, joinedAt: row.joinedAt, title: row.title });
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => b.joinedAt - a.joinedAt);
}

export async function getRoomRow(db: StroomkringDatabase, roomId: string): Promise<RoomRow | undefined> {
  return db.rooms.get(roomId);
}

/** The room's key and peer hubs, checked again on the way out (a bad hub entry is dropped, a bad key refused). */
export async function loadRoomAccess(db: StroomkringDatabase, roomId: string): Promise<RoomAccessRow> {
  const row = await db.roomAccess.get(roomId);
  if (!row || !WorkspaceKeySchema.safeParse(row.key).success) throw new RoomAccessMissingError(roomId);
  const peerHubs = Array.isArray(row.peerHubs) ? row.peerHubs.filter((hub) => HubUrlSchema.safeParse(hub).success) : [];
  return { ...row, peerHubs };
}

async function insertRoom(db: StroomkringDatabase, row: Omit<RoomRow, 'doc'>, doc: Y.Doc, access: RoomAccessRow): Promise<void> {
  // y-dexie stores an initial Y.Doc given to add(); Dexie's InsertType omits Y.Doc properties, hence the cast.
  const withDoc: Omit<RoomRow, 'doc'> & { doc: Y.Doc } = { ...row, doc };
  await db.transaction('rw', db.rooms, db.roomAccess, db.table(ROOM_UPDATES_TABLE), async () => {
    await db.rooms.add(withDoc as Omit<RoomRow, 'doc'>);
    await db.roomAccess.add(access);
  });
}

export interface NewRoom {
  readonly workspaceId: string;
  readonly title: string;
  readonly organisationIds: readonly string[];
  readonly createdBy: string;
}

/** Creates a room with a fresh key; the creator is its first member. Returns the room id. */
export async function createRoom(db: StroomkringDatabase, input: NewRoom, now = Date.now()): Promise<string> {
  const id = crypto.randomUUID();
  const doc = new Y.Doc();
  try {
    initialiseRoom(doc, { roomId: id, workspaceId: input.workspaceId, title: input.title, organisationIds: [...input.organisationIds], createdBy: input.createdBy, createdAt: now });
    await insertRoom(db, { id, workspaceId: input.workspaceId, joinedAt: now, title: input.title.trim() }, doc, { roomId: id, workspaceId: input.workspaceId, key: generateWorkspaceKey(), peerHubs: [] });
  } finally {
    doc.destroy();
  }
  return id;
}

/** The rooms of these workspaces this device is in, with their current keys: what a device link hands on. */
export async function linkedRooms(db: StroomkringDatabase, workspaceIds: readonly string[]): Promise<LinkedRoom[]> {
  const rooms = await db.rooms.where('workspaceId').anyOf([...workspaceIds]).toArray();
  const access = await db.roomAccess.bulkGet(rooms.map((room) => room.id));
  return rooms.flatMap((room, index) => {
    const row = access[index];
    if (!row || !WorkspaceKeySchema.safeParse(row.key).success) return [];
    return [{ roomId: room.id, workspaceId: room.workspaceId, title: room.title ?? '', key: row.key, hubs: row.peerHubs.filter((hub) => HubUrlSchema.safeParse(hub).success).slice(0, 8) }];
  });
}

/**
 * A room the person is in, arriving with a device link: no join of its own
 * (the person joined already), its content comes from the room's peers. The
 * caller's transaction covers rooms, roomAccess and the room updates table.
 */
export async function insertLinkedRoom(db: StroomkringDatabase, room: LinkedRoom, now = Date.now()): Promise<void> {
  if (await db.rooms.get(room.roomId)) return;
  const doc = new Y.Doc();
  try {
    await insertRoom(db, { id: room.roomId, workspaceId: room.workspaceId, joinedAt: now, ...(room.title ? { title: room.title } : {}) }, doc, { roomId: room.roomId, workspaceId: room.workspaceId, key: room.key, peerHubs: [...room.hubs] });
  } finally {
    doc.destroy();
  }
}

export type RoomJoinResult = { roomId: string; alreadyMember: boolean };

/**
 * Joins a room from a verified room code, in the workspace that is open.
 * Refuses (RoomJoinError, nothing written) a code for a workspace this device
 * does not have or that is not the open one, a code meant for another member,
 * and a code whose key does not fit a room already here. Joining a room that
 * is already here with the same key only adds the inviter's hubs.
 */
export async function joinRoomFromInvite(db: StroomkringDatabase, invite: RoomInvitePayload, self: { memberId: string; workspaceId: string }, now = Date.now()): Promise<RoomJoinResult> {
  if (invite.workspaceId !== self.workspaceId) {
    const workspace = await db.workspaces.get(invite.workspaceId);
    throw new RoomJoinError(workspace ? 'otherWorkspace' : 'workspaceMissing', `code is for workspace ${invite.workspaceId}`);
  }
  if (!(await db.workspaces.get(invite.workspaceId))) throw new RoomJoinError('workspaceMissing', `workspace ${invite.workspaceId} is not on this device`);
  if (invite.invitee !== self.memberId) throw new RoomJoinError('notForYou', `code is for member ${invite.invitee}`);

  const existing = await db.roomAccess.get(invite.roomId);
  const existingRoom = await db.rooms.get(invite.roomId);
  if (existing || existingRoom) {
    if (!existing || existing.key !== invite.key || existing.workspaceId !== invite.workspaceId || existingRoom?.workspaceId !== invite.workspaceId) {
      throw new RoomJoinError('keyMismatch', `room ${invite.roomId} is already here with another key`);
    }
    await addRoomPeerHubs(db, invite.roomId, invite.hubs);
    return { roomId: invite.roomId, alreadyMember: true };
  }
  const doc = new Y.Doc();
  try {
    // Everything else (title, organisations, content) arrives from the room's peers.
    recordJoin(doc, self.memberId, now);
    await insertRoom(db, { id: invite.roomId, workspaceId: invite.workspaceId, joinedAt: now, title: invite.roomTitle }, doc, { roomId: invite.roomId, workspaceId: invite.workspaceId, key: invite.key, peerHubs: [...invite.hubs] });
  } finally {
    doc.destroy();
  }
  return { roomId: invite.roomId, alreadyMember: false };
}

/** Moves the room to a rotated key (shared/rooms/room-keys.ts), keeping the old one as a lobby. */
export function adoptRotatedRoomKey(db: StroomkringDatabase, roomId: string, rotated: { key: string; generation: number }, now = Date.now()): Promise<boolean> {
  return adoptRotatedKeyIn(db, db.roomAccess, roomId, rotated, now);
}

export async function addRoomPeerHubs(db: StroomkringDatabase, roomId: string, hubs: readonly string[]): Promise<void> {
  await db.transaction('rw', db.roomAccess, async () => {
    const row = await db.roomAccess.get(roomId);
    if (!row) return;
    const merged = [...new Set([...row.peerHubs, ...hubs])];
    if (merged.length !== row.peerHubs.length) await db.roomAccess.update(roomId, { peerHubs: merged });
  });
}

/** The kept signed changes and history of documents, inside the caller's transaction. */
export async function deleteChangesOf(db: StroomkringDatabase, documentIds: readonly string[]): Promise<void> {
  await db.signedChanges.where('documentId').anyOf(documentIds).delete();
  await db.historySegments.where('documentId').anyOf(documentIds).delete();
}

/** Removes the room, its key and every stored update, kept change and history segment of its document from this device, in one transaction. */
export async function leaveRoom(db: StroomkringDatabase, roomId: string): Promise<void> {
  const updates = db.table(ROOM_UPDATES_TABLE);
  await db.transaction('rw', [db.rooms, db.roomAccess, updates, db.signedChanges, db.historySegments], async () => {
    await updates.where('k').equals(roomId).delete();
    await deleteChangesOf(db, [roomId]);
    await db.rooms.delete(roomId);
    await db.roomAccess.delete(roomId);
  });
}

/**
 * Removes every room of a workspace with its keys and updates. Must run inside
 * a transaction that includes rooms, roomAccess, the room updates table,
 * signedChanges and historySegments (deleteWorkspace's), so a workspace never
 * disappears while its rooms stay.
 */
export async function deleteRoomsOfWorkspace(db: StroomkringDatabase, workspaceId: string): Promise<void> {
  const roomIds = (await db.rooms.where('workspaceId').equals(workspaceId).primaryKeys()) as string[];
  const accessIds = (await db.roomAccess.where('workspaceId').equals(workspaceId).primaryKeys()) as string[];
  const ids = [...new Set([...roomIds, ...accessIds])];
  if (ids.length === 0) return;
  await db.table(ROOM_UPDATES_TABLE).where('k').anyOf(ids).delete();
  await deleteChangesOf(db, ids);
  await db.rooms.bulkDelete(ids);
  await db.roomAccess.bulkDelete(ids);
}
