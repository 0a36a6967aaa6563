import type { RoomSyncRegistry } from '../rooms/room-syncs';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';

/** Signs the offline work of the workspace and its rooms, so a file or backup made now holds it. */
export async function sealOfflineWork(sync: WorkspaceSync | undefined, rooms: RoomSyncRegistry): Promise<void> {
  await Promise.all([sync, ...rooms.instances()].map((instance) => instance?.sealOffline()));
}
