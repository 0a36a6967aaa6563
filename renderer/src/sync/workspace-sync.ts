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
 * between two peers offering at once and for peers never marked synced.
 */
import { Awareness } from 'y-protocols/awareness';
import { WebrtcProvider } from 'y-webrtc';
import type * as Y from 'yjs';
import { roomNameFor } from '../../../shared/invite/workspace-key';
import type { PresenceUser } from '../../../shared/sync/presence';
import { computeSyncStatus, type SyncStatus } from '../../../shared/sync/sync-status';
import { createFramingWrtc } from './framing-peer-connection';

/** y-webrtc has no event for a signaling socket opening or closing; the status is re-read this often too. */
const STATUS_POLL_MS = 1000;

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

  private constructor(
    doc: Y.Doc,
    private readonly room: string,
    options: WorkspaceSyncOptions,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalStateField('user', options.user);
    this.provider = new WebrtcProvider(room, doc, {
      signaling: [...options.signalingUrls],
      password: options.key,
      awareness: this.awareness,
      peerOpts: { wrtc: createFramingWrtc(undefined, (pc) => this.addConnection(pc)), config: { iceServers: [...options.iceServers] } },
    });
    if (!options.online) this.provider.disconnect();
  }

  static async start(doc: Y.Doc, options: WorkspaceSyncOptions): Promise<WorkspaceSync> {
    const room = await roomNameFor(options.workspaceId, options.key);
    await stopping.get(room);
    return new WorkspaceSync(doc, room, options);
  }

  status(): SyncStatus {
    const conns = this.provider.room ? [...this.provider.room.webrtcConns.values()] : [];
    return computeSyncStatus({
      online: this.provider.shouldConnect,
      signalingConnected: this.provider.signalingConns.some((conn) => conn.connected),
      peers: conns.filter((conn) => conn.connected).map((conn) => ({ synced: conn.synced })),
    });
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
    if (online) this.provider.connect();
    else this.provider.disconnect();
  }

  /** Calls `listener` whenever peers, sync state or awareness may have changed. */
  subscribe(listener: () => void): () => void {
    const events = ['peers', 'synced', 'status'] as const;
    for (const event of events) this.provider.on(event, listener);
    this.awareness.on('change', listener);
    const timer = setInterval(listener, STATUS_POLL_MS);
    return () => {
      clearInterval(timer);
      for (const event of events) this.provider.off(event, listener);
      this.awareness.off('change', listener);
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
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
