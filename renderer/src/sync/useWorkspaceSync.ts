import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Authenticator } from '../../../shared/membership/auth-session';
import type { DocumentKind } from '../../../shared/rules/write-rules';
import type { KeyRotationProblem } from '../membership/useKeyRotation';
import { useDatabase } from '../contexts/database-context';
import { host } from '../host';
import type { StroomkringDatabase } from '../storage/database';
import type { Identity } from '../storage/identity-store';
import { signedChangeStore } from '../storage/signed-change-store';
import { loadSyncSettings, saveSyncSettings, type SyncSettings } from '../storage/sync-settings-store';
import { ensureWorkspaceAccess } from '../storage/workspace-access-store';
import { SyncViewStore } from './sync-view';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';
import { errorDetail } from '../../../shared/errors/stroomkring-error';

/**
 * An open document's sync as the screens hold it. Its identity changes only
 * when the sync restarts or the settings change; status and presence change
 * far more often and live in `view` (sync-view.ts), read with useSyncField.
 */
export interface WorkspaceSyncState {
  readonly view: SyncViewStore;
  readonly settings: SyncSettings | undefined;
  readonly setWorkOffline: (offline: boolean) => void;
  /** The running sync, for features that ride on its peer connections (file transfer). */
  readonly instance: WorkspaceSync | undefined;
  /** Why a rotated key could not be taken here (a room's, shown on its screen: BackgroundRoomSyncs). */
  readonly keyProblem?: KeyRotationProblem;
}

/** Where a synced document's key and known peer hubs come from; must be a stable (module-level) function. */
export type SyncAccessLoader = (db: StroomkringDatabase, id: string) => Promise<{ readonly key: string; readonly peerHubs: readonly string[] }>;

/**
 * Syncs the open workspace with its peers while mounted; restarts when the
 * connection settings change. A confidential room syncs the same way under
 * its own id with `loadAccess` reading the room's key (room-store's loadRoomAccess).
 * Nothing starts before `membership` (the workspace's, for its rooms too) is
 * there: every connection is proven with it first.
 */
export function useWorkspaceSync(
  doc: Y.Doc,
  workspaceId: string,
  identity: Identity,
  membership: Authenticator | undefined,
  loadAccess: SyncAccessLoader = ensureWorkspaceAccess,
  documentKind: DocumentKind = 'workspace',
): WorkspaceSyncState {
  const db = useDatabase();
  const settings = useLiveQuery(() => loadSyncSettings(db), [db]);
  const [sync, setSync] = useState<WorkspaceSync | { failed: string }>();
  const { memberId, profile } = identity;
  const signalingKey = settings ? JSON.stringify([settings.extraSignaling, settings.iceServers, settings.relayOnly]) : undefined;
  // A rotated key (shared/membership/key-rotation.ts, shared/rooms/room-keys.ts) moves the sync to the new room: restart when it changes.
  const storedKey = useLiveQuery(async () => ((documentKind === 'workspace' ? await db.workspaceAccess.get(workspaceId) : await db.roomAccess.get(workspaceId))?.key ?? null), [db, workspaceId, documentKind]);
  // Read when the provider starts; later changes are applied by setOnline without a restart.
  const workOffline = settings?.workOffline ?? false;
  const workOfflineRef = useRef(workOffline);
  useEffect(() => {
    workOfflineRef.current = workOffline;
  }, [workOffline]);

  useEffect(() => {
    if (signalingKey === undefined || membership === undefined || storedKey === undefined) return;
    const [extraSignaling, iceServers, relayOnly] = JSON.parse(signalingKey) as [string[], RTCIceServer[], boolean];
    let live = true;
    let started: WorkspaceSync | undefined;
    (async () => {
      // WebRTC (y-webrtc, simple-peer) loads here, beside the key and the hub: the first screen does not wait for it.
      const [access, hub, { WorkspaceSync }] = await Promise.all([loadAccess(db, workspaceId), host.sync.localHub(), import('../../../shared/sync/webrtc/workspace-sync')]);
      // Peer hubs only widen the search; the own hub and mDNS work without them, so a failure here must not stop sync.
      if (access.peerHubs.length > 0) host.sync.addPeerHubs([...access.peerHubs]).catch((error: unknown) => console.warn('Could not hand peer hubs to the host', error));
      if (!live) return;
      started = await WorkspaceSync.start(doc, {
        workspaceId,
        key: access.key,
        signalingUrls: [hub.signalingUrl, ...extraSignaling],
        iceServers,
        relayOnly,
        user: { memberId, displayName: profile.displayName, organisationName: profile.organisationName },
        online: !workOfflineRef.current,
        membership,
        documentKind,
        changeStore: signedChangeStore(db, workspaceId),
      });
      if (live) setSync(started);
      else started.destroy();
    })().catch((error: unknown) => {
      console.error('Sync could not start', error);
      if (live) setSync({ failed: errorDetail(error) });
    });
    return () => {
      live = false;
      started?.destroy();
    };
  }, [db, doc, workspaceId, loadAccess, documentKind, signalingKey, storedKey, memberId, profile.displayName, profile.organisationName, membership]);

  const instance = sync !== undefined && !('failed' in sync) ? sync : undefined;
  useEffect(() => {
    instance?.setOnline(!workOffline);
  }, [instance, workOffline]);

  const problem = sync !== undefined && 'failed' in sync ? sync.failed : undefined;
  const view = useMemo(
    () => (instance ? SyncViewStore.following(instance, memberId) : SyncViewStore.fixed(problem !== undefined ? { kind: 'failed', problem } : { kind: 'starting' })),
    [instance, problem, memberId],
  );
  useEffect(() => () => view.dispose(), [view]);

  const setWorkOffline = useCallback(
    (offline: boolean) => {
      if (!settings) return;
      saveSyncSettings(db, { ...settings, workOffline: offline }).catch((error: unknown) => console.error('Could not save the offline switch', error));
    },
    [db, settings],
  );

  return useMemo(() => ({ view, settings, setWorkOffline, instance }), [view, settings, setWorkOffline, instance]);
}
