/**
 * The region peer's command line, on real LevelDB, real WebRTC and a
 * signaling hub on loopback. The person who runs the peer is this test
 * process (their founded workspace, synced with the app's own code); the
 * peer and a second partner each run in their own process.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys';
import { generateBoxKeys } from '../../shared/crypto/sealed-box';
import { decodeLinkRequest, sealLink } from '../../shared/membership/device-link';
import { grantDevice } from '../../shared/membership/identity-backup';
import { recordId, signMembershipRecord, verifyMembershipRecord } from '../../shared/membership/membership-record';
import { WorkspaceMembership } from '../../shared/membership/workspace-membership';
import { addIdea } from '../../shared/workspace-doc/ideas';
import { membershipMap } from '../../shared/workspace-doc/schema';
import { startSignalingHub } from '../signaling/signaling-hub.ts';
import { startNodeSync } from './node-sync';
import { main, type PeerIo } from './peer-cli';
import { runScript } from './test-fixtures/child-process';

const CLI = fileURLToPath(new URL('./peer-cli.ts', import.meta.url));
const CHILD = fileURLToPath(new URL('./test-fixtures/sync-child.ts', import.meta.url));
/** Bounded wait for Anne's own sync state. */
const WAIT_MS = 60_000;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'stroomkring-peer-cli-'));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

/** Runs a command in this process; `run` and `--invite` are run as processes instead (they stay up). */
async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: PeerIo = { out: (line) => out.push(line), err: (line) => err.push(line), stopped: () => Promise.resolve() };
  return { code: await main(argv, io), out, err };
}

async function person() {
  const keys = await generateIdentityKeys();
  const box = await generateBoxKeys();
  const profile = { displayName: 'Anne', organisationName: 'Provincie Gelderland', role: 'Programmamanager' };
  return { keys, box, profile };
}

/** Anne founds a workspace on a loopback hub, syncs it, and grants a new peer as Apparaat koppelen does: its link code. */
async function anneLinksThePeer() {
  const hub = await startSignalingHub({ host: '127.0.0.1', port: 0, log: () => {} });
  cleanups.push(() => hub.close());
  const anne = await person();
  const workspaceId = crypto.randomUUID();
  const key = 'k'.repeat(43);
  const doc = new Y.Doc();
  const self = { memberId: anne.keys.memberId, publicKeyB64: anne.keys.publicKeyB64, privateKey: anne.keys.privateKey, displayName: 'Anne', organisationName: 'Provincie Gelderland', boxKeys: anne.box };
  const membership = new WorkspaceMembership(doc, { workspaceId, founderKey: anne.keys.publicKeyB64, self });
  await membership.found();
  const directory = await dataDirectory();
  const request = decodeLinkRequest((await cli('link', '--data', directory, '--name', 'Regio-peer Gelderland')).out[1] ?? '');
  const who = { publicKey: anne.keys.publicKeyB64, memberId: anne.keys.memberId, profile: anne.profile };
  const workspaces = await grantDevice({ person: who, deviceName: request.name, workspaces: [{ workspaceId, name: 'RES Gelderland', regionId: 'achterhoek', key, founderKey: anne.keys.publicKeyB64, hubs: [hub.url], signer: anne.keys }] }, request.device, Date.now());
  for (const workspace of workspaces) membershipMap(doc).set(recordId(workspace.grant), workspace.grant);
  const code = await sealLink({ person: who, device: request.device, workspaces }, request);
  const syncOn = (onKey: string) => startNodeSync(doc, { workspaceId, key: onKey, signalingUrls: [hub.url], iceServers: [], user: { memberId: anne.keys.memberId, displayName: 'Anne', organisationName: 'Provincie Gelderland' }, online: true, membership });
  const sync = await syncOn(key);
  cleanups.push(() => sync.destroy());
  return { hub, anne, workspaceId, key, doc, membership, directory, code, request, sync, syncOn };
}

/** Resolves once `condition` holds, polled; fails after WAIT_MS saying `what`. */
async function until(condition: () => boolean | Promise<boolean>, what: () => string): Promise<void> {
  const giveUpAt = Date.now() + WAIT_MS;
  while (!(await condition())) {
    if (Date.now() > giveUpAt) throw new Error(`waited ${WAIT_MS} ms: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm run peer', () => {
  it('says what is wrong with a command line, a data directory or a code, and exits with status 2', async () => {
    // A data directory that does not exist yet is made.
    const directory = join(await dataDirectory(), 'var', 'peer');
    expect(await cli('status', '--data', directory)).toMatchObject({ code: 2, err: [expect.stringContaining('run "link" first')] });
    expect(await cli('link', '--data', directory)).toMatchObject({ code: 2, err: [expect.stringContaining('usage:')] });
    expect(await cli('--bogus')).toMatchObject({ code: 2 });
    // A STUN/TURN server is checked as the app's settings check it, and named without its password.
    expect(await cli('run', '--data', directory, '--ice', 'turn:turn.example.nl:3478')).toMatchObject({ code: 2, err: ['--ice "turn:turn.example.nl:3478": a TURN server needs a username and a password after the address'] });
    expect(await cli('run', '--data', directory, '--ice', 'stun:stun.example.nl:3478', '--ice', 'turn:relay.example.nl:99999 anne geheim')).toMatchObject({ code: 2, err: ['--ice "turn:relay.example.nl:99999": the port must be a number from 1 to 65535'] });

    const link = await cli('link', '--data', directory, '--name', 'Regio-peer');
    expect(link.code).toBe(0);
    expect(link.out[0]).toMatch(/check that it shows \d{3} \d{3}/);
    expect(link.out[1]).toMatch(/^SKR1\./);
    expect((await cli('status', '--data', directory)).out).toEqual([expect.stringMatching(/^device: Regio-peer/), expect.stringContaining('not linked yet')]);

    expect(await cli('--invite', 'hallo', '--data', directory)).toMatchObject({ code: 2, err: [expect.stringContaining('this is not a link code')] });
    expect(await cli('--invite', link.out[1] ?? '', '--data', directory)).toMatchObject({ code: 2, err: [expect.stringContaining('this is not a link code')] });
    // A link code sealed for another device's request does not open here.
    const other = await cli('link', '--data', await dataDirectory(), '--name', 'Andere peer');
    const { keys, profile } = await person();
    const otherRequest = decodeLinkRequest(other.out[1] ?? '');
    const forOther = await sealLink({ person: { publicKey: keys.publicKeyB64, memberId: keys.memberId, profile }, device: otherRequest.device, workspaces: [] }, otherRequest);
    expect(await cli('--invite', forOther, '--data', directory)).toMatchObject({ code: 2, err: [expect.stringContaining("does not open with this peer's key")] });
    expect(await cli('--invite', `${forOther.slice(0, -20)}`, '--data', directory)).toMatchObject({ code: 2 });

    await writeFile(join(directory, 'identity.json'), JSON.stringify({ v: 9 }));
    expect(await cli('status', '--data', directory)).toMatchObject({ code: 2, err: [expect.stringContaining('version 9')] });
  });

  it("holds the work when everyone has left: a partner who comes online later gets it from the peer, and a killed peer lost nothing", async () => {
    const { hub, anne, workspaceId, key, doc, membership, directory, code, sync } = await anneLinksThePeer();
    const peer = runScript(CLI, ['--invite', code, '--data', directory], cleanups);
    await peer.until((line) => line.startsWith('syncing workspace RES Gelderland'), 'the peer to sync');
    await peer.until((line) => line.startsWith('running'), 'the peer to run');
    // While it runs, the store is the peer's (LevelDB allows one process): status reads what the peer writes.
    expect((await cli('status', '--data', directory)).out).toContainEqual(expect.stringMatching(/^running \(process \d+\)/));

    // Bram, of another organisation, is admitted but not online yet.
    const bram = runScript(CHILD, ['later', hub.url, workspaceId, key, anne.keys.publicKeyB64], cleanups);
    const bramReady = JSON.parse(await bram.until((line) => line.includes('"ready"'), 'Bram ready')) as { publicKey: string; displayName: string; organisationName: string };
    await membership.add(await signMembershipRecord({ v: 1, kind: 'admitted', workspaceId, member: { publicKey: bramReady.publicKey, displayName: bramReady.displayName, organisationName: bramReady.organisationName }, signer: anne.keys.publicKeyB64, inviteId: 'inv-bram', invitedBy: anne.keys.publicKeyB64, at: Date.now() }, anne.keys.privateKey));
    addIdea(doc, { title: 'Buurtbatterij', description: '', tags: [], goalId: '' }, { memberId: anne.keys.memberId, now: Date.now(), id: 'from-anne' });

    // Anne leaves once the peer holds everything she has.
    await until(() => sync.status().kind === 'inSync', () => `Anne never in sync with the peer: ${JSON.stringify(sync.status())}`);
    sync.destroy();
    membership.destroy();

    bram.send({ start: true });
    await bram.until((line) => line.includes('"ideas"') && line.includes('from-anne'), "Bram to get Anne's idea from the peer");

    // Killed outright, not stopped: what it took was stored as it arrived.
    peer.child.kill('SIGKILL');
    await peer.exited();
    const status = await cli('status', '--data', directory);
    expect(status.code).toBe(0);
    expect(status.out).toEqual([
      expect.stringMatching(/^device: Regio-peer Gelderland/),
      'a device of Anne (Provincie Gelderland)',
      'not running',
      expect.stringMatching(new RegExp(`^workspace RES Gelderland \\(${workspaceId}\\): \\d+ bytes; ideas: 1$`)),
    ]);
  }, 180_000);
  it('follows a rotated key: after a removal it moves to the new key with the others, and starts there after a restart', async () => {
    const { anne, workspaceId, key, doc, membership, directory, code, request, sync, syncOn } = await anneLinksThePeer();
    const peer = runScript(CLI, ['--invite', code, '--data', directory], cleanups);
    await peer.until((line) => line.startsWith('running'), 'the peer to run');
    // The peer publishes its encryption key, so Anne's rotation can seal the new key to it.
    const published = async () => (await Promise.all([...membershipMap(doc).values()].map((text) => verifyMembershipRecord(text).catch(() => undefined)))).some((record) => record?.kind === 'boxKey' && record.signer === request.device);
    await until(published, () => 'the peer never published its encryption key');
    const carla = await generateIdentityKeys();
    await membership.add(await signMembershipRecord({ v: 1, kind: 'admitted', workspaceId, member: { publicKey: carla.publicKeyB64, displayName: 'Carla', organisationName: 'Coöperatie' }, signer: anne.keys.publicKeyB64, inviteId: 'inv-carla', invitedBy: anne.keys.publicKeyB64, at: Date.now() }, anne.keys.privateKey));
    await until(() => sync.status().kind === 'inSync', () => `not in sync before the removal: ${JSON.stringify(sync.status())}`);

    // Anne removes Carla: a new key, sealed to Anne's and the peer's devices (each published its own, as the app does). Both move to it.
    await membership.keys.publish();
    const outcome = await membership.remove([carla.publicKeyB64]);
    expect(outcome.unreachable).toEqual([]);
    const rotated = (await membership.keys.current())?.key;
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(key);
    await peer.until((line) => line.includes('moved to its new key (generation 1)'), 'the peer to follow the new key');
    sync.destroy();
    const onNewKey = await syncOn(rotated ?? '');
    cleanups.push(() => onNewKey.destroy());
    addIdea(doc, { title: 'Na de verwijdering', description: '', tags: [], goalId: '' }, { memberId: anne.keys.memberId, now: Date.now(), id: 'after-rotation' });
    await until(async () => (await cli('status', '--data', directory)).out.some((line) => line.includes('ideas: 1')), () => 'the peer never got the idea on the new key');
    expect((JSON.parse(await readFile(join(directory, 'identity.json'), 'utf8')) as { workspaces: { key: string }[] }).workspaces[0]?.key).toBe(rotated);

    // Killed and started again, it is on the new key at once.
    peer.child.kill('SIGKILL');
    await peer.exited();
    const again = runScript(CLI, ['run', '--data', directory], cleanups);
    await again.until((line) => line.startsWith('running'), 'the peer to run again');
    addIdea(doc, { title: 'Na de herstart', description: '', tags: [], goalId: '' }, { memberId: anne.keys.memberId, now: Date.now(), id: 'after-restart' });
    await until(async () => (await cli('status', '--data', directory)).out.some((line) => line.includes('ideas: 2')), () => 'the restarted peer never got the idea');
  }, 180_000);
});
