/**
 * Who is in a workspace and with which devices, resolved together: a
 * membership record a person's other device signed (admitting a newcomer,
 * issuing or revoking an invite, granting the administrator role, removing
 * a member) counts as that person's, as it would from their first key.
 *
 * The member list (member-list.ts) says who the persons are; the device list
 * (devices.ts) needs the persons to say whose a device is. So the two are
 * resolved in turns: the member list from the records as signed, the devices
 * it gives, then the member list again with each record a device signed read
 * as its person's (`acting`), and so on until nothing changes (a few rounds
 * settle any real history; MAX_ROUNDS bounds a contrived one). A workspace
 * without device grants needs one round, as before.
 *
 * A peer that checks a chain (a proof, an export) needs to see why a device's
 * record counts: `chainWithGrants` adds the grant chain of every device that
 * signed a record in a member's chain, and of the member's own device.
 */
import { grantChain, personOf, resolveDevices, type DeviceList } from './devices';
import { chainOf, resolveMemberList, type MemberList } from './member-list';
import type { VerifiedRecord } from './membership-record';

export interface Roster {
  readonly list: MemberList;
  readonly devices: DeviceList;
  /** The records with each one a device signed read as signed by its person (what `list` was resolved from). */
  readonly acting: readonly VerifiedRecord[];
  /** Every key that acts for an administrator: their first key and their devices. */
  readonly adminKeys: ReadonlySet<string>;
}

const MAX_ROUNDS = 6;
const ACTS_FOR_PERSON = new Set<VerifiedRecord['kind']>(['admitted', 'issued', 'revoked', 'adminGranted', 'removed']);

/** The record as its signer's person signed it, or the record itself when no device of another key signed it. */
function asPerson(record: VerifiedRecord, devices: DeviceList): VerifiedRecord {
  if (!ACTS_FOR_PERSON.has(record.kind)) return record;
  const person = (key: string) => personOf(devices, key) ?? key;
  const signer = person(record.signer);
  if (record.kind === 'admitted') {
    const invitedBy = person(record.invitedBy);
    return signer === record.signer && invitedBy === record.invitedBy ? record : { ...record, signer, invitedBy };
  }
  return signer === record.signer ? record : { ...record, signer };
}

const fingerprint = (list: MemberList, devices: DeviceList): string =>
  [[...list.members.keys()], [...list.admins], [...list.removed.keys()], [...devices.devices.keys()], [...devices.removed.keys()]].map((keys) => keys.sort().join(',')).join('|');

export function resolveRoster(records: readonly VerifiedRecord[], workspaceId: string, founderKey: string): Roster {
  let acting: readonly VerifiedRecord[] = records;
  let list = resolveMemberList(records, workspaceId, founderKey);
  let devices = resolveDevices(records, list, workspaceId);
  if (records.some((r) => r.kind === 'deviceGranted')) {
    let seen = fingerprint(list, devices);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const current = devices;
      acting = records.map((r) => asPerson(r, current));
      list = resolveMemberList(acting, workspaceId, founderKey);
      devices = resolveDevices(records, list, workspaceId);
      const next = fingerprint(list, devices);
      if (next === seen) break;
      seen = next;
    }
  }
  const adminKeys = new Set(list.admins);
  for (const device of devices.devices.values()) if (list.admins.has(device.person)) adminKeys.add(device.key);
  return { list, devices, acting, adminKeys };
}

/**
 * The records that prove `key` (a person's first key or one of their
 * devices) belongs to the workspace, for a peer that may hold none of them:
 * the person's chain from the founder (member-list.ts), the grants of every
 * device that signed in it, and the grants of `key` itself. Null when `key`
 * is no member's device.
 */
export function chainWithGrants(roster: Roster, records: readonly VerifiedRecord[], key: string): VerifiedRecord[] | null {
  const person = personOf(roster.devices, key) ?? key;
  const chain = chainOf(roster.list, roster.acting, person);
  if (!chain) return null;
  const asSigned = new Map(records.map((r) => [r.text, r]));
  const signers = new Set<string>([key]);
  for (const r of chain) {
    const original = asSigned.get(r.text) ?? r;
    signers.add(original.signer);
    if (original.kind === 'admitted') signers.add(original.invitedBy);
  }
  const out = chain.map((r) => asSigned.get(r.text) ?? r);
  const shown = new Set(out.map((r) => r.text));
  for (const signer of signers) {
    for (const grant of grantChain(roster.devices, records, signer) ?? []) {
      if (shown.has(grant.text)) continue;
      shown.add(grant.text);
      out.push(grant);
    }
  }
  return out;
}
