/**
 * The two kinds of document whose key rotates (useKeyRotation): the
 * workspace, whose administrator rotates on a removal, and a confidential
 * room, which any of its members rotates once they see a removal of someone
 * who was in it (shared/rooms/room-keys.ts).
 */
import type { LobbyAuthenticator } from '../../../shared/membership/rotation-lobby';
import type { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import type { RoomKeys } from '../../../shared/rooms/room-keys';
import { adoptRotatedRoomKey } from '../storage/room-store';
import { adoptRotatedKey } from '../storage/workspace-access-store';
import type { KeySource } from './useKeyRotation';

export function workspaceKeySource(membership: WorkspaceMembership, workspaceId: string): KeySource {
  return {
    onChange: (listener) => membership.onChange(listener),
    prepare: () => membership.keys.publish(),
    current: () => membership.keys.current(),
    adopt: (db, current) => adoptRotatedKey(db, workspaceId, current),
    stored: (db) => db.workspaceAccess.get(workspaceId),
    lobbyAuth: membership,
  };
}

export function roomKeySource(keys: RoomKeys, roomId: string, lobbyAuth: LobbyAuthenticator): KeySource {
  return {
    onChange: (listener) => keys.onChange(listener),
    prepare: async () => {
      const cause = await keys.pendingCauses();
      if (cause.length > 0) await keys.rotate(cause);
    },
    current: () => keys.current(),
    adopt: (db, current) => adoptRotatedRoomKey(db, roomId, current),
    stored: (db) => db.roomAccess.get(roomId),
    lobbyAuth,
  };
}
