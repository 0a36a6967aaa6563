import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateIdentityKeys } from '../../../shared/crypto/identity-keys';
import { grantDevice } from '../../../shared/membership/identity-backup';
import { signMembershipRecord } from '../../../shared/membership/membership-record';
import { storeGrants, workspacesToGrant } from './device-identity-store';
import { devicesOfPerson, removeDeviceEverywhere } from './device-list-store';
import { loadIdentity, saveIdentityProfile } from './identity-store';
import { freshDatabasesFor } from './test-database.test-helper';
import { createWorkspace } from './workspace-store';

const open = freshDatabasesFor('device-list');
const profile = { displayName: 'Bram Jansen', organisationName: 'Liander', role: 'Netstrateeg' };

describe('this person’s devices', () => {
  it('lists the devices the workspaces here record, and removes one in each of them', async () => {
    const db = open();
    await saveIdentityProfile(db, profile);
    const bram = (await loadIdentity(db))!;
    const ids = [await createWorkspace(db, { regionId: 'achterhoek', name: 'RES' }, bram.publicKeyB64), await createWorkspace(db, { regionId: 'twente', name: '' }, bram.publicKeyB64)];
    const member = { publicKey: bram.publicKeyB64, displayName: 'Bram Jansen', organisationName: 'Liander' };
    for (const workspaceId of ids) {
      const founded = await signMembershipRecord({ v: 1, kind: 'founded', workspaceId, member, signer: bram.publicKeyB64, at: 1 }, bram.privateKey);
      await storeGrants(db, [{ workspaceId, grant: founded.text }]);
    }
    const laptop = await generateIdentityKeys();
    const { workspaces } = await workspacesToGrant(db, bram, []);
    await storeGrants(db, await grantDevice({ person: { publicKey: bram.personKeyB64, memberId: bram.memberId, profile }, deviceName: 'Laptop thuis', workspaces }, laptop.publicKeyB64, 5));

    expect(await devicesOfPerson(db, bram)).toEqual([
      { key: bram.publicKeyB64, name: null, thisDevice: true, workspaces: 2 },
      { key: laptop.publicKeyB64, name: 'Laptop thuis', thisDevice: false, workspaces: 2 },
    ]);
    expect(await removeDeviceEverywhere(db, bram, laptop.publicKeyB64, 9)).toBe(2);
    expect((await devicesOfPerson(db, bram)).map((d) => d.key)).toEqual([bram.publicKeyB64]);
    await expect(removeDeviceEverywhere(db, bram, bram.publicKeyB64)).rejects.toThrow();
  });
});
