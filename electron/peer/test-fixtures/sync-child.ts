/**
 * One member device in its own Node process, syncing a workspace with the
 * app's own WorkspaceSync over real WebRTC (node-sync.ts), for
 * node-webrtc-sync.test.ts. y-webrtc keeps its rooms in a module-global
 * map, so two devices in one room need two processes.
 *
 * Talks JSON lines: stdout says what happened ({ event, ... }); stdin takes
 * commands: { admit: { publicKey, displayName, organisationName } } (the
 * founder only), { write: id } (adds an idea with that id), { start } (a
 * `later` member starts syncing only then), { routes } (says how each
 * connection runs: direct or relay), { status } (says the sync status), { stop }. STUN/TURN servers, if
 * any, come as JSON in the environment variable SYNC_ICE_SERVERS.
 */
import { createInterface } from 'node:readline';
import * as Y from 'yjs';
import { generateIdentityKeys } from '../../../shared/crypto/identity-keys';
import { generateBoxKeys } from '../../../shared/crypto/sealed-box';
import { signMembershipRecord } from '../../../shared/membership/membership-record';
import { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';
import { addIdea } from '../../../shared/workspace-doc/ideas';
import { ideasMap } from '../../../shared/workspace-doc/schema';
import { startNodeSync } from '../node-sync';

const [role, hubUrl, workspaceId, key, founderKeyArg] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const say = (event: string, detail: Record<string, unknown> = {}) => process.stdout.write(`${JSON.stringify({ event, ...detail })}\n`);

const keys = await generateIdentityKeys();
const box = await generateBoxKeys();
const name = role === 'founder' ? 'Anne' : 'Bram';
const self = { memberId: keys.memberId, publicKeyB64: keys.publicKeyB64, privateKey: keys.privateKey, displayName: name, organisationName: `Org ${name}`, boxKeys: box };
const founderKey = founderKeyArg ?? keys.publicKeyB64;
const doc = new Y.Doc();
const membership = new WorkspaceMembership(doc, { workspaceId, founderKey, self });
if (role === 'founder') await membership.found();
say('ready', { publicKey: keys.publicKeyB64, displayName: name, organisationName: `Org ${name}` });

const ideas = ideasMap(doc);
ideas.observe(() => say('ideas', { ids: [...ideas.keys()].sort() }));

let sync: WorkspaceSync | undefined;
const start = async () => {
  sync = await startNodeSync(doc, {
    workspaceId,
    key,
    signalingUrls: [hubUrl],
    iceServers: JSON.parse(process.env.SYNC_ICE_SERVERS ?? '[]') as RTCIceServer[],
    user: { memberId: keys.memberId, displayName: name, organisationName: `Org ${name}` },
    online: true,
    membership,
  });
  say('started');
};
if (role === 'member') await start();

for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { admit?: { publicKey: string; displayName: string; organisationName: string }; write?: string; start?: true; routes?: true; status?: true; stop?: true };
  if (command.start && !sync) await start();
  if (command.admit) {
    const record = await signMembershipRecord({ v: 1, kind: 'admitted', workspaceId, member: command.admit, signer: founderKey, inviteId: 'inv-test', invitedBy: founderKey, at: Date.now() }, keys.privateKey);
    await membership.add(record);
    await start();
  }
  if (command.write) addIdea(doc, { title: `Idee van ${name}`, description: '', tags: [], goalId: '' }, { memberId: keys.memberId, now: Date.now(), id: command.write });
  if (command.routes) say('routes', { routes: [...((await sync?.routes()) ?? new Map()).values()] });
  if (command.status) say('status', { status: sync?.status() });
  if (command.stop) break;
}
sync?.destroy();
doc.destroy();
say('stopped');
process.exit(0);
