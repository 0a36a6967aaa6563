/**
 * A person's devices on this device's side (shared/membership/devices.ts):
 * granting a new device (a linked one, or an identity backup) in every
 * workspace held here, and becoming a device of a person, from a link code
 * or a restored backup, on a fresh install.
 *
 * A grant is written into each workspace's membership records here; it
 * reaches the partners when the workspace is next open here (the document
 * signs what it holds that no signed change covers yet), and sooner through
 * the new device itself, which shows its grant when it proves itself and the
 * member who checks it keeps it.
 */
import * as Y from 'yjs';
import type { BackupWorkspace, WorkspaceToBackUp } from '../../../shared/membership/identity-backup';
import { recordId } from '../../../shared/membership/membership-record';
import type { IdentityProfile } from '../../../shared/domain/identity';
import type { BoxKeys } from '../../../shared/crypto/sealed-box';
import { membershipMap } from '../../../shared/workspace-doc/schema';
import { regionName } from '../workspaces/workspace-label';
import { ROOM_UPDATES_TABLE, WORKSPACE_UPDATES_TABLE, type StroomkringDatabase } from './database';
import type { LinkedRoom } from '../../../shared/membership/device-link';
import { insertLinkedRoom } from './room-store';
import type { Identity } from './identity-store';
import { insertWorkspace, withLoadedDoc } from './workspace-store';
import { StroomkringError } from '../../../shared/errors/stroomkring-error';

export class DeviceIdentityError extends StroomkringError {
  override readonly name = 'DeviceIdentityError';
  constructor(
    readonly problem: 'identityExists' | 'nothingToGrant',
    detail: string,
  ) {
    super(`Device identity ${problem}: ${detail}`);
  }
}

/** Hubs a new device may try first: this device's own, then the ones it learned. */
const MAX_HUBS = 20;

/** What a new device needs of each workspace here, signed by this device; workspaces from before proven membership have no founder to prove from and are left out. */
export async function workspacesToGrant(db: StroomkringDatabase, identity: Identity, ownHubs: readonly string[]): Promise<{ workspaces: WorkspaceToBackUp[]; leftOut: string[] }> {
  const [rows, access] = await Promise.all([db.workspaces.toArray(), db.workspaceAccess.toArray()]);
  const byId = new Map(access.map((a) => [a.workspaceId, a]));
  const workspaces: WorkspaceToBackUp[] = [];
  const leftOut: string[] = [];
  for (const row of rows) {
    const a = byId.get(row.id);
    if (!a?.founderKey) {
      leftOut.push(row.name || regionName(row.regionId));
      continue;
    }
    const hubs = [...new Set([...ownHubs, ...a.peerHubs])].slice(0, MAX_HUBS);
    workspaces.push({ workspaceId: row.id, name: row.name, regionId: row.regionId, key: a.key, founderKey: a.founderKey, hubs, signer: identity });
  }
  if (workspaces.length === 0) throw new DeviceIdentityError('nothingToGrant', 'no workspace with proven membership on this device');
  return { workspaces, leftOut };
}

/** Writes each grant into its workspace's membership records. */
export async function storeGrants(db: StroomkringDatabase, grants: readonly Pick<BackupWorkspace, 'workspaceId' | 'grant'>[]): Promise<void> {
  for (const { workspaceId, grant } of grants) {
    const row = await db.workspaces.get(workspaceId);
    if (row) await withLoadedDoc(row.doc, (doc) => void membershipMap(doc).set(recordId(grant), grant));
  }
}

export interface DeviceOfPerson {
  readonly person: { readonly publicKey: string; readonly memberId: string; readonly profile: IdentityProfile };
  readonly deviceName: string;
  readonly signing: { readonly publicKey: CryptoKey; readonly privateKey: CryptoKey; readonly publicKeyB64: string };
  readonly box: BoxKeys;
  readonly workspaces: readonly BackupWorkspace[];
  /** The person's confidential rooms in those workspaces (device links carry them; identity backups do not). */
  readonly rooms?: readonly LinkedRoom[];
}

/**
 * Makes this fresh install a device of the person: their identity with this
 * device's own keys, and each workspace with its key, hubs, founder and this
 * device's grant (its contents come from the partners). All or nothing.
 */
export async function becomeDeviceOf(db: StroomkringDatabase, device: DeviceOfPerson, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.identity, db.workspaces, db.workspaceAccess, db.table(WORKSPACE_UPDATES_TABLE), db.rooms, db.roomAccess, db.table(ROOM_UPDATES_TABLE)], async () => {
    if (await db.identity.get('self')) throw new DeviceIdentityError('identityExists', 'this install already has an identity');
    await db.identity.put({
      id: 'self',
      profile: device.person.profile,
      publicKey: device.signing.publicKey,
      privateKey: device.signing.privateKey,
      publicKeyB64: device.signing.publicKeyB64,
      memberId: device.person.memberId,
      personKeyB64: device.person.publicKey,
      deviceName: device.deviceName,
      boxPublicKey: device.box.publicKey,
      boxPrivateKey: device.box.privateKey,
      boxPublicKeyB64: device.box.publicKeyB64,
      createdAt: now,
    });
    for (const w of device.workspaces) {
      if (await db.workspaces.get(w.workspaceId)) continue;
      const doc = new Y.Doc();
      membershipMap(doc).set(recordId(w.grant), w.grant);
      try {
        await insertWorkspace(db, { id: w.workspaceId, regionId: w.regionId, name: w.name, createdAt: now, lastOpenedAt: now }, doc, { workspaceId: w.workspaceId, key: w.key, peerHubs: [...w.hubs], founderKey: w.founderKey });
      } finally {
        doc.destroy();
      }
    }
    for (const room of device.rooms ?? []) await insertLinkedRoom(db, room, now);
  });
}
