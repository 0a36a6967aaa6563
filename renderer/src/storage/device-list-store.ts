/**
 * This person's devices as the workspaces held here record them, and taking
 * one out (shared/membership/devices.ts). A device is granted per workspace,
 * so the list is the union over the workspaces with proven membership, and a
 * removal is signed in each of them.
 */
import type * as Y from 'yjs';
import { recordId, signMembershipRecord, verifyMembershipRecord, type VerifiedRecord } from '../../../shared/membership/membership-record';
import { resolveRoster } from '../../../shared/membership/roster';
import { membershipMap } from '../../../shared/workspace-doc/schema';
import type { StroomkringDatabase } from './database';
import type { Identity } from './identity-store';
import { withLoadedDoc } from './workspace-store';

export interface PersonDevice {
  readonly key: string;
  /** Null for the person's first key (named by the person). */
  readonly name: string | null;
  readonly thisDevice: boolean;
  /** In how many of the workspaces held here it counts. */
  readonly workspaces: number;
}

/** Runs `visit` on each proven workspace's document and checked membership records, loaded one at a time. */
async function eachProvenWorkspace(db: StroomkringDatabase, visit: (workspace: { id: string; founderKey: string; doc: Y.Doc; records: VerifiedRecord[] }) => Promise<void>): Promise<void> {
  const access = await db.workspaceAccess.toArray();
  for (const { workspaceId, founderKey } of access) {
    const row = founderKey ? await db.workspaces.get(workspaceId) : undefined;
    if (!row || !founderKey) continue;
    await withLoadedDoc(row.doc, async (doc) => {
      const texts = [...membershipMap(doc).values()].filter((value): value is string => typeof value === 'string');
      const records = (await Promise.all(texts.map((text) => verifyMembershipRecord(text).catch(() => null)))).filter((r): r is VerifiedRecord => r !== null);
      await visit({ id: workspaceId, founderKey, doc, records });
    });
  }
}

export async function devicesOfPerson(db: StroomkringDatabase, identity: Identity): Promise<PersonDevice[]> {
  const found = new Map<string, { name: string | null; at: number; workspaces: number }>();
  await eachProvenWorkspace(db, async ({ id, founderKey, records }) => {
    for (const device of resolveRoster(records, id, founderKey).devices.devices.values()) {
      if (device.person !== identity.personKeyB64) continue;
      const seen = found.get(device.key);
      found.set(device.key, { name: device.name ?? seen?.name ?? null, at: Math.min(device.at, seen?.at ?? Infinity), workspaces: (seen?.workspaces ?? 0) + 1 });
    }
  });
  return [...found]
    .sort(([, a], [, b]) => a.at - b.at)
    .map(([key, d]) => ({ key, name: key === identity.personKeyB64 ? null : d.name, thisDevice: key === identity.publicKeyB64, workspaces: d.workspaces }));
}

/**
 * Takes `device` out in every proven workspace here, signed by this device.
 * Devices it granted stay (the removal keeps those grants): the person sees
 * them listed and removes them too if they are not theirs. Returns in how
 * many workspaces it was signed.
 */
export async function removeDeviceEverywhere(db: StroomkringDatabase, identity: Identity, device: string, now = Date.now()): Promise<number> {
  if (device === identity.publicKeyB64) throw new Error('A device does not remove itself here');
  let signed = 0;
  await eachProvenWorkspace(db, async ({ id, doc, records }) => {
    const keep = records.filter((r) => r.kind === 'deviceGranted' && r.signer === device && r.device !== device).map((r) => recordId(r.text));
    const removal = await signMembershipRecord({ v: 1, kind: 'deviceRemoved', workspaceId: id, signer: identity.publicKeyB64, person: identity.personKeyB64, device, keep, at: now }, identity.privateKey);
    membershipMap(doc).set(recordId(removal.text), removal.text);
    signed += 1;
  });
  return signed;
}
