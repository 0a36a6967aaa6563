/**
 * A lobby on a workspace's or room's old key (shared/membership/key-rotation.ts): the
 * room the old key names, where members who were away during a rotation
 * still look. Each connection is proven, and a proven member is handed the
 * rotation records and nothing else (shared/membership/rotation-lobby.ts).
 *
 * The lobby announces itself only for LOBBY_ANNOUNCE_MS after it opens (so
 * lobbies of devices that moved to different rotations at the same moment
 * meet and settle on one); after that it only answers the announcements of
 * members who are looking (maxConns 0 then: y-webrtc announces only below it), so
 * devices that both keep a lobby do not keep connecting to each other. A
 * member it has served is not answered again for SERVED_BACKOFF_MS: one whose
 * device could not open its box would otherwise be served every few seconds.
 */
import { Awareness } from 'y-protocols/awareness';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { roomNameFor } from '../../../shared/invite/workspace-key';
import type { AuthSession } from '../../../shared/membership/auth-session';
import { isAuthMessage } from '../../../shared/membership/peer-auth';
import { startLobbySession, type LobbyAuthenticator } from '../../../shared/membership/rotation-lobby';
import { LOBBY_ANNOUNCE_MS } from '../../../shared/membership/key-rotation';
import { CONNECT_TIMEOUT_MS, REANNOUNCE_MS } from '../../../shared/sync/mesh/topology';
import { peerConnectionConfig } from '../../../shared/sync/ice-server';
import { createFramingWrtc } from '../../../shared/sync/webrtc/framing-peer-connection';
import type { PeerReachOptions } from '../../../shared/sync/webrtc/workspace-sync';
import type { PeerConn, PeerProtocol } from '../../../shared/sync/webrtc/mesh-peer-protocol';
import { AUTH_TIMEOUT_MS, authLinkOf } from '../../../shared/sync/webrtc/mesh-peer-protocol';
import { claimRoom } from '../../../shared/sync/webrtc/room-claims';

/** While a lobby still announces itself: y-webrtc announces only below this many connections (a lobby's are brief). */
const ANNOUNCING_MAX_CONNS = 8;

/** A member served once has what the lobby has; answering them again soon helps nobody. */
const SERVED_BACKOFF_MS = 60_000;

export interface RotationLobbyOptions extends PeerReachOptions {
  /** The workspace's or room's id: with the old key, it names the old room. */
  readonly documentId: string;
  /** The old key this lobby is for. */
  readonly key: string;
  readonly membership: LobbyAuthenticator;
}

export class RotationLobby {
  private readonly provider: WebrtcProvider;
  private readonly doc = new Y.Doc();
  private readonly awareness = new Awareness(this.doc);
  private readonly backoff = new Map<string, number>();
  private readonly sessions = new Map<PeerConn, { session: AuthSession; timer: ReturnType<typeof setTimeout> }>();
  private readonly announceTimer: ReturnType<typeof setInterval>;

  private constructor(
    room: string,
    options: RotationLobbyOptions,
    private readonly releaseRoom: () => void,
  ) {
    const protocol: PeerProtocol = {
      open: (conn) => void this.sessionOf(conn, room, options.membership),
      message: (conn, data) => {
        const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        // A lobby speaks nothing but the proof: a looking member's sync messages are not for it.
        if (isAuthMessage(bytes)) this.sessionOf(conn, room, options.membership).receive(bytes);
      },
      close: (conn) => {
        clearTimeout(this.sessions.get(conn)?.timer);
        this.sessions.delete(conn);
      },
    };
    this.provider = new WebrtcProvider(room, this.doc, {
      signaling: [...options.signalingUrls],
      password: options.key,
      awareness: this.awareness,
      peerOpts: { wrtc: createFramingWrtc(), config: peerConnectionConfig(options.iceServers, options.relayOnly) },
      maxConns: ANNOUNCING_MAX_CONNS,
      // Passed through y-webrtc's untyped options (the patch reads them).
      ...{
        peerProtocol: protocol,
        answersAnnouncement: () => true,
        refusesPeer: (peerId: string) => (this.backoff.get(peerId) ?? 0) > Date.now(),
        connectTimeout: CONNECT_TIMEOUT_MS,
      },
    });
    const openedAt = Date.now();
    this.announceTimer = setInterval(() => {
      if (Date.now() - openedAt <= LOBBY_ANNOUNCE_MS) return (this.provider.room as unknown as { announce(): void } | null)?.announce();
      // From now on only answering: y-webrtc announces only below maxConns.
      this.provider.maxConns = 0;
      clearInterval(this.announceTimer);
    }, REANNOUNCE_MS);
  }

  static async start(options: RotationLobbyOptions): Promise<RotationLobby> {
    const room = await roomNameFor(options.documentId, options.key);
    // The document's own sync may still hold this room (it moves to the new key at about the same moment).
    return new RotationLobby(room, options, await claimRoom(room));
  }

  private sessionOf(conn: PeerConn, room: string, membership: LobbyAuthenticator): AuthSession {
    const existing = this.sessions.get(conn);
    if (existing) return existing.session;
    const { link, binding } = authLinkOf(conn, room);
    const session = startLobbySession(link, membership, binding, {
      verified: () => this.backoff.set(conn.remotePeerId, Date.now() + SERVED_BACKOFF_MS),
      failed: () => this.backoff.set(conn.remotePeerId, Date.now() + SERVED_BACKOFF_MS),
    });
    const timer = setTimeout(() => session.fail('timeout', false), AUTH_TIMEOUT_MS);
    this.sessions.set(conn, { session, timer });
    return session;
  }

  destroy(): void {
    clearInterval(this.announceTimer);
    for (const { timer } of this.sessions.values()) clearTimeout(timer);
    this.sessions.clear();
    this.provider.destroy();
    this.awareness.destroy();
    // The room is gone from y-webrtc's map once the provider's key promise settles.
    void Promise.resolve(this.provider.key)
      .catch(() => undefined)
      .then(() => this.doc.destroy())
      .finally(this.releaseRoom);
  }
}
