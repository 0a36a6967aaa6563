import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys, sign, verifyWithPublicKeyText, type IdentityKeys } from '../crypto/identity-keys';
import { openWithPassphrase, PassphraseFileError, sealWithPassphrase, type ScryptCost } from '../crypto/passphrase-file';
import { openBox, seal } from '../crypto/sealed-box';
import { BACKUP_FORMAT, exportIdentityBackup, IdentityBackupError, restoreIdentityBackup } from './identity-backup';
import { signMembershipRecord, verifyMembershipRecord } from './membership-record';
import { WorkspaceMembership } from './workspace-membership';

const WS = 'ws-backup';
const CHEAP: ScryptCost = { N: 2 ** 14, r: 8, p: 1 };
const PASS = 'zeven lange woorden hier';
let anne: IdentityKeys, bram: IdentityKeys;

beforeAll(async () => {
  [anne, bram] = (await Promise.all([generateIdentityKeys(), generateIdentityKeys()])) as [IdentityKeys, IdentityKeys];
});

const profile = { displayName: 'Bram', organisationName: 'Liander', role: 'Netplanner' };
const workspaceEntry = { workspaceId: WS, name: 'RES Holland Rijnland', regionId: 'holland-rijnland', key: 'k'.repeat(43), hubs: ['ws://192.168.1.20:4444'] };

async function exported() {
  const subject = { person: { publicKey: bram.publicKeyB64, memberId: bram.memberId, profile }, deviceName: 'Back-up', workspaces: [{ ...workspaceEntry, founderKey: anne.publicKeyB64, signer: bram }] };
  return exportIdentityBackup(subject, PASS, { now: 10, cost: CHEAP });
}

describe('an identity backup', () => {
  it('restores as a device of the same person, whose grant counts in the workspace, with keys that cannot be read out again', async () => {
    const { file, grants } = await exported();
    expect(file.startsWith(`{"format":"${BACKUP_FORMAT}"`)).toBe(true);
    const restored = await restoreIdentityBackup(file, PASS);
    expect(restored.person).toEqual({ publicKey: bram.publicKeyB64, memberId: bram.memberId, profile });
    expect(restored.workspaces.map((w) => w.workspaceId)).toEqual([WS]);
    expect(restored.signing.privateKey.extractable).toBe(false);
    expect(restored.box.privateKey.extractable).toBe(false);

    // The workspace takes the grant: the backup's key now acts as Bram.
    const a = new WorkspaceMembership(new Y.Doc(), { workspaceId: WS, founderKey: anne.publicKeyB64, self: { memberId: anne.memberId, publicKeyB64: anne.publicKeyB64, privateKey: anne.privateKey, displayName: 'Anne', organisationName: 'Gemeente' } });
    await a.found();
    await a.add(await signMembershipRecord({ v: 1, kind: 'admitted', workspaceId: WS, member: { publicKey: bram.publicKeyB64, displayName: 'Bram', organisationName: 'Liander' }, signer: anne.publicKeyB64, inviteId: 'i1', invitedBy: anne.publicKeyB64, at: 2 }, anne.privateKey));
    await a.add(await verifyMembershipRecord(grants.get(WS)));
    expect(await a.standingOf(restored.signing.publicKeyB64)).toMatchObject({ kind: 'member', author: { memberId: bram.memberId } });

    // And its keys work: it signs as the backup device, and opens what is sealed to it.
    const message = new Uint8Array([1, 2, 3]);
    expect(await verifyWithPublicKeyText(restored.signing.publicKeyB64, await sign(restored.signing.privateKey, message), message)).toBe(true);
    expect(await openBox(await seal(message, restored.box.publicKeyB64, 'ctx'), restored.box, 'ctx')).toEqual(message);
  });

  it('names a wrong passphrase, contents of a newer version, damaged contents and a grant that does not fit', async () => {
    const { file } = await exported();
    const problem = (work: Promise<unknown>) => work.then(() => 'restored', (e: unknown) => (e instanceof PassphraseFileError || e instanceof IdentityBackupError ? e.problem : String(e)));
    expect(await problem(restoreIdentityBackup(file, 'een ander wachtwoord'))).toBe('wrongPassphrase');
    const sealed = (contents: unknown) => sealWithPassphrase(new TextEncoder().encode(typeof contents === 'string' ? contents : JSON.stringify(contents)), PASS, { kind: BACKUP_FORMAT, cost: CHEAP });
    expect(await problem(restoreIdentityBackup(await sealed({ v: 2 }), PASS))).toBe('newerVersion');
    expect(await problem(restoreIdentityBackup(await sealed('{"v":1,'), PASS))).toBe('damaged');
    expect(await problem(restoreIdentityBackup(await sealed({ v: 1, person: 'x' }), PASS))).toBe('damaged');
    // A backup whose grant names another device: someone put it together from parts.
    const other = await exported();
    type Contents = { workspaces: { grant: string }[] };
    const contentsOf = async (text: string) => JSON.parse(new TextDecoder().decode(await openWithPassphrase(text, PASS, { kind: BACKUP_FORMAT, maxChars: 1e6 }))) as Contents;
    const [contents, otherContents] = await Promise.all([contentsOf(file), contentsOf(other.file)]);
    (contents.workspaces[0] as { grant: string }).grant = (otherContents.workspaces[0] as { grant: string }).grant;
    expect(await problem(restoreIdentityBackup(await sealed(contents), PASS))).toBe('grantInvalid');
  });
});
