/**
 * What the sync indicator says, computed from the provider's raw state so it
 * never claims more than is true: "in sync" only when at least one peer is
 * connected and this peer *knows*, from the state vector each peer last
 * reported, that every connected peer holds everything it has and the other
 * way round. Otherwise it says how many peers still wait for our changes and
 * from how many changes are still coming in.
 */
import type { StateVectorGap } from './state-vector-gap';

export type SyncStatus =
  | { kind: 'offline'; reason: 'switchedOff' | 'noSignaling' }
  | { kind: 'looking' }
  | { kind: 'connected'; peers: number; sending: number; receiving: number }
  | { kind: 'inSync'; peers: number };

export interface SyncSnapshot {
  /** The user has not switched to "work offline". */
  readonly online: boolean;
  /** At least one signaling connection (own hub or an extra server) is open. */
  readonly signalingConnected: boolean;
  /**
   * One entry per open WebRTC connection to a peer of this workspace: how far
   * apart we are by the peer's last reported state vector, or undefined while
   * the peer has reported none yet.
   */
  readonly peers: readonly (StateVectorGap | undefined)[];
}

export function computeSyncStatus(snapshot: SyncSnapshot): SyncStatus {
  if (!snapshot.online) return { kind: 'offline', reason: 'switchedOff' };
  const count = snapshot.peers.length;
  if (count === 0) return snapshot.signalingConnected ? { kind: 'looking' } : { kind: 'offline', reason: 'noSignaling' };
  // A peer that has reported nothing yet may lack anything, and may hold anything we lack.
  const sending = snapshot.peers.filter((gap) => gap === undefined || gap.remoteLacks > 0).length;
  const receiving = snapshot.peers.filter((gap) => gap === undefined || gap.localLacks > 0).length;
  return sending === 0 && receiving === 0 ? { kind: 'inSync', peers: count } : { kind: 'connected', peers: count, sending, receiving };
}
