import type { BackupSubject } from '../../../shared/membership/identity-backup';
import { host } from '../host';
import { workspacesToGrant } from '../storage/device-identity-store';
import type { StroomkringDatabase } from '../storage/database';
import type { Identity } from '../storage/identity-store';

/** Whom a new device (a linked one or a backup) is granted for, and where: this person, and each proven workspace here with this device's hub first. */
export async function grantSubject(db: StroomkringDatabase, identity: Identity): Promise<Omit<BackupSubject, 'deviceName'> & { readonly leftOut: string[] }> {
  const hub = await host.sync.localHub().catch(() => ({ reachableAt: [] as string[] }));
  const { workspaces, leftOut } = await workspacesToGrant(db, identity, hub.reachableAt);
  return { person: { publicKey: identity.personKeyB64, memberId: identity.memberId, profile: identity.profile }, workspaces, leftOut };
}
