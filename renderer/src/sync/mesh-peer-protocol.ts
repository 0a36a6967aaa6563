/**
 * Hands the data channels of y-webrtc's connections to the mesh sync
 * (shared/sync/mesh): the patched y-webrtc calls `open` when a connection is
 * up, `message` for each message on it and `close` when it ends, and sends
 * nothing of its own on it (patches/y-webrtc+10.3.0.patch).
 *
 * Each connection is one neighbour, named by the remote peer id and a serial
 * number: after glare, y-webrtc can replace a connection to the same peer, and
 * the old one's close must not remove the new one.
 */
import type { MeshSync } from '../../../shared/sync/mesh/mesh-sync';

/** What the protocol uses of y-webrtc's WebrtcConn. */
export interface PeerConn {
  readonly remotePeerId: string;
  readonly peer: { send(data: Uint8Array): void };
  destroy(): void;
}

export interface PeerProtocol {
  open(conn: PeerConn): void;
  message(conn: PeerConn, data: Uint8Array): void;
  close(conn: PeerConn): void;
}

export function createMeshPeerProtocol(mesh: MeshSync): PeerProtocol {
  const ids = new Map<PeerConn, string>();
  let serial = 0;
  const open = (conn: PeerConn): string => {
    let id = ids.get(conn);
    if (id === undefined) {
      id = `${conn.remotePeerId}#${++serial}`;
      ids.set(conn, id);
      mesh.addNeighbour(id, { send: (bytes) => conn.peer.send(bytes), close: () => conn.destroy() });
    }
    return id;
  };
  return {
    open: (conn) => void open(conn),
    // A message can arrive before this side's own 'connect' event: the neighbour is added then.
    message: (conn, data) => mesh.receive(open(conn), new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
    close: (conn) => {
      const id = ids.get(conn);
      if (id === undefined) return;
      ids.delete(conn);
      mesh.removeNeighbour(id);
    },
  };
}
