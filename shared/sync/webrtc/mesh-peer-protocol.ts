/**
 * Hands the data channels of y-webrtc's connections to the mesh sync
 * (shared/sync/mesh), but only once the other end has proven who it is
 * (shared/membership/auth-session.ts): the patched y-webrtc calls `open` when
 * a connection is up, `message` for each message on it and `close` when it
 * ends, and sends nothing of its own on it (patches/y-webrtc+10.3.0.patch).
 *
 * Until the other end is proven, nothing of the workspace goes to it and
 * what it sends is held back (it may have proven us first and started the
 * sync); a connection that fails to prove itself is closed, and so is one
 * that has not proven itself within AUTH_TIMEOUT_MS or whose first message
 * is not the protocol's challenge (a stock y-webrtc client opens with its
 * sync step 1).
 *
 * Each connection is one neighbour, named by the remote peer id and a serial
 * number: after glare, y-webrtc can replace a connection to the same peer, and
 * the old one's close must not remove the new one.
 */
import type { AuthBinding, AuthLink, AuthSession as AuthSessionType, Authenticator, VerifiedPeer } from '../../membership/auth-session';
import { AuthSession } from '../../membership/auth-session';
import { isAuthMessage, sdpFingerprint, type RefusalReason } from '../../membership/peer-auth';
import type { MeshSync } from '../mesh/mesh-sync';

/** Proving takes two round trips and a few signatures; a peer silent for this long is not going to. */
export const AUTH_TIMEOUT_MS = 10_000;

/** Messages held back from a peer not proven yet: its HELLO and a first state push fit easily. */
const MAX_HELD_MESSAGES = 256;

/** What the protocol uses of y-webrtc's WebrtcConn. */
export interface PeerConn {
  readonly remotePeerId: string;
  readonly peer: { send(data: Uint8Array): void; readonly _pc?: RTCPeerConnection };
  destroy(): void;
}

export interface PeerProtocol {
  open(conn: PeerConn): void;
  message(conn: PeerConn, data: Uint8Array): void;
  close(conn: PeerConn): void;
}

/** The protocol, plus closing a proven link whose member no longer belongs (removed since). */
export interface GatedPeerProtocol extends PeerProtocol {
  refuseLink(id: string, reason: RefusalReason): void;
}

export interface GateEvents {
  verified(id: string, peer: VerifiedPeer, pc: RTCPeerConnection | undefined): void;
  refused(id: string, reason: RefusalReason, byThem: boolean, remotePeerId: string, soon: boolean): void;
  closed(id: string): void;
}

interface Link {
  readonly id: string;
  readonly session: AuthSessionType;
  readonly held: Uint8Array[];
  proven: boolean;
  /** An honest peer's first message is its challenge; anything else first means it does not prove itself. */
  heardAuth: boolean;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** How long a proof waits for this connection's descriptions to be readable; they are, within milliseconds of the channel opening. */
const BINDING_WAIT_MS = 5_000;

/**
 * How one y-webrtc connection carries a peer-auth session (shared/membership/
 * auth-session.ts): sending that survives a connection already closing, and
 * the binding to this connection's two DTLS fingerprints as the SDPs name
 * them. The peer's first message can come before this end's remote
 * description is readable, so the binding waits for it (signalingstatechange
 * fires as it is set); without both fingerprints the proof cannot be bound to
 * the connection, and the session refuses rather than proves loosely.
 */
export function authLinkOf(conn: PeerConn, room: string): { readonly link: AuthLink; readonly binding: () => Promise<AuthBinding | undefined> } {
  const read = (): AuthBinding | undefined => {
    const pc = conn.peer._pc;
    const localFingerprint = sdpFingerprint(pc?.localDescription?.sdp);
    const remoteFingerprint = sdpFingerprint(pc?.remoteDescription?.sdp);
    return localFingerprint && remoteFingerprint ? { room, localFingerprint, remoteFingerprint } : undefined;
  };
  const binding = (): Promise<AuthBinding | undefined> =>
    new Promise((resolve) => {
      const pc = conn.peer._pc;
      const now = read();
      if (now || !pc) return resolve(now);
      const check = (): void => {
        const known = read();
        if (known) done(known);
      };
      const done = (known: AuthBinding | undefined): void => {
        clearTimeout(timer);
        pc.removeEventListener('signalingstatechange', check);
        resolve(known);
      };
      const timer = setTimeout(() => done(read()), BINDING_WAIT_MS);
      pc.addEventListener('signalingstatechange', check);
    });
  const send = (bytes: Uint8Array): void => {
    try {
      conn.peer.send(bytes);
    } catch (error) {
      console.warn('Peer auth: could not send on a closing connection', error);
    }
  };
  return { link: { send, close: () => conn.destroy() }, binding };
}

export function createMeshPeerProtocol(mesh: MeshSync, auth: Authenticator, room: string, events: GateEvents): GatedPeerProtocol {
  const links = new Map<PeerConn, Link>();
  let serial = 0;
  const linkOf = (conn: PeerConn): Link => {
    const existing = links.get(conn);
    if (existing) return existing;
    const id = `${conn.remotePeerId}#${++serial}`;
    const held: Uint8Array[] = [];
    const { link: authLink, binding } = authLinkOf(conn, room);
    const link: Link = {
      id,
      held,
      proven: false,
      heardAuth: false,
      timer: setTimeout(() => link.session.fail('timeout', false), AUTH_TIMEOUT_MS),
      session: new AuthSession(authLink, auth, binding, {
        verified: (peer) => {
          clearTimeout(link.timer);
          link.proven = true;
          mesh.addNeighbour(id, authLink);
          events.verified(id, peer, conn.peer._pc);
          for (const bytes of held.splice(0)) mesh.receive(id, bytes);
        },
        failed: (reason, byThem, soon) => {
          clearTimeout(link.timer);
          events.refused(id, reason, byThem, conn.remotePeerId, soon ?? false);
        },
      }),
    };
    links.set(conn, link);
    return link;
  };
  return {
    refuseLink: (id, reason) => {
      for (const link of links.values()) if (link.id === id) link.session.fail(reason, false);
    },
    open: (conn) => void linkOf(conn),
    // A message can arrive before this side's own 'connect' event: the link starts then.
    message: (conn, data) => {
      const link = linkOf(conn);
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (isAuthMessage(bytes)) {
        link.heardAuth = true;
        link.session.receive(bytes);
      } else if (!link.heardAuth) link.session.fail('notMember', false);
      else if (link.proven) mesh.receive(link.id, bytes);
      else if (link.held.length < MAX_HELD_MESSAGES) link.held.push(bytes);
      else link.session.fail('badProof', false);
    },
    close: (conn) => {
      const link = links.get(conn);
      if (!link) return;
      clearTimeout(link.timer);
      links.delete(conn);
      if (link.proven) mesh.removeNeighbour(link.id);
      events.closed(link.id);
    },
  };
}
