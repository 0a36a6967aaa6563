import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectToLobby, makePeople, startWorkspaceOfFour, sync, WS, type Person } from '../membership/workspace-of-four.test-helper';
import type { WorkspaceMembership } from '../membership/workspace-membership';
import { verifyMembershipRecord } from '../membership/membership-record';
import { initialiseRoom, recordJoin } from './room-doc';
import { RoomKeys, roomAuthenticator, ROOM_KEYS_ROOT } from './room-keys';

const ROOM = 'room-1';
let anne: Person, bram: Person, carla: Person, dirk: Person;
beforeAll(async () => {
  [anne, bram, carla, dirk] = await makePeople();
});

/** Anne's room with Bram and Carla in it (Dirk is a workspace member, not in the room). */
async function roomOfThree() {
  const { docs, members } = await startWorkspaceOfFour([anne, bram, carla, dirk]);
  const rooms = [new Y.Doc(), new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const [roomA, roomB, roomC] = rooms as [Y.Doc, Y.Doc, Y.Doc, Y.Doc];
  initialiseRoom(roomA, { roomId: ROOM, workspaceId: WS, title: 'Netcongestie', organisationIds: ['o1'], createdBy: anne.keys.memberId, createdAt: 1 });
  recordJoin(roomB, bram.keys.memberId, 2);
  recordJoin(roomC, carla.keys.memberId, 3);
  sync(roomA, roomB, roomC);
  const people = [anne, bram, carla, dirk];
  const keys = rooms.map((room, i) => new RoomKeys(room, ROOM, WS, members[i] as WorkspaceMembership, { publicKeyB64: (people[i] as Person).keys.publicKeyB64, privateKey: (people[i] as Person).keys.privateKey }));
  return { docs, members, rooms, keys: keys as [RoomKeys, RoomKeys, RoomKeys, RoomKeys] };
}

describe("a confidential room's key", () => {
  it('is rotated by a room member once someone in the room is removed, and opens for the room members who remain only', async () => {
    const { docs, members, rooms, keys } = await roomOfThree();
    const [a] = members as [WorkspaceMembership];
    const [keysA, keysB, keysC, keysD] = keys;
    expect(await keysC.pendingCauses()).toEqual([]);
    // Removing Dirk (not in the room) asks nothing of the room.
    await a.remove([dirk.keys.publicKeyB64]);
    sync(...docs);
    expect(await keysC.pendingCauses()).toEqual([]);
    await a.remove([bram.keys.publicKeyB64]);
    sync(...docs);
    const cause = await keysC.pendingCauses();
    expect(cause).toHaveLength(1);
    // Carla (no administrator, but in the room) rotates; Dirk, not in the room, could not.
    expect((await keysD.rotate(cause)).generation).toBeNull();
    expect((await keysC.rotate(cause)).generation).toBe(1);
    sync(...(rooms.slice(0, 3) as Y.Doc[]));
    expect(await keysA.pendingCauses()).toEqual([]);
    const key = await keysA.current();
    expect(key?.generation).toBe(1);
    expect(await keysC.current()).toEqual(key);
    await expect(keysB.current()).rejects.toMatchObject({ problem: 'noBox' });
  });

  it('two room members rotating at once end on the same key', async () => {
    const { docs, members, rooms, keys } = await roomOfThree();
    await (members[0] as WorkspaceMembership).remove([bram.keys.publicKeyB64]);
    sync(...docs);
    const [keysA, , keysC] = keys;
    const cause = await keysA.pendingCauses();
    await Promise.all([keysA.rotate(cause), keysC.rotate(cause)]);
    sync(...(rooms.slice(0, 3) as Y.Doc[]));
    expect(rooms[0]?.getMap(ROOM_KEYS_ROOT).size).toBe(2);
    expect(await keysA.current()).toEqual(await keysC.current());
  });

  it("is handed to a room member who was away by the room's lobby, not to the workspace document", async () => {
    const { docs, members, keys } = await roomOfThree();
    const [a, , c] = members as [WorkspaceMembership, WorkspaceMembership, WorkspaceMembership];
    await a.remove([bram.keys.publicKeyB64]);
    sync(...docs);
    const [keysA, , keysC] = keys;
    await keysA.rotate(await keysA.pendingCauses());
    // Carla's room document has not seen the rotation; she meets Anne's lobby on the room's old key.
    expect(await keysC.current()).toBeNull();
    const atCarla = await connectToLobby(roomAuthenticator(c, keysC), roomAuthenticator(a, keysA));
    expect(atCarla.atMember).toHaveLength(1);
    expect(await keysC.current()).toEqual(await keysA.current());
    const workspaceRecords = await Promise.all([...(docs[2] as Y.Doc).getMap('membership').values()].map((text) => verifyMembershipRecord(text)));
    expect(workspaceRecords.filter((r) => r.kind === 'rekeyed' && r.documentId === ROOM)).toEqual([]);
  });
});
