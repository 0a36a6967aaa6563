/**
 * The region peer at work: each workspace it was linked to, and each of the
 * person's confidential rooms in them, loaded from its store and synced with
 * the app's own sync (node-sync.ts) through the hubs the link code named
 * plus any signaling servers given, as this person's device. Every update it takes is stored as it happens; every signed change
 * is kept for partners' catch-ups. While it runs it writes `status.json`
 * (LevelDB allows one process, so `status` reads this file meanwhile).
 */
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { Authenticator } from '../../shared/membership/auth-session';
import { WorkspaceMembership } from '../../shared/membership/workspace-membership';
import { ROOM_RECORD_ROOTS } from '../../shared/rooms/room-doc';
import { RoomKeys, roomAuthenticator } from '../../shared/rooms/room-keys';
import { presentMembers } from '../../shared/sync/presence';
import type { IceServerEntry } from '../../shared/sync/ice-server';
import type { WorkspaceSync } from '../../shared/sync/webrtc/workspace-sync';
import { DOCUMENT_COLLECTIONS } from '../../shared/workspace-doc/collections';
import { loadIdentity, PeerIdentityError, saveRotatedKey } from './peer-identity';
import { PeerStore } from './peer-store';
import { HeldDocument, type HeldKind, type KeyFollower } from './peer-document';

const STATUS_EVERY_MS = 2_000;
export const STATUS_FILE = 'status.json';

export interface RunningDocument {
  readonly kind: HeldKind;
  readonly documentId: string;
  readonly name: string;
  readonly bytes: number;
  /** Records per collection root, those with any. */
  readonly records: Readonly<Record<string, number>>;
  readonly sync: ReturnType<WorkspaceSync['status']>;
  readonly present: readonly string[];
}

interface Running {
  readonly document: HeldDocument;
  readonly size: () => number;
  readonly stop: () => void;
}

/** Version 2 names documents by kind and id and counts their records (version 1 held workspaces only). */
export const STATUS_VERSION = 2;

export interface PeerStatusFile {
  readonly v: typeof STATUS_VERSION;
  readonly pid: number;
  readonly at: number;
  readonly documents: readonly RunningDocument[];
}

/** The size of the document's state, encoded again only after it changed: the status is written every few seconds. */
function sizeOf(doc: Y.Doc): () => number {
  let bytes: number | undefined;
  doc.on('update', () => (bytes = undefined));
  return () => (bytes ??= Y.encodeStateAsUpdate(doc).byteLength);
}

/** Records per collection root (a room's own roots too), those with any: what `status` says the peer holds. */
export function recordCounts(doc: Y.Doc, kind: RunningDocument['kind']): Record<string, number> {
  const roots = [...DOCUMENT_COLLECTIONS.map((collection) => collection.root), ...(kind === 'room' ? ROOM_RECORD_ROOTS : [])];
  return Object.fromEntries(roots.map((root) => [root, doc.getMap(root).size] as const).filter(([, size]) => size > 0));
}

export interface PeerRunOptions {
  /** Signaling servers beside the hubs the link code named (stock y-webrtc servers too). */
  readonly signaling: readonly string[];
  /** STUN/TURN servers, checked (ice-server.ts); none: host candidates only, as on one network. */
  readonly iceServers: readonly IceServerEntry[];
}

export async function runPeer(directory: string, options: PeerRunOptions, log: (line: string) => void): Promise<() => Promise<void>> {
  const identity = await loadIdentity(directory);
  const { person, workspaces, rooms } = identity.file;
  if (!person) throw new PeerIdentityError('missing', 'this peer is not linked yet: run "link", then pass the link code with --invite');
  const store = await PeerStore.open(directory);
  const user = { memberId: person.memberId, displayName: person.profile.displayName, organisationName: person.profile.organisationName };
  const signing = { publicKeyB64: identity.signing.publicKeyB64, privateKey: identity.signing.privateKey };
  const running: Running[] = [];
  const memberships = new Map<string, WorkspaceMembership>();
  // A removal rotates the workspace's key and its rooms' at about the same time: identity.json is rewritten one at a time.
  let saving = Promise.resolve();
  const keyChanged = (documentId: string, key: string) => (saving = saving.catch(() => undefined).then(() => saveRotatedKey(directory, documentId, key)));
  const hold = async (held: { kind: HeldKind; documentId: string; name: string; key: string; signaling: readonly string[] }, membershipOf: (doc: Y.Doc) => { auth: Authenticator; keys: KeyFollower; destroy: () => void }) => {
    const { doc, stop } = await store.document(held.documentId);
    const { auth, keys, destroy } = membershipOf(doc);
    const sync = { signalingUrls: [...new Set([...held.signaling, ...options.signaling])], iceServers: [...options.iceServers], user, online: true, changeStore: store.changeStore(held.documentId) };
    const document = await HeldDocument.start({ ...held, doc, membership: auth, keys, sync, keyChanged, log });
    running.push({
      document,
      size: sizeOf(doc),
      stop: () => {
        document.stop();
        destroy();
        stop();
        doc.destroy();
      },
    });
    log(`syncing ${held.kind} ${held.name} (${held.documentId})`);
  };
  for (const workspace of workspaces) {
    await hold({ kind: 'workspace', documentId: workspace.workspaceId, name: workspace.name, key: workspace.key, signaling: workspace.hubs }, (doc) => {
      const membership = new WorkspaceMembership(doc, {
        workspaceId: workspace.workspaceId,
        founderKey: workspace.founderKey,
        self: { memberId: person.memberId, ...signing, displayName: user.displayName, organisationName: user.organisationName, boxKeys: identity.box },
      });
      memberships.set(workspace.workspaceId, membership);
      const keys: KeyFollower = { onChange: (listener) => membership.onChange(listener), prepare: () => membership.keys.publish(), current: () => membership.keys.current() };
      return { auth: membership, keys, destroy: () => membership.destroy() };
    });
  }
  // A room's peers prove themselves with the workspace's membership; the room's own key keeps everyone else out.
  for (const room of rooms) {
    const workspace = workspaces.find((each) => each.workspaceId === room.workspaceId);
    const membership = memberships.get(room.workspaceId);
    if (!workspace || !membership) continue;
    await hold({ kind: 'room', documentId: room.roomId, name: room.title, key: room.key, signaling: [...room.hubs, ...workspace.hubs] }, (doc) => {
      const keys = new RoomKeys(doc, room.roomId, room.workspaceId, membership, signing);
      return { auth: roomAuthenticator(membership, keys), keys: { onChange: (listener) => keys.onChange(listener), current: () => keys.current() }, destroy: () => undefined };
    });
  }

  const writeStatus = async () => {
    const status: PeerStatusFile = {
      v: STATUS_VERSION,
      pid: process.pid,
      at: Date.now(),
      documents: running.map(({ document: { kind, documentId, name, sync, doc }, size }) => ({
        kind,
        documentId,
        name,
        bytes: size(),
        records: recordCounts(doc, kind),
        sync: sync.status(),
        // Its own person's other devices (the laptop that linked it) count as present too: '' matches no member.
        present: presentMembers(sync.awareness.getStates(), sync.awareness.clientID, '').map((user) => `${user.displayName} (${user.organisationName})`),
      })),
    };
    const path = join(directory, STATUS_FILE);
    await writeFile(`${path}.new`, `${JSON.stringify(status, null, 2)}\n`);
    await rename(`${path}.new`, path);
  };
  await writeStatus();
  log(`running; "status" reads ${STATUS_FILE} meanwhile`);
  const timer = setInterval(() => void writeStatus().catch((error: unknown) => log(`could not write ${STATUS_FILE}: ${String(error)}`)), STATUS_EVERY_MS);

  return async () => {
    clearInterval(timer);
    // Rooms first: their syncs prove peers with their workspace's membership.
    for (const each of running.reverse()) each.stop();
    await store.close();
  };
}
