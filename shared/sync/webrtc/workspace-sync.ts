/**
 * One workspace document (or confidential room) synced peer to peer: y-webrtc
 * finds peers over this device's signaling hub (plus any extra servers the
 * user configured) in a room whose name is hashed from the id and key, with
 * the key as y-webrtc's password, and makes the connections, whose data
 * channels are framed so messages of any size arrive. What goes over those
 * channels is the mesh sync's (shared/sync/mesh): each change crosses the
 * room about once, reaching peers this one is not connected to, and each peer
 * keeps only a few connections (shared/sync/mesh/topology.ts).
 *
 * y-webrtc keeps rooms in a module-global map and refuses a second provider
 * for a room that still exists, so starting waits until whatever held the
 * same room (an earlier instance, a lobby) is fully destroyed (room-claims.ts).
 *
 * y-webrtc 10.3.0 is patched (patches/y-webrtc+10.3.0.patch): glare between
 * two peers offering at once; a disconnected room that stayed reachable
 * (offline edits were then never sent); the data channels handed to a peer
 * protocol; who answers an announcement decided here; peers refused lately
 * neither answered nor taken up (REFUSED_BACKOFF_MS); only an offer starts a
 * connection (a stray candidate used to start one that never opened and kept
 * the pair apart for good); and a connection not open after
 * CONNECT_TIMEOUT_MS given up.
 */
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import { WebrtcProvider } from 'y-webrtc';
import type * as Y from 'yjs';
import { roomNameFor } from '../../invite/workspace-key';
import type { Authenticator, VerifiedPeer } from '../../membership/auth-session';
import type { RefusalReason } from '../../membership/peer-auth';
import { verifyWithPublicKeyText } from '../../crypto/identity-keys';
import type { DocumentKind } from '../../rules/write-rules';
import type { MemberRef } from '../../membership/membership-record';
import { MAX_SHOWN_REFUSALS, SignedChangeLog, type ChangeRefusal, type ChangeStore } from '../signed-changes/signed-change-log';
import { LEAVE_GRACE_MS, MeshSync, type NeighbourSummary } from '../mesh/mesh-sync';
import { answersAnnouncement, CONNECT_TIMEOUT_MS, REANNOUNCE_MS, TARGET_DEGREE } from '../mesh/topology';
import { presentMembers, PresenceUserSchema, type PresenceUser } from '../presence';
import { computeSyncStatus, signalingState, type SyncStatus } from '../sync-status';
import { hasTurnServer, peerConnectionConfig } from '../ice-server';
import { ConnectAttempts, connectionRoute, type ConnectionRoute } from './connection-routes';
import { createFramingWrtc, type FramingWrtc } from './framing-peer-connection';
import { createMeshPeerProtocol } from './mesh-peer-protocol';
import { claimRoom } from './room-claims';

/** y-webrtc has no event for a signaling socket opening or closing; the status is re-read this often too. */
const STATUS_POLL_MS = 1000;

/** A peer that floods, by name when its presence is known. */
export interface FloodingPeer {
  readonly origin: number;
  readonly name: string | undefined;
  readonly dropped: number;
}

/** A partner's change that was refused, with who signed it as the member list names them. */
export interface NamedChangeRefusal extends ChangeRefusal {
  readonly member: MemberRef | undefined;
}

/** A connection that was refused, either way, kept for the connections view. */
export interface Refusal {
  readonly reason: RefusalReason;
  /** True when the other end refused us. */
  readonly byThem: boolean;
  readonly at: number;
}

/** The connections view lists this many recent refusals; older ones say nothing new. */
const MAX_REFUSALS = 10;

/**
 * A peer refused for a reason that does not mend itself in seconds (not a
 * member, removed, a bad invite) is not answered or connected to again for
 * this long: without it, a client that cannot prove itself makes every
 * honest peer set up a connection several times a second.
 */
export const REFUSED_BACKOFF_MS = 60_000;
const LASTING_REFUSALS: ReadonlySet<RefusalReason> = new Set(['notMember', 'badProof', 'removed', 'inviteUsed', 'inviteExpired', 'inviteRevoked', 'inviteInvalid', 'otherWorkspace', 'otherVersion']);

/** How a sync reaches partners: the signaling servers, the STUN/TURN servers, and whether only through a relay. */
export interface PeerReachOptions {
  readonly signalingUrls: readonly string[];
  readonly iceServers: readonly RTCIceServer[];
  /** Only relay candidates (iceTransportPolicy 'relay'): partners never see this device's addresses. */
  readonly relayOnly?: boolean;
}

export interface WorkspaceSyncOptions extends PeerReachOptions {
  readonly workspaceId: string;
  readonly key: string;
  readonly user: PresenceUser;
  readonly online: boolean;
  /** Proves this device to every peer and checks every peer before anything is sent (shared/membership). */
  readonly membership: Authenticator;
  /** A workspace or a confidential room: which write rules hold (shared/rules/write-rules.ts). */
  readonly documentKind?: DocumentKind;
  /** Where this device keeps the signed changes it holds, to answer partners' catch-ups after a restart. */
  readonly changeStore?: ChangeStore;
  /** Kept changes between two checkpoints on the founder's device (default CHECKPOINT_EVERY; smaller in tests). */
  readonly checkpointEvery?: number;
  /** WebRTC where the platform has none of its own (Node: the region peer); the browser's by default. */
  readonly wrtc?: FramingWrtc;
}

export class WorkspaceSync {
  readonly awareness: Awareness;
  private readonly provider: WebrtcProvider;
  private destroyed = false;
  /** Every peer connection y-webrtc made that is not closed yet, for the file channel. */
  private readonly connections = new Set<RTCPeerConnection>();
  private readonly connectionListeners = new Set<(pc: RTCPeerConnection) => void>();
  /** y-webrtc clears the local presence when it disconnects and never sets it again; it is restored from here. */
  private presenceWhileOffline: Record<string, unknown>;
  private readonly mesh: MeshSync;
  private readonly reannounceTimer: ReturnType<typeof setInterval>;
  /** What the user asked for; the provider follows LEAVE_GRACE_MS later when going offline, so the goodbye gets out. */
  private wantOnline: boolean;
  private leaveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Neighbour id → who proved to be on the other end, and over which connection. */
  private readonly verifiedPeers = new Map<string, VerifiedPeer>();
  private readonly neighbourConnections = new Map<string, RTCPeerConnection>();
  private readonly attempts: ConnectAttempts;
  private refusalLog: Refusal[] = [];
  /** y-webrtc peer id → until when it is not answered (REFUSED_BACKOFF_MS). */
  private readonly refusedPeers = new Map<string, number>();
  private readonly stopMembership: () => void;
  private removedMemberIds: ReadonlySet<string> = new Set();
  private readonly dropRemovedPresence = (): void => {
    if (this.removedMemberIds.size === 0) return;
    const gone = [...this.awareness.getStates()]
      .filter(([client, state]) => client !== this.awareness.clientID && this.removedMemberIds.has(String((state as { user?: { memberId?: unknown } }).user?.memberId)))
      .map(([client]) => client);
    if (gone.length > 0) removeAwarenessStates(this.awareness, gone, 'removed');
  };

  private readonly changeLog: SignedChangeLog | undefined;
  private readonly refusalListeners = new Set<() => void>();
  private readonly stopRefusals: () => void;
  private namedRefusals: NamedChangeRefusal[] = [];

  private constructor(
    private readonly doc: Y.Doc,
    room: string,
    options: WorkspaceSyncOptions,
    changeLog: SignedChangeLog | undefined,
    private readonly releaseRoom: () => void,
  ) {
    this.changeLog = changeLog;
    // The network edge: a partner's change that breaks a rule is refused by the log, logged here, and shown.
    this.stopRefusals =
      changeLog?.onRefusal((refusal) => {
        console.warn(`signed changes: refused a change by ${refusal.signer}: ${JSON.stringify(refusal.cause)}`);
        void (options.membership.memberNamed?.(refusal.signer) ?? Promise.resolve(undefined))
          .catch(() => undefined)
          .then((member) => {
            this.namedRefusals = [...this.namedRefusals, { ...refusal, member }].slice(-MAX_SHOWN_REFUSALS);
            for (const listener of this.refusalListeners) listener();
          });
      }) ?? (() => {});
    this.attempts = new ConnectAttempts(hasTurnServer(options.iceServers));
    this.awareness = new Awareness(doc);
    this.awareness.setLocalStateField('user', options.user);
    this.presenceWhileOffline = { user: options.user };
    // The network edge: a partner's damaged message is logged here and dropped.
    this.mesh = new MeshSync(doc, this.awareness, { warn: (message, detail) => console.warn(message, detail), ...(changeLog ? { changes: changeLog } : {}) });
    const protocol = createMeshPeerProtocol(this.mesh, options.membership, room, {
      verified: (id, peer, pc) => {
        this.verifiedPeers.set(id, peer);
        if (!pc) return;
        this.neighbourConnections.set(id, pc);
        this.addConnection(pc);
      },
      refused: (_id, reason, byThem, remotePeerId, soon) => {
        const now = Date.now();
        this.refusalLog = [{ reason, byThem, at: now }, ...this.refusalLog].slice(0, MAX_REFUSALS);
        if (!byThem && !soon && LASTING_REFUSALS.has(reason)) this.refusedPeers.set(remotePeerId, now + REFUSED_BACKOFF_MS);
      },
      closed: (id) => {
        this.verifiedPeers.delete(id);
        this.neighbourConnections.delete(id);
      },
    });
    // A member removed while connected is cut off at once, not at the next connection, and their presence goes.
    this.stopMembership = options.membership.onChange?.(() => {
      this.mesh.retryChanges();
      for (const [id, peer] of this.verifiedPeers) {
        void options.membership.admits?.(peer).then((admitted) => {
          if (!admitted && this.verifiedPeers.get(id) === peer) protocol.refuseLink(id, 'removed');
        });
      }
      void options.membership.removedMemberIds?.().then((ids) => {
        this.removedMemberIds = ids;
        this.dropRemovedPresence();
      });
    }) ?? (() => {});
    // Presence of a removed member relayed by a partner who does not know of the removal yet is dropped too.
    this.awareness.on('change', this.dropRemovedPresence);
    // Passed through y-webrtc's untyped options (the patch reads them).
    const meshOptions = {
      peerProtocol: protocol,
      refusesPeer: (peerId: string) => {
        const until = this.refusedPeers.get(peerId);
        if (until === undefined) return false;
        if (until > Date.now()) return true;
        this.refusedPeers.delete(peerId);
        return false;
      },
      answersAnnouncement: (degree: number, announcerDegree?: number) => answersAnnouncement(degree, Math.max(0, this.awareness.getStates().size - 1), Math.random, announcerDegree),
      // y-webrtc announces itself (on start and when a connection closes) only below this many connections.
      maxConns: TARGET_DEGREE,
      connectTimeout: CONNECT_TIMEOUT_MS,
    };
    this.provider = new WebrtcProvider(room, doc, {
      signaling: [...options.signalingUrls],
      password: options.key,
      awareness: this.awareness,
      // Peer connections reach the file channel only once proven (addConnection above), never at creation.
      peerOpts: { wrtc: createFramingWrtc(undefined, this.attempts, options.wrtc), config: peerConnectionConfig(options.iceServers, options.relayOnly) },
      ...meshOptions,
    });
    this.wantOnline = options.online;
    if (!options.online) this.provider.disconnect();
    this.reannounceTimer = setInterval(() => {
      if (this.wantOnline && this.mesh.degree < TARGET_DEGREE) (this.provider.room as unknown as { announce(): void } | null)?.announce();
    }, REANNOUNCE_MS);
  }

  static async start(doc: Y.Doc, options: WorkspaceSyncOptions): Promise<WorkspaceSync> {
    const room = await roomNameFor(options.workspaceId, options.key);
    const release = await claimRoom(room);
    try {
      const changeLog = await WorkspaceSync.openChangeLog(doc, options);
      return new WorkspaceSync(doc, room, options, changeLog, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  private static async openChangeLog(doc: Y.Doc, options: WorkspaceSyncOptions): Promise<SignedChangeLog | undefined> {
    const { membership } = options;
    const { signer } = membership;
    if (!membership.standingOf || !membership.trustedFounderKey || !signer) return undefined;
    const standingOf = membership.standingOf.bind(membership);
    const founderKey = membership.trustedFounderKey.bind(membership);
    const log = new SignedChangeLog(doc, {
      documentId: options.workspaceId,
      kind: options.documentKind ?? 'workspace',
      signer,
      standingOf,
      founderKey,
      verify: verifyWithPublicKeyText,
      ...(options.changeStore ? { store: options.changeStore } : {}),
      ...(options.checkpointEvery !== undefined ? { checkpointEvery: options.checkpointEvery } : {}),
      warn: (message, detail) => console.warn(message, detail),
    });
    await log.open();
    return log;
  }

  /** Signs work made while offline now, so the kept changes hold it (before an export or for the history). */
  async sealOffline(): Promise<void> {
    await this.mesh.sealOffline();
    await this.changeLog?.stored();
  }

  /**
   * Signed changes from a workspace file (sneakernet), taken as changes from
   * the room are: checked by the change log, applied, kept, and so handed on
   * in partners' catch-ups. Their origin is the mesh, so they are not
   * signed again as this device's own.
   */
  async importChanges(changes: readonly Uint8Array[]): Promise<{ refused: number; changed: boolean }> {
    const log = this.changeLog;
    let changed = false;
    const noteChange = (_update: Uint8Array, origin: unknown) => {
      if (origin === this.mesh) changed = true;
    };
    if (!log) throw new Error('this workspace is open (from before proven membership): it takes no signed changes from a file');
    let refused = 0;
    const stop = log.onRefusal(() => (refused += 1));
    this.doc.on('update', noteChange);
    try {
      await log.receive(changes, this.mesh);
    } finally {
      stop();
      this.doc.off('update', noteChange);
    }
    return { refused, changed };
  }

  status(): SyncStatus {
    return computeSyncStatus({
      online: this.wantOnline,
      signaling: signalingState(this.provider.signalingConns),
      peers: this.mesh.neighbourSummaries(),
      cannotConnect: this.attempts.problem(),
    });
  }

  /** Neighbour id → whether its connection runs directly or through a TURN relay, for those whose statistics say. */
  async routes(): Promise<ReadonlyMap<string, ConnectionRoute>> {
    const read = await Promise.all([...this.neighbourConnections].map(async ([id, pc]) => [id, await connectionRoute(pc)] as const));
    return new Map(read.filter((entry): entry is readonly [string, ConnectionRoute] => entry[1] !== undefined));
  }

  /** The peers this one is directly connected to, named by their presence where known, for the connections view. */
  neighbours(): (NeighbourSummary & { readonly name: string | undefined; readonly verified: VerifiedPeer | undefined })[] {
    return this.mesh.neighbourSummaries().map((neighbour) => {
      const verified = this.verifiedPeers.get(neighbour.id);
      const presenceName = neighbour.origin === undefined ? undefined : this.nameOf(neighbour.origin);
      return { ...neighbour, name: verified?.member.displayName ?? presenceName, verified };
    });
  }

  /** Partners' changes refused lately (they broke a write rule, or their signer was removed), oldest first. */
  changeRefusals(): readonly NamedChangeRefusal[] {
    return this.namedRefusals;
  }

  /** Connections refused lately, newest first. */
  refusals(): readonly Refusal[] {
    return this.refusalLog;
  }

  /** How many other peers are present in the room (by presence), connected directly or not. */
  roomSize(): number {
    return presentMembers(this.awareness.getStates(), this.awareness.clientID, '').length;
  }

  private nameOf(origin: number): string | undefined {
    const user = PresenceUserSchema.safeParse((this.awareness.getStates().get(origin) as { user?: unknown } | undefined)?.user);
    return user.success ? user.data.displayName : undefined;
  }

  /** Peers whose changes were dropped lately for coming faster than the flood limit, named by their presence. */
  floodingPeers(): FloodingPeer[] {
    return this.mesh.flooding().map(({ origin, dropped }) => ({ origin, dropped, name: this.nameOf(origin) }));
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
    if (online === this.wantOnline || this.destroyed) return;
    this.wantOnline = online;
    clearTimeout(this.leaveTimer);
    this.leaveTimer = undefined;
    if (online) {
      if (this.awareness.getLocalState() === null) this.awareness.setLocalState(this.presenceWhileOffline);
      if (!this.provider.shouldConnect) this.provider.connect();
    } else {
      this.presenceWhileOffline = this.awareness.getLocalState() ?? this.presenceWhileOffline;
      this.mesh.leave();
      this.leaveTimer = setTimeout(() => {
        this.leaveTimer = undefined;
        if (!this.wantOnline && !this.destroyed) this.provider.disconnect();
      }, LEAVE_GRACE_MS);
    }
  }

  /** Calls `listener` whenever peers, sync state or awareness may have changed. */
  subscribe(listener: () => void): () => void {
    const events = ['peers', 'synced', 'status'] as const;
    for (const event of events) this.provider.on(event, listener);
    this.awareness.on('change', listener);
    const stopMesh = this.mesh.onChange(listener);
    this.refusalListeners.add(listener);
    const timer = setInterval(listener, STATUS_POLL_MS);
    return () => {
      clearInterval(timer);
      for (const event of events) this.provider.off(event, listener);
      this.awareness.off('change', listener);
      stopMesh();
      this.refusalListeners.delete(listener);
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.reannounceTimer);
    clearTimeout(this.leaveTimer);
    this.stopMembership();
    this.stopRefusals();
    this.refusalListeners.clear();
    this.connectionListeners.clear();
    this.connections.clear();
    this.neighbourConnections.clear();
    this.mesh.leave();
    // The goodbye gets LEAVE_GRACE_MS to leave; a new provider of the same room waits for all of this (room-claims.ts).
    void new Promise<void>((resolve) => setTimeout(resolve, LEAVE_GRACE_MS))
      .then(() => {
        this.provider.destroy();
        this.mesh.destroy();
        this.awareness.destroy();
        // provider.destroy() removes the room once its key promise settles; our continuation runs after that.
        return Promise.resolve(this.provider.key).then(
          () => undefined,
          () => undefined,
        );
      })
      .finally(this.releaseRoom);
  }
}
