/**
 * `npm run peer -- status`: what the region peer is, what it holds and whom
 * it sees. A running peer holds its LevelDB store (one process at a time),
 * so then the status file it writes (peer-run.ts) is read instead.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { ConnectProblem } from '../../shared/sync/webrtc/connection-routes';
import { loadIdentity } from './peer-identity';
import { recordCounts, STATUS_FILE, STATUS_VERSION, type PeerStatusFile } from './peer-run';
import { PeerStore } from './peer-store';

const described = (records: Readonly<Record<string, number>>): string =>
  Object.entries(records)
    .map(([root, size]) => `${root}: ${size}`)
    .join(', ') || 'nothing yet';

const CANNOT_CONNECT: Record<ConnectProblem, string> = {
  relayUnreachable: 'cannot connect, the TURN server does not answer (see --ice)',
  noPath: 'cannot connect, there is no path to the partners from this network (a TURN server may help: --ice)',
};

const isLocked = (error: unknown): boolean => (error as { code?: string; cause?: { code?: string } } | null)?.code === 'LEVEL_DATABASE_NOT_OPEN' && (error as { cause?: { code?: string } }).cause?.code === 'LEVEL_LOCKED';

export async function peerStatus(directory: string): Promise<string[]> {
  const identity = await loadIdentity(directory);
  const { device, person, workspaces } = identity.file;
  const lines = [`device: ${device.name} (${device.publicKey})`];
  if (!person) return [...lines, 'not linked yet: pass the link code from the app with --invite'];
  lines.push(`a device of ${person.profile.displayName} (${person.profile.organisationName})`);
  let store: PeerStore;
  try {
    store = await PeerStore.open(directory);
  } catch (error) {
    if (!isLocked(error)) throw error;
    const text = await readFile(join(directory, STATUS_FILE), 'utf8').catch(() => undefined);
    if (text === undefined) return [...lines, 'running (starting up)'];
    const running = JSON.parse(text) as PeerStatusFile;
    // A peer still running from before an update writes another shape: said, never misread.
    if (running.v !== STATUS_VERSION) return [...lines, `running, as another version of this peer (status file version ${String(running.v)}): restart it to read its status`];
    lines.push(`running (process ${running.pid}), as of ${new Date(running.at).toISOString()}`);
    for (const held of running.documents) {
      lines.push(`${held.kind} ${held.name} (${held.documentId}): ${held.bytes} bytes; ${described(held.records)}`);
      const why = held.sync.kind === 'looking' && held.sync.cannotConnect ? `: ${CANNOT_CONNECT[held.sync.cannotConnect]}` : '';
      lines.push(`  sync: ${held.sync.kind}${'peers' in held.sync ? ` with ${held.sync.peers} partner(s)` : ''}${why}`);
      lines.push(`  present: ${held.present.length > 0 ? held.present.join(', ') : 'nobody'}`);
    }
    return lines;
  }
  try {
    lines.push('not running');
    const names = new Map([...workspaces.map((workspace) => [workspace.workspaceId, `workspace ${workspace.name}`] as const), ...identity.file.rooms.map((room) => [room.roomId, `room ${room.title}`] as const)]);
    for (const { documentId } of await store.held()) {
      const doc = await store.read(documentId);
      const bytes = Y.encodeStateAsUpdate(doc).byteLength;
      lines.push(`${names.get(documentId) ?? 'not linked'} (${documentId}): ${bytes} bytes; ${described(recordCounts(doc, identity.file.rooms.some((room) => room.roomId === documentId) ? 'room' : 'workspace'))}`);
      doc.destroy();
    }
  } finally {
    await store.close();
  }
  return lines;
}
