import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { KeyRotationError } from '../../../shared/membership/key-rotation';
import type { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import { useDatabase } from '../app/database-context';
import { host } from '../host';
import type { SyncSettings } from '../storage/sync-settings-store';
import { adoptRotatedKey, openLobbies } from '../storage/workspace-access-store';
import { RotationLobby } from '../sync/rotation-lobby-sync';

/** Why this device could not take a rotated key: it had published no encryption key then, or the box did not open. */
export type KeyRotationProblem = KeyRotationError['problem'];

/**
 * This device's side of key rotation (shared/membership/key-rotation.ts) for
 * the open workspace: it publishes the member's encryption key, moves to a
 * rotated key as soon as the records hold one for it (the workspace's sync
 * then restarts on the new room, useWorkspaceSync), and keeps a lobby on each
 * old key whose time has not run out, while online.
 */
export function useKeyRotation(membership: WorkspaceMembership | undefined, workspaceId: string, settings: SyncSettings | undefined): KeyRotationProblem | undefined {
  const db = useDatabase();
  const [problem, setProblem] = useState<KeyRotationProblem>();

  useEffect(() => {
    if (!membership) return;
    let live = true;
    let running = Promise.resolve();
    const follow = () => {
      running = running
        .then(async () => {
          await membership.keys.publish();
          const current = await membership.keys.current();
          if (current && live) await adoptRotatedKey(db, workspaceId, current);
          if (live) setProblem(undefined);
        })
        .catch((error: unknown) => {
          if (error instanceof KeyRotationError) {
            if (live) setProblem(error.problem);
          } else console.error('Could not follow the workspace key', error);
        });
    };
    const stop = membership.onChange(follow);
    follow();
    return () => {
      live = false;
      stop();
    };
  }, [db, membership, workspaceId]);

  const lobbyKeys = useLiveQuery(async () => JSON.stringify(openLobbies(await db.workspaceAccess.get(workspaceId)).map((lobby) => lobby.key)), [db, workspaceId]);
  const signalingKey = settings && !settings.workOffline ? JSON.stringify([settings.extraSignaling, settings.iceServers]) : undefined;
  useEffect(() => {
    if (!membership || lobbyKeys === undefined || signalingKey === undefined) return;
    const keys = JSON.parse(lobbyKeys) as string[];
    if (keys.length === 0) return;
    const [extraSignaling, iceServers] = JSON.parse(signalingKey) as [string[], RTCIceServer[]];
    let live = true;
    const lobbies: RotationLobby[] = [];
    (async () => {
      const hub = await host.sync.localHub();
      for (const key of keys) {
        const lobby = await RotationLobby.start({ workspaceId, key, signalingUrls: [hub.signalingUrl, ...extraSignaling], iceServers, membership });
        if (live) lobbies.push(lobby);
        else lobby.destroy();
      }
    })().catch((error: unknown) => console.error('Could not open the lobby for members who were away', error));
    return () => {
      live = false;
      for (const lobby of lobbies) lobby.destroy();
    };
  }, [membership, workspaceId, lobbyKeys, signalingKey]);

  return problem;
}
