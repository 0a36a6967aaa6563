/**
 * What the sync indicator says, computed from the provider's raw state so it
 * never claims more than is true: "in sync" only when at least one peer is
 * connected and every connected peer has completed the initial exchange.
 */
export type SyncStatus =
  | { kind: 'offline'; reason: 'switchedOff' | 'noSignaling' }
  | { kind: 'looking' }
  | { kind: 'connected'; peers: number }
  | { kind: 'inSync'; peers: number };

export interface SyncSnapshot {
  /** The user has not switched to "work offline". */
  readonly online: boolean;
  /** At least one signaling connection (own hub or an extra server) is open. */
  readonly signalingConnected: boolean;
  /** One entry per open WebRTC connection to a peer of this workspace. */
  readonly peers: readonly { readonly synced: boolean }[];
}

export function computeSyncStatus(snapshot: SyncSnapshot): SyncStatus {
  if (!snapshot.online) return { kind: 'offline', reason: 'switchedOff' };
  const count = snapshot.peers.length;
  if (count === 0) return snapshot.signalingConnected ? { kind: 'looking' } : { kind: 'offline', reason: 'noSignaling' };
  return snapshot.peers.every((peer) => peer.synced) ? { kind: 'inSync', peers: count } : { kind: 'connected', peers: count };
}
