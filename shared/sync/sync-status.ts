/**
 * What the sync indicator says, computed from the sync's raw state so it
 * never claims more than is true: "in sync" only when at least one peer is
 * connected and this peer *knows* that every directly connected peer holds
 * exactly what it holds (each neighbour's last state digest, a hash of its
 * state vector and delete set, equals ours; see mesh/mesh-sync.ts).
 * Otherwise it says how many connected peers are not even with us yet, and
 * how many of those cannot be, because they run another version. With no
 * connection while partners are known to be there, it says why attempts fail.
 */
import type { ConnectProblem } from './webrtc/connection-routes';

export type SyncStatus =
  | { kind: 'offline'; reason: 'switchedOff' | 'noSignaling' }
  | { kind: 'connecting' }
  | { kind: 'looking'; cannotConnect?: ConnectProblem }
  | { kind: 'connected'; peers: number; pending: number; otherVersion: number }
  | { kind: 'inSync'; peers: number };

export interface SyncSnapshot {
  /** Why the latest connection attempts failed, while that is recent (webrtc/connection-routes.ts). */
  readonly cannotConnect?: ConnectProblem | undefined;
  /** The user has not switched to "work offline". */
  readonly online: boolean;
  /**
   * Whether a signaling connection (own hub or an extra server) is open;
   * 'firstAttempt' while none is and at least one is still on its first try,
   * which is not yet a reason to say "offline" (it would flash by on every
   * opening of a workspace).
   */
  readonly signaling: 'connected' | 'firstAttempt' | 'none';
  /**
   * One entry per directly connected peer: whether its last digest equals
   * ours, or undefined while it has sent none; a problem when it speaks
   * another protocol or version (nothing of it is applied).
   */
  readonly peers: readonly { readonly even: boolean | undefined; readonly problem?: unknown }[];
}

export function computeSyncStatus(snapshot: SyncSnapshot): SyncStatus {
  if (!snapshot.online) return { kind: 'offline', reason: 'switchedOff' };
  const count = snapshot.peers.length;
  if (count === 0) {
    if (snapshot.signaling === 'connected') return snapshot.cannotConnect ? { kind: 'looking', cannotConnect: snapshot.cannotConnect } : { kind: 'looking' };
    return snapshot.signaling === 'firstAttempt' ? { kind: 'connecting' } : { kind: 'offline', reason: 'noSignaling' };
  }
  const pending = snapshot.peers.filter((peer) => peer.even !== true || peer.problem !== undefined).length;
  const otherVersion = snapshot.peers.filter((peer) => peer.problem !== undefined).length;
  return pending === 0 ? { kind: 'inSync', peers: count } : { kind: 'connected', peers: count, pending, otherVersion };
}

/** The part of a signaling socket (lib0's WebsocketClient, under y-webrtc) the status reads. */
export interface SignalingSocketState {
  readonly connected: boolean;
  readonly connecting: boolean;
  readonly unsuccessfulReconnects: number;
}

export function signalingState(sockets: readonly SignalingSocketState[]): SyncSnapshot['signaling'] {
  if (sockets.some((socket) => socket.connected)) return 'connected';
  return sockets.some((socket) => socket.connecting && socket.unsuccessfulReconnects === 0) ? 'firstAttempt' : 'none';
}
