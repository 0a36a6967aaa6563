/**
 * One workspace document synced peer to peer: y-webrtc over this device's
 * signaling hub (plus any extra servers the user configured), in a room whose
 * name is hashed from the workspace id and key, with the key as y-webrtc's
 * password, and data channels framed so messages of any size arrive.
 *
 * y-webrtc keeps rooms in a module-global map and refuses a second provider
 * for a room that still exists, so starting waits for the previous instance
 * of the same workspace to be fully destroyed.
 *
 * y-webrtc 10.3.0 is patched (patches/y-webrtc+10.3.0.patch) for glare
 * between two peers offering at once, for a disconnected room that stayed
 * reachable (offline edits were then never sent), and to keep the state
 * vector each peer last reported.
 *
 * The status is only "in sync" when it is known: after its own document
 * changes (local edits and updates received alike) this peer reports its
 * state vector to every connected peer as a sync step 1, at most once per
 * STATE_REPORT_DELAY_MS. The peer answers with whatever we lack (sync step 2),
 * so each report also closes any gap left behind.
 */
import * as encoding from 'lib0/encoding';
import { Awareness } from 'y-protocols/awareness';
import { writeSyncStep1 } from 'y-protocols/sync';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { roomNameFor } from '../../../shared/invite/workspace-key';
import type { PresenceUser } from '../../../shared/sync/presence';
import { stateVectorGap } from '../../../shared/sync/state-vector-gap';
import { computeSyncStatus, type SyncStatus } from '../../../shared/sync/sync-status';
import { createFramingWrtc } from './framing-peer-connection';

/** y-webrtc has no event for a signaling socket opening or closing; the status is re-read this often too. */
const STATUS_POLL_MS = 1000;
/** Reports wait this long after a change, so a burst of keystrokes or received updates costs one report per peer. */
const STATE_REPORT_DELAY_MS = 300;
/** y-webrtc's message type for sync messages on its data channels. */
const MESSAGE_SYNC = 0;

/** The fields of y-webrtc's connection object that the status reads (patched y-webrtc keeps the reported state vector). */
interface PeerConn {
  readonly connected: boolean;
  readonly remoteStateVector: Map<number, number> | undefined;
  readonly peer: { send(data: Uint8Array): void };
}

export interface WorkspaceSyncOptions {
  readonly workspaceId: string;
  readonly key: string;
  readonly signalingUrls: readonly string[];
  readonly iceServers: readonly RTCIceServer[];
  readonly user: PresenceUser;
  readonly online: boolean;
}

const stopping = new Map<string, Promise<void>>();

export class WorkspaceSync {
  readonly awareness: Awareness;
  private readonly provider: WebrtcProvider;
  private destroyed = false;
  /** Every peer connection y-webrtc made that is not closed yet, for the file channel. */
  private readonly connections = new Set<RTCPeerConnection>();
  private readonly connectionListeners = new Set<(pc: RTCPeerConnection) => void>();
  /** y-webrtc clears the local presence when it disconnects and never sets it again; it is restored from here. */
  private presenceWhileOffline: Record<string, unknown>;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onDocUpdate = () => {
    this.reportTimer ??= setTimeout(() => {
      this.reportTimer = undefined;
      this.reportState();
    }, STATE_REPORT_DELAY_MS);
  };

  private constructor(
    private readonly doc: Y.Doc,
    private readonly room: string,
    options: WorkspaceSyncOptions,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalStateField('user', options.user);
    this.presenceWhileOffline = { user: options.user };
    this.provider = new WebrtcProvider(room, doc, {
      signaling: [...options.signalingUrls],
      password: options.key,
      awareness: this.awareness,
      peerOpts: { wrtc: createFramingWrtc(undefined, (pc) => this.addConnection(pc)), config: { iceServers: [...options.iceServers] } },
    });
    if (!options.online) this.provider.disconnect();
    doc.on('update', this.onDocUpdate);
  }

  static async start(doc: Y.Doc, options: WorkspaceSyncOptions): Promise<WorkspaceSync> {
    const room = await roomNameFor(options.workspaceId, options.key);
    await stopping.get(room);
    return new WorkspaceSync(doc, room, options);
  }

  private connectedPeers(): PeerConn[] {
    const conns = this.provider.room ? [...this.provider.room.webrtcConns.values()] : [];
    return (conns as unknown as PeerConn[]).filter((conn) => conn.connected);
  }

  status(): SyncStatus {
    const local = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    return computeSyncStatus({
      online: this.provider.shouldConnect,
      signalingConnected: this.provider.signalingConns.some((conn) => conn.connected),
      peers: this.connectedPeers().map((conn) => (conn.remoteStateVector ? stateVectorGap(local, conn.remoteStateVector) : undefined)),
    });
  }

  /** Tells every connected peer our state vector (sync step 1); it answers with what we lack. */
  private reportState(): void {
    if (this.destroyed || !this.provider.shouldConnect) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    writeSyncStep1(encoder, this.doc);
    const message = encoding.toUint8Array(encoder);
    for (const conn of this.connectedPeers()) {
      try {
        conn.peer.send(message);
      } catch (error) {
        // The network edge: a channel closing under us is noticed by y-webrtc, which drops the connection.
        console.warn('Could not report the sync state to a peer', error);
      }
    }
  }

  private addConnection(pc: RTCPeerConnection): void {
    this.connections.add(pc);
    for (const listener of this.connectionListeners) listener(pc);
  }

  /** The live peer connections; closed ones are dropped as they are noticed (a locally closed connection fires no event). */
  peerConnections(): RTCPeerConnection[] {
    for (const pc of this.connections) if (pc.signalingState === 'closed') this.connections.delete(pc);
    return [...this.connections];
  }

  /** Calls `listener` with every live peer connection now and each new one as it is made. */
  onPeerConnection(listener: (pc: RTCPeerConnection) => void): () => void {
    this.connectionListeners.add(listener);
    for (const pc of this.peerConnections()) listener(pc);
    return () => this.connectionListeners.delete(listener);
  }

  setOnline(online: boolean): void {
    if (online === this.provider.shouldConnect) return;
    if (online) {
      if (this.awareness.getLocalState() === null) this.awareness.setLocalState(this.presenceWhileOffline);
      this.provider.connect();
    } else {
      this.presenceWhileOffline = this.awareness.getLocalState() ?? this.presenceWhileOffline;
      this.provider.disconnect();
    }
  }

  /** Calls `listener` whenever peers, sync state or awareness may have changed. */
  subscribe(listener: () => void): () => void {
    const events = ['peers', 'synced', 'status'] as const;
    for (const event of events) this.provider.on(event, listener);
    // Emitted by the patched y-webrtc when a peer reports its state vector.
    const observable = this.provider as unknown as { on(event: string, f: () => void): void; off(event: string, f: () => void): void };
    observable.on('peerState', listener);
    this.awareness.on('change', listener);
    this.doc.on('update', listener);
    const timer = setInterval(listener, STATUS_POLL_MS);
    return () => {
      clearInterval(timer);
      for (const event of events) this.provider.off(event, listener);
      observable.off('peerState', listener);
      this.awareness.off('change', listener);
      this.doc.off('update', listener);
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.reportTimer);
    this.doc.off('update', this.onDocUpdate);
    this.connectionListeners.clear();
    this.connections.clear();
    this.provider.destroy();
    this.awareness.destroy();
    // provider.destroy() removes the room once its key promise settles; our continuation runs after that.
    const done = Promise.resolve(this.provider.key).then(
      () => undefined,
      () => undefined,
    );
    stopping.set(this.room, done);
    void done.then(() => {
      if (stopping.get(this.room) === done) stopping.delete(this.room);
    });
  }
}
