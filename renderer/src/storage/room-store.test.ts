import 'fake-indexeddb/auto';
import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { generateWorkspaceKey } from '../../../shared/invite/workspace-key';
import { readRoomMembers, readRoomMeta } from '../../../shared/rooms/room-doc';
import type { RoomInvitePayload } from '../../../shared/rooms/room-invite';
import { ROOM_UPDATES_TABLE, type StroomkringDatabase } from './database';
import { freshDatabasesFor, readLoadedDoc } from './test-database.test-helper';
import { createRoom, joinRoomFromInvite, leaveRoom, listRooms, loadRoomAccess, RoomJoinError, type RoomJoinProblem } from './room-store';
import { createWorkspace, deleteWorkspace } from './workspace-store';

const freshDatabase = freshDatabasesFor('room-test');

async function withRoomDoc<T>(db: StroomkringDatabase, id: string, read: (doc: Y.Doc) => T): Promise<T> {
  const row = await db.rooms.get(id);
  if (!row) throw new Error('missing room');
  return readLoadedDoc(row.doc, read);
}

async function snapshot(db: StroomkringDatabase) {
  return { rooms: await db.rooms.toCollection().primaryKeys(), access: await db.roomAccess.toArray(), updates: await db.table(ROOM_UPDATES_TABLE).count() };
}

function invite(workspaceId: string, overrides: Partial<RoomInvitePayload> = {}): RoomInvitePayload {
  return {
    v: 1,
    inviteId: 'i1',
    workspaceId,
    roomId: 'room-1',
    roomTitle: 'Grondposities Noordrand',
    key: generateWorkspaceKey(),
    hubs: ['ws://127.0.0.1:5181/signal'],
    invitee: 'bram',
    inviter: { memberId: 'anne', displayName: 'Anne', publicKey: 'A'.repeat(43) },
    createdAt: 1,
    ...overrides,
  };
}

async function refusal(action: Promise<unknown>): Promise<RoomJoinProblem | 'accepted'> {
  try {
    await action;
    return 'accepted';
  } catch (error) {
    if (error instanceof RoomJoinError) return error.problem;
    throw error;
  }
}

describe('room store', () => {
  it('creates a room with its own key and document, listed under its workspace only', async () => {
    const db = freshDatabase();
    const ws = await createWorkspace(db, { regionId: 'holland-rijnland', name: '' }, 'f'.repeat(43));
    const other = await createWorkspace(db, { regionId: 'zeeland', name: '' }, 'f'.repeat(43));
    const id = await createRoom(db, { workspaceId: ws, title: 'Grondposities', organisationIds: ['o1', 'o2'], createdBy: 'anne' }, 50);
    expect(await listRooms(db, ws)).toEqual([{ id, workspaceId: ws, joinedAt: 50, title: 'Grondposities' }]);
    expect(await listRooms(db, other)).toEqual([]);
    const access = await loadRoomAccess(db, id);
    expect(access.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(access.key).not.toBe((await db.workspaceAccess.get(ws))?.key);
    const meta = await withRoomDoc(db, id, readRoomMeta);
    expect(meta.ok && meta.meta).toMatchObject({ title: 'Grondposities', organisationIds: ['o1', 'o2'], createdBy: 'anne' });
  });

  it('joins from a code: the room is empty but for the own join, with the code\'s key and hubs', async () => {
    const db = freshDatabase();
    const ws = await createWorkspace(db, { regionId: 'holland-rijnland', name: '' }, 'f'.repeat(43));
    const code = invite(ws);
    expect(await joinRoomFromInvite(db, code, { memberId: 'bram', workspaceId: ws }, 70)).toEqual({ roomId: 'room-1', alreadyMember: false });
    expect(await loadRoomAccess(db, 'room-1')).toEqual({ roomId: 'room-1', workspaceId: ws, key: code.key, peerHubs: code.hubs });
    expect(await withRoomDoc(db, 'room-1', readRoomMembers)).toEqual([{ memberId: 'bram', joinedAt: 70 }]);
    expect(await joinRoomFromInvite(db, { ...code, hubs: ['ws://10.0.0.2:4455/signal'] }, { memberId: 'bram', workspaceId: ws })).toEqual({ roomId: 'room-1', alreadyMember: true });
    expect((await loadRoomAccess(db, 'room-1')).peerHubs).toHaveLength(2);
  });

  it('refuses a key that does not fit a room already here, and changes nothing', async () => {
    const db = freshDatabase();
    const ws = await createWorkspace(db, { regionId: 'holland-rijnland', name: '' }, 'f'.repeat(43));
    await joinRoomFromInvite(db, invite(ws), { memberId: 'bram', workspaceId: ws });
    const before = await snapshot(db);
    expect(await refusal(joinRoomFromInvite(db, invite(ws, { hubs: ['ws://10.9.9.9:4455/signal'] }), { memberId: 'bram', workspaceId: ws }))).toBe('keyMismatch');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a code for a workspace not here, another workspace, or another member, creating nothing', async () => {
    const db = freshDatabase();
    const ws = await createWorkspace(db, { regionId: 'holland-rijnland', name: '' }, 'f'.repeat(43));
    const other = await createWorkspace(db, { regionId: 'zeeland', name: '' }, 'f'.repeat(43));
    const before = await snapshot(db);
    expect(await refusal(joinRoomFromInvite(db, invite('not-here'), { memberId: 'bram', workspaceId: ws }))).toBe('workspaceMissing');
    expect(await refusal(joinRoomFromInvite(db, invite(other), { memberId: 'bram', workspaceId: ws }))).toBe('otherWorkspace');
    expect(await refusal(joinRoomFromInvite(db, invite(ws, { invitee: 'carla' }), { memberId: 'bram', workspaceId: ws }))).toBe('notForYou');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses to sync a room whose stored key is unusable', async () => {
    const db = freshDatabase();
    const ws = await createWorkspace(db, { regionId: 'holland-rijnland', name: '' }, 'f'.repeat(43));
    const id = await createRoom(db, { workspaceId: ws, title: 'Kamer', organisationIds: ['o1'], createdBy: 'anne' });
    await db.roomAccess.update(id, { key: 'kapot' });
    await expect(loadRoomAccess(db, id)).rejects.toThrow(/No usable key/);
  });

  it('leaving removes the room, its key and its stored updates; deleting the workspace removes its rooms', async () => {
    const db = freshDatabase();
    const ws = await createWorkspace(db, { regionId: 'holland-rijnland', name: '' }, 'f'.repeat(43));
    const keep = await createWorkspace(db, { regionId: 'zeeland', name: '' }, 'f'.repeat(43));
    const a = await createRoom(db, { workspaceId: ws, title: 'A', organisationIds: ['o1'], createdBy: 'anne' });
    const b = await createRoom(db, { workspaceId: ws, title: 'B', organisationIds: ['o1'], createdBy: 'anne' });
    const kept = await createRoom(db, { workspaceId: keep, title: 'C', organisationIds: ['o1'], createdBy: 'anne' });
    expect(await db.table(ROOM_UPDATES_TABLE).where('k').equals(a).count()).toBeGreaterThan(0);
    await leaveRoom(db, a);
    expect(await db.rooms.get(a)).toBeUndefined();
    expect(await db.roomAccess.get(a)).toBeUndefined();
    expect(await db.table(ROOM_UPDATES_TABLE).where('k').equals(a).count()).toBe(0);
    await deleteWorkspace(db, ws);
    expect(await db.rooms.get(b)).toBeUndefined();
    expect(await db.roomAccess.get(b)).toBeUndefined();
    expect(await db.table(ROOM_UPDATES_TABLE).where('k').equals(b).count()).toBe(0);
    expect(await listRooms(db, keep)).toHaveLength(1);
    expect((await loadRoomAccess(db, kept)).roomId).toBe(kept);
  });
});
