import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateIdentityKeys } from '../../../shared/crypto/identity-keys';
import { generateBoxKeys } from '../../../shared/crypto/sealed-box';
import { grantDevice } from '../../../shared/membership/identity-backup';
import { recordId } from '../../../shared/membership/membership-record';
import { membershipMap } from '../../../shared/workspace-doc/schema';
import { becomeDeviceOf, DeviceIdentityError, storeGrants, workspacesToGrant } from './device-identity-store';
import { loadIdentity, saveIdentityProfile } from './identity-store';
import { freshDatabasesFor, readLoadedDoc } from './test-database.test-helper';
import { createWorkspace } from './workspace-store';
import { createRoom, linkedRooms, listRooms } from './room-store';

const open = freshDatabasesFor('device-identity');
const profile = { displayName: 'Bram Jansen', organisationName: 'Liander', role: 'Netstrateeg' };

describe('a person’s devices in storage', () => {
  it('grants a new device in each proven workspace here, and that device becomes the same person on a fresh install', async () => {
    const first = open();
    await saveIdentityProfile(first, profile);
    const bram = (await loadIdentity(first))!;
    const proven = await createWorkspace(first, { regionId: 'achterhoek', name: 'RES' }, bram.publicKeyB64);
    await first.workspaces.add({ id: 'legacy', regionId: 'twente', name: '', createdAt: 1, lastOpenedAt: 1 } as never);
    await first.workspaceAccess.add({ workspaceId: 'legacy', key: 'k'.repeat(43), peerHubs: [] });

    const { workspaces, leftOut } = await workspacesToGrant(first, bram, ['ws://127.0.0.1:4444/signal']);
    expect(workspaces.map((w) => w.workspaceId)).toEqual([proven]);
    expect(leftOut).toEqual(['Twente']);
    const [signing, box] = await Promise.all([generateIdentityKeys(), generateBoxKeys()]);
    const person = { publicKey: bram.personKeyB64, memberId: bram.memberId, profile };
    const granted = await grantDevice({ person, deviceName: 'Laptop thuis', workspaces }, signing.publicKeyB64, 5);
    await storeGrants(first, granted);
    // The person's confidential room in that workspace goes along, with its current key.
    const roomId = await createRoom(first, { workspaceId: proven, title: 'Netcongestie', organisationIds: ['org-liander'], createdBy: bram.memberId });
    const rooms = await linkedRooms(first, [proven]);
    expect(rooms).toEqual([{ roomId, workspaceId: proven, title: 'Netcongestie', key: (await first.roomAccess.get(roomId))!.key, hubs: [] }]);
    expect(await linkedRooms(first, ['legacy'])).toEqual([]);
    const row = await first.workspaces.get(proven);
    const grantId = recordId(granted[0]!.grant);
    expect(await readLoadedDoc(row!.doc, (doc) => membershipMap(doc).get(grantId))).toBe(granted[0]!.grant);

    const second = open();
    await becomeDeviceOf(second, { person, deviceName: 'Laptop thuis', signing, box, workspaces: granted, rooms }, 9);
    const linked = (await loadIdentity(second))!;
    expect(linked).toMatchObject({ memberId: bram.memberId, personKeyB64: bram.publicKeyB64, publicKeyB64: signing.publicKeyB64, deviceName: 'Laptop thuis', profile });
    expect(linked.boxKeys.publicKeyB64).toBe(box.publicKeyB64);
    expect(await second.workspaceAccess.get(proven)).toMatchObject({ founderKey: bram.publicKeyB64, peerHubs: ['ws://127.0.0.1:4444/signal'] });
    expect(await listRooms(second, proven)).toEqual([{ id: roomId, workspaceId: proven, joinedAt: 9, title: 'Netcongestie' }]);
    expect((await second.roomAccess.get(roomId))?.key).toBe(rooms[0]!.key);
    const copy = await second.workspaces.get(proven);
    expect(await readLoadedDoc(copy!.doc, (doc) => membershipMap(doc).get(grantId))).toBe(granted[0]!.grant);

    // A second time, or on an install that has a profile already: refused, nothing changed.
    await expect(becomeDeviceOf(second, { person, deviceName: 'Nog een', signing, box, workspaces: granted })).rejects.toMatchObject({ problem: 'identityExists' });
    expect((await loadIdentity(second))?.deviceName).toBe('Laptop thuis');
  });

  it('says so when there is nothing to grant a device in', async () => {
    const db = open();
    await saveIdentityProfile(db, profile);
    await expect(workspacesToGrant(db, (await loadIdentity(db))!, [])).rejects.toBeInstanceOf(DeviceIdentityError);
  });
});
