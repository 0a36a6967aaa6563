import { useLiveQuery } from 'dexie-react-hooks';
import { useContext, useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import { useDatabase } from '../contexts/database-context';
import { useLoadedDocument } from '../hooks/useWorkspaceDoc';
import type { Identity } from '../storage/identity-store';
import { getRoomRow, listRooms, loadRoomAccess } from '../storage/room-store';
import { useWorkspaceSync } from '../sync/useWorkspaceSync';
import type { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import { RoomKeys, roomAuthenticator } from '../../../shared/rooms/room-keys';
import { roomKeySource } from '../membership/key-sources';
import { useKeyRotation } from '../membership/useKeyRotation';
import { RoomSyncContext } from './room-syncs';

interface RoomSyncProps {
  readonly identity: Identity;
  /** The workspace's: a room's peers prove they are members of the workspace (the room key keeps the rest out). */
  readonly membership: WorkspaceMembership | undefined;
}

function RunningRoomSync({ roomId, workspaceId, doc, identity, membership }: RoomSyncProps & { roomId: string; workspaceId: string; doc: Y.Doc }) {
  const registry = useContext(RoomSyncContext);
  const { publicKeyB64, privateKey } = identity;
  // The room's key rotates when someone in it is removed (shared/rooms/room-keys.ts); its lobby hands over the room's rotation.
  const keys = useMemo(() => (membership ? new RoomKeys(doc, roomId, workspaceId, membership, { publicKeyB64, privateKey }) : undefined), [doc, roomId, workspaceId, membership, publicKeyB64, privateKey]);
  const auth = useMemo(() => (membership && keys ? roomAuthenticator(membership, keys) : undefined), [membership, keys]);
  const keySource = useMemo(() => (keys && auth ? roomKeySource(keys, roomId, auth) : undefined), [keys, auth, roomId]);
  const sync = useWorkspaceSync(doc, roomId, identity, auth, loadRoomAccess, 'room');
  const keyProblem = useKeyRotation(keySource, roomId, sync.settings);
  useEffect(() => registry?.set(roomId, keyProblem ? { ...sync, keyProblem } : sync), [registry, roomId, sync, keyProblem]);
  useEffect(() => () => registry?.set(roomId, undefined), [registry, roomId]);
  return null;
}

function BackgroundRoomSync({ roomId, workspaceId, identity, membership }: RoomSyncProps & { roomId: string; workspaceId: string }) {
  const db = useDatabase();
  const row = useLiveQuery(async () => (await getRoomRow(db, roomId)) ?? null, [db, roomId]);
  const loaded = useLoadedDocument(row && row.workspaceId === workspaceId ? row.doc : undefined);
  // A room whose stored changes do not read is reported on its own screen; it is not synced.
  if (!loaded || 'error' in loaded) return null;
  return <RunningRoomSync roomId={roomId} workspaceId={workspaceId} doc={loaded.doc} identity={identity} membership={membership} />;
}

/**
 * Keeps every confidential room of the open workspace that this device is a
 * member of synced while the workspace is open, so a member who opens a room
 * in a session already has what the others wrote.
 */
export function BackgroundRoomSyncs({ workspaceId, identity, membership }: RoomSyncProps & { workspaceId: string }) {
  const db = useDatabase();
  const rooms = useLiveQuery(() => listRooms(db, workspaceId), [db, workspaceId]);
  return (
    <>
      {(rooms ?? []).map((room) => (
        <BackgroundRoomSync key={room.id} roomId={room.id} workspaceId={workspaceId} identity={identity} membership={membership} />
      ))}
    </>
  );
}
