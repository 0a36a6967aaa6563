import { createContext, useContext, useSyncExternalStore } from 'react';
import type { WorkspaceSyncState } from '../sync/useWorkspaceSync';
import { SyncViewStore } from '../sync/sync-view';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';

/**
 * The running syncs of the open workspace's confidential rooms, by room id:
 * written by BackgroundRoomSyncs (one sync per room, for as long as the
 * workspace is open), read by the room's screen, which so never starts a
 * sync of its own (y-webrtc allows one per room).
 */
export class RoomSyncRegistry {
  private readonly states = new Map<string, WorkspaceSyncState>();
  private readonly listeners = new Set<() => void>();

  set(roomId: string, state: WorkspaceSyncState | undefined): void {
    if (state) this.states.set(roomId, state);
    else this.states.delete(roomId);
    for (const listener of this.listeners) listener();
  }

  get(roomId: string): WorkspaceSyncState | undefined {
    return this.states.get(roomId);
  }

  /** Every running room sync. */
  instances(): WorkspaceSync[] {
    return [...this.states.values()].flatMap((state) => (state.instance ? [state.instance] : []));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const RoomSyncContext = createContext<RoomSyncRegistry | null>(null);

const STARTING: WorkspaceSyncState = { view: SyncViewStore.fixed({ kind: 'starting' }), settings: undefined, setWorkOffline: () => {}, instance: undefined };

/** The background sync of one room of the open workspace ("starting" until it runs). */
export function useRoomSync(roomId: string): WorkspaceSyncState {
  const registry = useContext(RoomSyncContext);
  if (!registry) throw new Error('useRoomSync() outside an open workspace');
  return useSyncExternalStore(registry.subscribe, () => registry.get(roomId) ?? STARTING);
}
