/**
 * The region peer at work: each workspace it was linked to, loaded from its
 * store and synced with the app's own sync (node-sync.ts) through the hubs
 * the link code named plus any signaling servers given, as this person's
 * device. Every update it takes is stored as it happens; every signed change
 * is kept for partners' catch-ups. While it runs it writes `status.json`
 * (LevelDB allows one process, so `status` reads this file meanwhile).
 */
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { WorkspaceMembership } from '../../shared/membership/workspace-membership';
import { presentMembers } from '../../shared/sync/presence';
import type { IceServerEntry } from '../../shared/sync/ice-server';
import type { WorkspaceSync } from '../../shared/sync/webrtc/workspace-sync';
import { DOCUMENT_COLLECTIONS } from '../../shared/workspace-doc/collections';
import { loadIdentity, PeerIdentityError } from './peer-identity';
import { PeerStore } from './peer-store';
import { startNodeSync } from './node-sync';

const STATUS_EVERY_MS = 2_000;
export const STATUS_FILE = 'status.json';

export interface RunningDocument {
  readonly workspaceId: string;
  readonly name: string;
  readonly bytes: number;
  /** Records per collection root, those with any. */
  readonly records: Readonly<Record<string, number>>;
  readonly sync: ReturnType<WorkspaceSync['status']>;
  readonly present: readonly string[];
}

export interface PeerStatusFile {
  readonly v: 1;
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

/** Records per collection root, those with any: what `status` says the peer holds. */
export function recordCounts(doc: Y.Doc): Record<string, number> {
  return Object.fromEntries(DOCUMENT_COLLECTIONS.map((collection) => [collection.root, doc.getMap(collection.root).size] as const).filter(([, size]) => size > 0));
}

export interface PeerRunOptions {
  /** Signaling servers beside the hubs the link code named (stock y-webrtc servers too). */
  readonly signaling: readonly string[];
  /** STUN/TURN servers, checked (ice-server.ts); none: host candidates only, as on one network. */
  readonly iceServers: readonly IceServerEntry[];
}

export async function runPeer(directory: string, options: PeerRunOptions, log: (line: string) => void): Promise<() => Promise<void>> {
  const identity = await loadIdentity(directory);
  const { person, workspaces } = identity.file;
  if (!person) throw new PeerIdentityError('missing', 'this peer is not linked yet: run "link", then pass the link code with --invite');
  const store = await PeerStore.open(directory);
  const running: { workspaceId: string; name: string; doc: Y.Doc; stop: () => void; membership: WorkspaceMembership; sync: WorkspaceSync; size: () => number }[] = [];
  for (const workspace of workspaces) {
    const { doc, stop } = await store.document(workspace.workspaceId);
    const membership = new WorkspaceMembership(doc, {
      workspaceId: workspace.workspaceId,
      founderKey: workspace.founderKey,
      self: { memberId: person.memberId, publicKeyB64: identity.signing.publicKeyB64, privateKey: identity.signing.privateKey, displayName: person.profile.displayName, organisationName: person.profile.organisationName, boxKeys: identity.box },
    });
    const sync = await startNodeSync(doc, {
      workspaceId: workspace.workspaceId,
      key: workspace.key,
      signalingUrls: [...workspace.hubs, ...options.signaling],
      iceServers: [...options.iceServers],
      user: { memberId: person.memberId, displayName: person.profile.displayName, organisationName: person.profile.organisationName },
      online: true,
      membership,
      changeStore: store.changeStore(workspace.workspaceId),
    });
    running.push({ workspaceId: workspace.workspaceId, name: workspace.name, doc, stop, membership, sync, size: sizeOf(doc) });
    log(`syncing ${workspace.name} (${workspace.workspaceId})`);
  }

  const writeStatus = async () => {
    const status: PeerStatusFile = {
      v: 1,
      pid: process.pid,
      at: Date.now(),
      documents: running.map(({ workspaceId, name, sync, size, doc }) => ({
        workspaceId,
        name,
        bytes: size(),
        records: recordCounts(doc),
        sync: sync.status(),
        present: presentMembers(sync.awareness.getStates(), sync.awareness.clientID, person.memberId).map((user) => `${user.displayName} (${user.organisationName})`),
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
    for (const { sync, membership, stop, doc } of running) {
      sync.destroy();
      membership.destroy();
      stop();
      doc.destroy();
    }
    await store.close();
  };
}
