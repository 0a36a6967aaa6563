import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { KeyRotationError, ROTATION_SETTLE_MS } from '../../../shared/membership/key-rotation';
import type { LobbyAuthenticator } from '../../../shared/membership/rotation-lobby';
import type { CurrentKey } from '../../../shared/membership/workspace-keys';
import { useDatabase } from '../contexts/database-context';
import { host } from '../host';
import type { StroomkringDatabase } from '../storage/database';
import { openLobbies, type RotatedKeyFields } from '../storage/rotated-keys';
import type { SyncSettings } from '../storage/sync-settings-store';
import type { RotationLobby } from '../sync/rotation-lobby-sync';

/** Why this device could not take a rotated key: it had published no encryption key then, or the box did not open. */
export type KeyRotationProblem = KeyRotationError['problem'];

/** Where a document's rotated keys come from and go to: the workspace's (WorkspaceKeys) or a room's (RoomKeys). */
export interface KeySource {
  onChange(listener: () => void): () => void;
  /** What this device does first each time: publish its encryption key, or rotate a room after a removal. */
  prepare(): Promise<unknown>;
  current(): Promise<CurrentKey | null>;
  /** Stores a rotated key beside the document (the sync then restarts on the new room: useWorkspaceSync). */
  adopt(db: StroomkringDatabase, current: CurrentKey): Promise<boolean>;
  /** The stored row with the old keys to keep lobbies on. */
  stored(db: StroomkringDatabase): Promise<RotatedKeyFields | undefined>;
  /** What proves this device in a lobby and says what to hand over there. */
  readonly lobbyAuth: LobbyAuthenticator;
}

/**
 * This device's side of key rotation (shared/membership/key-rotation.ts) for
 * one document (`documentId`: the workspace or a room): it moves to a rotated
 * key once the records have held it for ROTATION_SETTLE_MS, and keeps a lobby on each old
 * key whose time has not run out, while online.
 */
export function useKeyRotation(source: KeySource | undefined, documentId: string, settings: SyncSettings | undefined): KeyRotationProblem | undefined {
  const db = useDatabase();
  const [problem, setProblem] = useState<KeyRotationProblem>();

  useEffect(() => {
    if (!source) return;
    let live = true;
    let running = Promise.resolve();
    let settleTimer: ReturnType<typeof setTimeout> | undefined;
    /** Key → when this device first knew it as the one to move to (ROTATION_SETTLE_MS). */
    const firstKnown = new Map<string, number>();
    const follow = () => {
      running = running
        .then(async () => {
          await source.prepare();
          const current = await source.current();
          if (live) setProblem(undefined);
          if (!current || !live) return;
          if (!firstKnown.has(current.key)) firstKnown.set(current.key, Date.now());
          const knownFor = Date.now() - (firstKnown.get(current.key) as number);
          if (knownFor >= ROTATION_SETTLE_MS) await source.adopt(db, current);
          else if (!settleTimer) settleTimer = setTimeout(() => ((settleTimer = undefined), follow()), ROTATION_SETTLE_MS - knownFor);
        })
        .catch((error: unknown) => {
          if (error instanceof KeyRotationError) {
            if (live) setProblem(error.problem);
          } else console.error('Could not follow the key', error);
        });
    };
    const stop = source.onChange(follow);
    follow();
    return () => {
      live = false;
      clearTimeout(settleTimer);
      stop();
    };
  }, [db, source]);

  const lobbyKeys = useLiveQuery(async () => (source ? JSON.stringify(openLobbies(await source.stored(db))) : undefined), [db, source]);
  const signalingKey = settings && !settings.workOffline ? JSON.stringify([settings.extraSignaling, settings.iceServers, settings.relayOnly]) : undefined;
  useEffect(() => {
    if (!source || lobbyKeys === undefined || signalingKey === undefined) return;
    const keys = JSON.parse(lobbyKeys) as string[];
    if (keys.length === 0) return;
    const [extraSignaling, iceServers, relayOnly] = JSON.parse(signalingKey) as [string[], RTCIceServer[], boolean];
    let live = true;
    const lobbies: RotationLobby[] = [];
    (async () => {
      // A lobby is rare (a member was removed while someone was away): its WebRTC code loads only then.
      const [hub, { RotationLobby }] = await Promise.all([host.sync.localHub(), import('../sync/rotation-lobby-sync')]);
      for (const key of keys) {
        const lobby = await RotationLobby.start({ documentId, key, signalingUrls: [hub.signalingUrl, ...extraSignaling], iceServers, relayOnly, membership: source.lobbyAuth });
        if (live) lobbies.push(lobby);
        else lobby.destroy();
      }
    })().catch((error: unknown) => console.error('Could not open the lobby for members who were away', error));
    return () => {
      live = false;
      for (const lobby of lobbies) lobby.destroy();
    };
  }, [source, documentId, lobbyKeys, signalingKey]);

  return problem;
}
