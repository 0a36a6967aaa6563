/**
 * A person's devices: one identity that survives a lost laptop and works on
 * a second one (issue 12, item 4). This module is the rule for which keys
 * count as whose device. Proofs, signed changes and key rotation use it
 * already (workspace-membership.ts: a device proves itself as its person and
 * shows its grants; its changes stand as its person's; a removed device's are
 * refused; key-rotation.ts: every device publishes its own encryption key and
 * a rotation is sealed to each); what is still to come is listed at the end.
 *
 * Choice: every device keeps its own Ed25519 key, made on it and never
 * exportable, and a person's devices are tied together by signed records
 * (Keyhive's and p2panda's approach: capabilities per device, revocation of
 * one device without touching the others). The alternative, copying one
 * person key to every device, makes "remove a single device" impossible
 * without replacing the person's key, and puts the key in transit.
 *
 *   - The person is the member as the member list has them (member-list.ts),
 *     named by the key they were admitted with (their first device). Their
 *     member id stays the one that key gives, whichever device acts.
 *   - A `deviceGranted` record adds a device. It counts when its signer is a
 *     device of that person that counts: their first key, or a device granted
 *     that way before (reachable from the first key, as admissions are from
 *     the founder). A person has at most MAX_DEVICES.
 *   - A `deviceRemoved` record takes a device out: signed by a device of the
 *     person that counts (a device may sign itself out) or by an
 *     administrator. Removals are taken in order (`at`, then text), as member
 *     removals are. The first key can be removed too (the laptop that was
 *     lost is often the first one): the person stays, named by it, acting
 *     through their other devices. Grants the removed device signed count
 *     only when the removal lists them in `keep` (the device's owner saw
 *     them) or they make the removal's own signer a device; a stolen device
 *     cannot backdate a grant past its removal.
 *   - A removed member's devices all go with them.
 *   - Pure and a function of the set of records: every peer holding the same
 *     records agrees on every person's devices, whatever order they came in.
 *
 * An identity backup is a device too: exporting one makes a fresh key for
 * the backup, grants it, and writes it (encrypted with the passphrase) to
 * the file; restoring it on a fresh install makes that key a device again,
 * and a backup that was lost is removed like any device. So no device's own
 * key ever leaves it.
 *
 * Membership records a device signs count as its person's (roster.ts: the
 * member list and the devices resolved in turns). A new device is linked by
 * a request and a link code carried between the person's two devices, with
 * the same check shown on both (device-link.ts); it becomes that person on a
 * fresh install with its own keys (renderer/src/storage/
 * device-identity-store.ts), as a restored backup does.
 *
 * A stance signed on a device carries the grants from the person's first
 * key to it, so it verifies offline, in an export too (personOfGrantChain;
 * shared/goals/stance.ts).
 *
 * Still to come: mandate records signed by a device (granting, confirming
 * or revoking a mandate names the signer's own key); a linked device
 * founding or joining a workspace its person is not in yet (a grant is per
 * workspace, so nothing there proves whose device it is); and an offline
 * check of a device removal in an exported stance (the export cannot know a
 * device was removed later).
 *
 * The way to the second: a person-wide device certificate, a
 * `deviceGranted` valid in every workspace, made along with the per-workspace
 * grants when a device is linked or a backup made, and kept on the device.
 * A linked device joining by invite shows it in its newcomer proof, so the
 * member who admits it admits the person (their first key) and keeps the
 * certificate; founding, the `founded` record may then be signed by a
 * device of the founder key the certificate names.
 */
import { fromBase64Url } from '../crypto/base64url';
import { memberIdFromPublicKey } from '../crypto/identity-keys';
import { earlier, type MemberList } from './member-list';
import { peekMembershipPayload, recordId, verifyMembershipRecord, type VerifiedRecord } from './membership-record';

/** A person's laptop, a second laptop, a tablet, a backup or two: far above what anyone needs. */
export const MAX_DEVICES = 10;

type Grant = Extract<VerifiedRecord, { kind: 'deviceGranted' }>;
type Removal = Extract<VerifiedRecord, { kind: 'deviceRemoved' }>;

export interface Device {
  readonly key: string;
  /** The person (their first key, as the member list names them). */
  readonly person: string;
  /** What the person called it; the first key is named by the person's own name elsewhere. */
  readonly name: string | null;
  /** The device whose grant added it, and that grant's record id; null for the first key. */
  readonly grantedBy: string | null;
  readonly grantId: string | null;
  readonly at: number;
}

export interface DeviceList {
  /** Device key → the device, for every device that counts. */
  readonly devices: ReadonlyMap<string, Device>;
  /** Device keys taken out, by whom and when. */
  readonly removed: ReadonlyMap<string, { readonly by: string; readonly at: number }>;
}

/** Removals can undo grants, which can undo removals: a few rounds settle any real history. */
const MAX_ROUNDS = 8;

const inOrder = <T extends VerifiedRecord>(records: T[]): T[] => records.sort((a, b) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0));

/** Members and removed members alike, by key: a removed member's devices are reached too, to be taken out with them. */
type Persons = ReadonlyMap<string, { readonly at: number }>;

/** The devices the grants reach from each person's first key, leaving out the excluded grants and removed devices. */
function reachedDevices(persons: Persons, grants: readonly Grant[], ids: ReadonlyMap<Grant, string>, removed: ReadonlyMap<string, Removal>, excluded: ReadonlySet<Grant>): Map<string, Device> {
  const devices = new Map<string, Device>();
  const perPerson = new Map<string, number>();
  for (const [person, member] of persons) {
    perPerson.set(person, 1);
    devices.set(person, { key: person, person, name: null, grantedBy: null, grantId: null, at: member.at });
  }
  // A device reached only through a removed one still counts when its grant was kept.
  const acts = (key: string, person: string): boolean => devices.get(key)?.person === person;
  for (let grew = true; grew; ) {
    grew = false;
    for (const g of grants) {
      if (excluded.has(g) || devices.has(g.device) || persons.has(g.device) || !persons.has(g.person) || !acts(g.signer, g.person)) continue;
      const count = perPerson.get(g.person) ?? 0;
      if (count >= MAX_DEVICES) continue;
      perPerson.set(g.person, count + 1);
      devices.set(g.device, { key: g.device, person: g.person, name: g.deviceName, grantedBy: g.signer, grantId: ids.get(g) ?? null, at: g.at });
      grew = true;
    }
  }
  for (const key of removed.keys()) devices.delete(key);
  return devices;
}

/** Removals in order; one counts when its signer is, by then, a device of that person or an administrator. */
function resolveRemovals(list: MemberList, removals: readonly Removal[], devices: ReadonlyMap<string, Device>): Map<string, Removal> {
  const removed = new Map<string, Removal>();
  for (const r of removals) {
    if (removed.has(r.device) || devices.get(r.device)?.person !== r.person) continue;
    const byOwnDevice = devices.get(r.signer)?.person === r.person && !removed.has(r.signer);
    if (!byOwnDevice && !list.admins.has(r.signer)) continue;
    removed.set(r.device, r);
  }
  return removed;
}

export function resolveDevices(records: Iterable<VerifiedRecord>, list: MemberList, workspaceId: string): DeviceList {
  const grants: Grant[] = [];
  const removals: Removal[] = [];
  for (const r of records) {
    if (r.workspaceId !== workspaceId) continue;
    if (r.kind === 'deviceGranted') grants.push(r);
    else if (r.kind === 'deviceRemoved') removals.push(r);
  }
  // Earliest grant first, so when a person is at MAX_DEVICES every peer keeps the same ones.
  inOrder(grants);
  inOrder(removals);
  const ids = new Map(grants.map((g) => [g, recordId(g.text)]));
  const persons: Persons = new Map([...list.formerMembers, ...list.members]);
  let excluded = new Set<Grant>();
  let removed = new Map<string, Removal>();
  let devices = reachedDevices(persons, grants, ids, removed, excluded);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const all = reachedDevices(persons, grants, ids, new Map(), excluded);
    removed = resolveRemovals(list, removals, all);
    const kept = new Set<string>();
    for (const r of removed.values()) {
      for (const id of r.keep) kept.add(id);
      // A removal keeps the grants that make its own signer a device: without them it would undo itself.
      for (let d = all.get(r.signer); d?.grantId; d = d.grantedBy === null ? undefined : all.get(d.grantedBy)) kept.add(d.grantId);
    }
    const next = new Set(grants.filter((g) => removed.has(g.signer) && !kept.has(ids.get(g) as string)));
    devices = reachedDevices(persons, grants, ids, removed, next);
    if (next.size === excluded.size && [...next].every((g) => excluded.has(g))) break;
    excluded = next;
  }
  const taken = new Map([...removed].map(([key, r]) => [key, { by: r.signer, at: r.at }]));
  // A removed member's devices are taken out with them.
  for (const [key, device] of devices) {
    const memberRemoval = list.removed.get(device.person);
    if (!memberRemoval) continue;
    devices.delete(key);
    if (!taken.has(key)) taken.set(key, memberRemoval);
  }
  return { devices, removed: taken };
}

/** The grants that make `key` a device of its person, from their first key down; empty for the first key, null for no device. */
export function grantChain(devices: DeviceList, records: Iterable<VerifiedRecord>, key: string): VerifiedRecord[] | null {
  if (!devices.devices.has(key)) return null;
  const byId = new Map<string, VerifiedRecord>();
  for (const r of records) if (r.kind === 'deviceGranted') byId.set(recordId(r.text), r);
  const chain: VerifiedRecord[] = [];
  for (let d = devices.devices.get(key); d?.grantId; d = d.grantedBy === null ? undefined : devices.devices.get(d.grantedBy)) {
    const grant = byId.get(d.grantId);
    if (!grant || chain.length > MAX_DEVICES) return null;
    chain.unshift(grant);
  }
  return chain;
}

/** The person a device key acts for, or undefined when it is no device that counts. */
export function personOf(devices: DeviceList, key: string): string | undefined {
  return devices.devices.get(key)?.person;
}

/**
 * Checks, with nothing but the records themselves, that `grants` make
 * `device` a device of the person whose member id is `memberId`: the first
 * grant signed by the person's first key (whose hash is that member id),
 * each next one by the device the one before granted, all in one workspace,
 * the last for `device`. Returns the person's first key, or null. What it
 * cannot know offline is whether a device was removed since; a peer that
 * holds the workspace checks that against its own records.
 */
export async function personOfGrantChain(grants: readonly string[], memberId: string, device: string): Promise<string | null> {
  if (grants.length === 0 || grants.length > MAX_DEVICES) return null;
  const records: Grant[] = [];
  for (const text of grants) {
    const record = await verifyMembershipRecord(text).catch(() => null);
    if (record?.kind !== 'deviceGranted') return null;
    records.push(record);
  }
  const [first] = records as [Grant, ...Grant[]];
  if (first.signer !== first.person || (await memberIdFromPublicKey(fromBase64Url(first.person))) !== memberId) return null;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as Grant;
    if (r.person !== first.person || r.workspaceId !== first.workspaceId || (i > 0 && r.signer !== (records[i - 1] as Grant).device)) return null;
  }
  return (records.at(-1) as Grant).device === device ? first.person : null;
}

/** The person key a verified chain names (personOfGrantChain checked it): its first grant's person, read without checking again. */
export function personKeyOfCheckedChain(grants: readonly string[]): string | undefined {
  const first = peekMembershipPayload(grants[0]);
  return first?.kind === 'deviceGranted' ? first.person : undefined;
}
