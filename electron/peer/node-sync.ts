/**
 * The always-on region peer (issue 15): a member device without a window,
 * in Node, that holds a region's workspace and the confidential rooms it is
 * given, and syncs with every partner who comes online, so a partner who
 * opens the app after everyone else has left still gets the latest work.
 *
 * Design (this module is step 1: the app's sync running in Node):
 *
 * - Same code, not a copy. The peer runs shared/sync/webrtc (y-webrtc with
 *   the project's patch, the framing, proven membership, the mesh, signed
 *   changes and the write rules on receive) exactly as the app does. Node
 *   has no WebRTC and no WebSocket, so this module supplies them:
 *   @roamhq/wrtc (the maintained fork of node-webrtc, the W3C
 *   RTCPeerConnection that simple-peer is written for, with prebuilt
 *   binaries from the npm registry) and `ws`. Rejected: node-datachannel
 *   (its polyfill is a partial W3C surface, and its binaries come from
 *   GitHub releases, which this project's machines cannot reach) and werift
 *   (pure TypeScript, but its own API rather than RTCPeerConnection).
 *   @roamhq/wrtc never fires `bufferedamountlow`, which the framing's
 *   backpressure waits on: buffered-amount-low.ts emulates it.
 * - A device, not a new person. The peer joins the way a second laptop
 *   does (shared/membership/device-link.ts): `npm run peer -- link` makes
 *   its own keys (kept in DIR, never sent) and prints a link request; the
 *   person who runs it pastes that in the app (Apparaat koppelen), compares
 *   the six digits, and gives the peer the link code (`--invite CODE`). So
 *   the peer appears in the member list as a device of that person's
 *   organisation, holds exactly what that person's devices may hold, and is
 *   removed like any device (removal rotates the keys it held). Like any
 *   device it follows a rotated key when someone else is removed
 *   (peer-document.ts).
 * - Stored with an existing engine: y-leveldb (LevelDB through `level`) in
 *   DIR, one database for every document it holds (workspace and rooms),
 *   with sublevels for the signed-change log (the ChangeStore interface the
 *   app's Dexie store implements), its keys, and the partners it has seen.
 * - `npm run peer -- status --data DIR` prints what it holds (documents,
 *   sizes, members) and who it has seen when; a wrong or damaged code exits
 *   with the app's own message (shared/errors) and status 2.
 * - Signaling: the hubs the link code names plus any configured servers,
 *   which may be stock y-webrtc servers (room names are hashed from the key
 *   and the workspace id; the server sees no content and no names).
 */
import wrtc from '@roamhq/wrtc';
import { WebSocket } from 'ws';
import type * as Y from 'yjs';
import type { FramingWrtc } from '../../shared/sync/webrtc/framing-peer-connection';
import { WorkspaceSync, type WorkspaceSyncOptions } from '../../shared/sync/webrtc/workspace-sync';
import { emulateBufferedAmountLow } from './buffered-amount-low';

/** y-webrtc opens its signaling connections with the browser's WebSocket global; Node 20 has none. */
function installWebSocket(): void {
  const scope = globalThis as { WebSocket?: unknown };
  scope.WebSocket ??= WebSocket;
}

/** The app's sync of one document, in Node: WebRTC from @roamhq/wrtc, signaling over `ws`. */
export function startNodeSync(doc: Y.Doc, options: Omit<WorkspaceSyncOptions, 'wrtc'>): Promise<WorkspaceSync> {
  installWebSocket();
  emulateBufferedAmountLow(wrtc.RTCDataChannel);
  return WorkspaceSync.start(doc, { ...options, wrtc: wrtc as unknown as FramingWrtc });
}
