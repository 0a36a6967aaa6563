import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { DexieYProvider } from 'y-dexie';
import { describe, expect, it } from 'vitest';
import { generateWorkspaceKey } from '../../../shared/invite/workspace-key';
import type { InvitePayload } from '../../../shared/invite/invite-code';
import { readMembers } from '../../../shared/workspace-doc/members';
import { openDatabase } from './database';
import { loadIdentity, saveIdentityProfile } from './identity-store';
import { WorkspaceKeyMismatchError, adoptRotatedKey, ensureWorkspaceAccess, joinFromInvite } from './workspace-access-store';
import { openLobbies } from './rotated-keys';
import { createWorkspace, deleteWorkspace } from './workspace-store';

function invite(overrides: Partial<InvitePayload> = {}): InvitePayload {
  return {
    v: 1,
    inviteId: 'inv-1',
    workspaceId: 'ws-joined',
    regionId: 'twente',
    workspaceName: 'Twentse RES',
    key: generateWorkspaceKey(),
    hubs: ['ws://127.0.0.1:5181/signal'],
    inviter: { memberId: 'inviter', displayName: 'Bram', organisationName: 'Enexis', publicKey: 'B'.repeat(43) },
    createdAt: 1,
    ...overrides,
  };
}

describe('rotated keys', () => {
  it('moves to a rotated key once, keeping the old one as a lobby until it expires', async () => {
    const db = openDatabase('access-rotated');
    const id = await createWorkspace(db, { regionId: 'twente', name: '' }, 'f'.repeat(43));
    const first = (await ensureWorkspaceAccess(db, id)).key;
    const second = generateWorkspaceKey();
    expect(await adoptRotatedKey(db, id, { key: second, generation: 1 }, 1000)).toBe(true);
    expect(await adoptRotatedKey(db, id, { key: second, generation: 1 }, 1001)).toBe(false);
    const row = await db.workspaceAccess.get(id);
    expect(row).toMatchObject({ key: second, generation: 1 });
    expect(openLobbies(row, 2000)).toEqual([first]);
    expect(row?.previousKeys).toEqual([{ key: first, generation: 0, until: 1000 + 30 * 24 * 3600 * 1000 }]);
    expect(openLobbies(row, 1000 + 31 * 24 * 3600 * 1000)).toEqual([]);
    db.close();
  });

  it('takes the key of a new invite from the same founder (re-invited after a rotation), refuses one from another founder', async () => {
    const db = openDatabase('access-reinvited');
    await saveIdentityProfile(db, { displayName: 'Carla', organisationName: 'Enexis', role: 'Adviseur' });
    const identity = (await loadIdentity(db))!;
    const founderKey = 'F'.repeat(43);
    await joinFromInvite(db, invite({ founderKey }), 'code-1', identity);
    const rotated = generateWorkspaceKey();
    await joinFromInvite(db, invite({ founderKey, key: rotated, inviteId: 'inv-2' }), 'code-2', identity);
    expect((await db.workspaceAccess.get('ws-joined'))?.key).toBe(rotated);
    await expect(joinFromInvite(db, invite({ founderKey: 'G'.repeat(43), key: generateWorkspaceKey() }), 'code-3', identity)).rejects.toBeInstanceOf(WorkspaceKeyMismatchError);
    db.close();
  });
});

describe('workspace access', () => {
  it('gives every new workspace its own 256-bit key, removed with the workspace', async () => {
    const db = openDatabase('access-1');
    const a = await createWorkspace(db, { regionId: 'twente', name: '' }, 'f'.repeat(43));
    const b = await createWorkspace(db, { regionId: 'twente', name: '' }, 'f'.repeat(43));
    const [ka, kb] = await Promise.all([ensureWorkspaceAccess(db, a), ensureWorkspaceAccess(db, b)]);
    expect(ka.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ka.key).not.toBe(kb.key);
    await deleteWorkspace(db, a);
    expect(await db.workspaceAccess.get(a)).toBeUndefined();
    db.close();
  });

  it('drops stored peer hub addresses that are not valid hub URLs', async () => {
    const db = openDatabase('access-junk');
    const id = await createWorkspace(db, { regionId: 'twente', name: '' }, 'f'.repeat(43));
    await db.workspaceAccess.update(id, { peerHubs: ['ws://127.0.0.1:5181/signal', 'ws://niet%20een%20adres!/', 42 as unknown as string] });
    expect((await ensureWorkspaceAccess(db, id)).peerHubs).toEqual(['ws://127.0.0.1:5181/signal']);
    db.close();
  });

  it('gives workspaces from before version 2 a key on upgrade', async () => {
    const old = new Dexie('access-upgrade');
    old.version(1).stores({ identity: 'id', settings: 'key', workspaces: 'id, lastOpenedAt', '$workspaces.doc_updates': '++i,k' });
    await old.table('workspaces').add({ id: 'legacy', regionId: 'zeeland', name: '', createdAt: 1, lastOpenedAt: 1 });
    old.close();
    const db = openDatabase('access-upgrade');
    expect((await db.workspaceAccess.get('legacy'))?.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    db.close();
  });

  it('joins from an invite with the own member entry recording the inviter', async () => {
    const db = openDatabase('access-join');
    await saveIdentityProfile(db, { displayName: 'Anne', organisationName: 'Gemeente Enschede', role: 'Adviseur' });
    const identity = (await loadIdentity(db))!;
    const payload = invite();
    await expect(joinFromInvite(db, payload, 'SK1.code.sig', identity, 50)).resolves.toEqual({ workspaceId: 'ws-joined', alreadyMember: false });
    expect(await db.workspaceAccess.get('ws-joined')).toEqual({ workspaceId: 'ws-joined', key: payload.key, peerHubs: payload.hubs });
    const row = (await db.workspaces.get('ws-joined'))!;
    const provider = DexieYProvider.load(row.doc);
    await provider.whenLoaded;
    expect(readMembers(row.doc)).toEqual([
      { ok: true, id: identity.memberId, value: expect.objectContaining({ invitedBy: 'inviter', inviteId: 'inv-1', displayName: 'Anne', joinedAt: 50 }) },
    ]);
    DexieYProvider.release(row.doc);

    await expect(joinFromInvite(db, { ...payload, hubs: ['ws://127.0.0.1:5182/signal'] }, 'SK1.code.sig', identity)).resolves.toEqual({ workspaceId: 'ws-joined', alreadyMember: true });
    expect((await db.workspaceAccess.get('ws-joined'))?.peerHubs).toEqual(['ws://127.0.0.1:5181/signal', 'ws://127.0.0.1:5182/signal']);
    await expect(joinFromInvite(db, invite({ key: generateWorkspaceKey() }), 'SK1.code.sig', identity)).rejects.toBeInstanceOf(WorkspaceKeyMismatchError);
    db.close();
  });
});
