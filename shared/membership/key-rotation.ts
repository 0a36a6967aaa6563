/**
 * A new workspace key after a removal, reaching the remaining members only.
 *
 * The workspace key is the y-webrtc password (it encrypts signaling) and part
 * of the room name the signaling servers see (invite/workspace-key.ts). A
 * removed member still holds the old one: proven membership already refuses
 * their connections (peer-auth.ts), and rotation takes away the rest: they can
 * no longer find the room, read its signaling, or decrypt anything new.
 *
 * How (records: membership-record.ts, all in the add-only membership root):
 *   - Every member publishes an encryption key (`boxKey`, X25519) signed with
 *     their signing key; a device does so when it opens a proven workspace,
 *     so members from before this change get one on their next open.
 *   - Removing a member, an administrator signs a `rekeyed` record: a fresh
 *     256-bit key of the next generation, sealed (HPKE, crypto/sealed-box.ts)
 *     to the encryption key of every device of every remaining member (a
 *     person's devices publish their own: devices.ts), bound by the box
 *     context to this workspace, generation and device.
 *   - Every device that sees a newer rotation with a box for it opens the
 *     box, checks the key against the record's `keyCheck`, keeps it and
 *     moves its sync to the new room; the old key is kept for a while as a
 *     lobby (below).
 *
 * Which rotation counts: of the `rekeyed` records for this workspace signed
 * by a current administrator, the highest generation; of several at one
 * generation (two administrators removing someone at the same moment), the
 * earliest by `at`, then by text (member-list.ts's order). Every peer with
 * the same records picks the same one, so a device that had moved to its own
 * key of that generation moves again, to the winner. A device waits
 * ROTATION_SETTLE_MS before it moves, so rotations made at once meet in the
 * old room first; lobbies announce themselves for LOBBY_ANNOUNCE_MS, so
 * devices that still moved apart meet there. A rotation by someone no
 * longer an administrator does not count, so a removed administrator cannot
 * leave a rotation behind that others would follow.
 *
 * Invites made before the rotation that counts admit nobody any more: they
 * carry the old key, which the removed member knows too. The administrator
 * makes new ones (which carry the new key).
 *
 * A member who was offline during the rotation still has only the old key. A
 * device that rotated keeps listening on the old room for LOBBY_MS (a lobby):
 * there a connection is proven as ever, and a proven member is handed the
 * rotation records (peer-auth.ts kind 5) and nothing else; their device opens
 * its box and moves on. A removed member who finds the lobby is refused by the
 * proof, like anywhere. Members who had not published an encryption key when
 * the rotation was made get no box: the administrator is told whom to invite
 * again.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64Url, toBase64Url } from '../crypto/base64url';
import { openBox, seal, SealedBoxError, type BoxKeys } from '../crypto/sealed-box';
import type { DeviceList } from './devices';
import { earlier, type MemberList } from './member-list';
import { MAX_ENVELOPES, recordId, type MemberRef, type MembershipPayload, type RekeyRecord, type VerifiedRecord } from './membership-record';
import { StroomkringError } from '../errors/stroomkring-error';

/** How long a device that rotated keeps the old room open for members who were away: a few weeks between regional sessions. */
export const LOBBY_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A device moves to a rotation only once it has known it this long: rotations
 * made at the same moment on other devices (two room members seeing one
 * removal) then still cross in the old room, and every device moves to the
 * same one. Records cross a LAN in milliseconds; this is far above that.
 */
export const ROTATION_SETTLE_MS = 2_000;

/** A lobby also announces itself this long after it opens, so lobbies of devices that still moved to different rotations meet and settle on one. */
export const LOBBY_ANNOUNCE_MS = 60_000;

const KEY_BYTES = 32;

export class KeyRotationError extends StroomkringError {
  override readonly name = 'KeyRotationError';
  constructor(
    readonly problem: 'noBox' | 'badBox' | 'keyCheckFails' | 'tooManyMembers',
    detail: string,
  ) {
    super(`Key rotation ${problem}: ${detail}`);
  }
}

/** What a key is checked against: SHA-256 over a label and the key, base64url (43 characters). */
export function keyCheckOf(key: string): string {
  return toBase64Url(sha256(new TextEncoder().encode(`stroomkring key check 1\u0000${key}`)));
}

/** The box context (HPKE info): a box opens only for this document, generation and member. */
function boxContext(documentId: string, generation: number, to: string): string {
  return ['stroomkring rekey 1', documentId, String(generation), to].join('\u0000');
}

/**
 * The rotation that counts (see above) among those of `documentId` signed by
 * one of `signers` (a workspace's administrators; a room's members), or
 * undefined while the document has its first key.
 */
export function currentRotation(records: Iterable<VerifiedRecord>, signers: ReadonlySet<string>, documentId: string): RekeyRecord | undefined {
  let best: RekeyRecord | undefined;
  for (const record of records) {
    if (record.kind !== 'rekeyed' || record.documentId !== documentId || !signers.has(record.signer)) continue;
    if (!best || record.generation > best.generation || (record.generation === best.generation && earlier(record, best))) best = record;
  }
  return best;
}

/** Each current device's published encryption key (a member's first key is a device too: devices.ts): its own latest `boxKey` record. */
export function encryptionKeys(records: Iterable<VerifiedRecord>, devices: DeviceList): Map<string, string> {
  const latest = new Map<string, Extract<VerifiedRecord, { kind: 'boxKey' }>>();
  for (const record of records) {
    if (record.kind !== 'boxKey' || !devices.devices.has(record.signer)) continue;
    const current = latest.get(record.signer);
    if (!current || earlier(current, record)) latest.set(record.signer, record);
  }
  return new Map([...latest].map(([member, record]) => [member, record.boxKey]));
}

/** Whom a rotation is sealed to: every current device of each of `persons`, with its encryption key (undefined: none published yet). */
export function recipientsOf(persons: Iterable<string>, devices: DeviceList, boxKeys: ReadonlyMap<string, string>): Map<string, string | undefined> {
  const wanted = new Set(persons);
  const recipients = new Map<string, string | undefined>();
  for (const device of devices.devices.values()) if (wanted.has(device.person)) recipients.set(device.key, boxKeys.get(device.key));
  return recipients;
}

/** The persons behind unreachable devices, once each, as the member list names them. */
export function unreachableMembers(deviceKeys: readonly string[], devices: DeviceList, list: MemberList): MemberRef[] {
  const persons = new Set(deviceKeys.map((key) => devices.devices.get(key)?.person ?? key));
  return [...persons].flatMap((person) => {
    const listed = list.members.get(person);
    return listed ? [{ publicKey: listed.publicKey, displayName: listed.displayName, organisationName: listed.organisationName }] : [];
  });
}

export interface NewRotation {
  /** The unsigned record; the caller signs it. */
  readonly payload: Extract<MembershipPayload, { kind: 'rekeyed' }>;
  readonly key: string;
  /** Current members without a published encryption key: they get no box. */
  readonly unreachable: readonly string[];
}

/**
 * A fresh key of the generation after `previous`, sealed to every recipient
 * (member key → their published encryption key; undefined when they have
 * none, and then they are unreachable).
 */
export async function makeRotation(input: {
  readonly previous: RekeyRecord | undefined;
  readonly documentId: string;
  readonly workspaceId: string;
  readonly recipients: ReadonlyMap<string, string | undefined>;
  readonly signer: string;
  readonly cause: readonly string[];
  readonly at: number;
}): Promise<NewRotation> {
  const { previous, documentId, workspaceId, recipients, signer, cause, at } = input;
  const generation = (previous?.generation ?? 0) + 1;
  const key = toBase64Url(crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
  const reachable = [...recipients].filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (reachable.length > MAX_ENVELOPES) throw new KeyRotationError('tooManyMembers', `${reachable.length} members`);
  const secret = fromBase64Url(key);
  const envelopes = await Promise.all(reachable.map(async ([to, boxKey]) => ({ to, box: await seal(secret, boxKey, boxContext(documentId, generation, to)) })));
  return {
    payload: { v: 1, kind: 'rekeyed', workspaceId, signer, at, documentId, generation, keyCheck: keyCheckOf(key), cause: [...cause], envelopes },
    key,
    unreachable: [...recipients].filter(([, boxKey]) => boxKey === undefined).map(([member]) => member),
  };
}

/** Opens this member's box in a rotation; throws KeyRotationError when there is none, it does not open, or the key is not the one the record commits to. */
export async function openRotation(record: RekeyRecord, self: { readonly publicKeyB64: string; readonly boxKeys: Pick<BoxKeys, 'publicKey' | 'privateKey'> }): Promise<string> {
  const envelope = record.envelopes.find((e) => e.to === self.publicKeyB64);
  if (!envelope) throw new KeyRotationError('noBox', `generation ${record.generation} has no key for this member`);
  let secret: Uint8Array;
  try {
    secret = await openBox(envelope.box, self.boxKeys, boxContext(record.documentId, record.generation, self.publicKeyB64));
  } catch (error) {
    if (error instanceof SealedBoxError) throw new KeyRotationError('badBox', error.message);
    throw error;
  }
  const key = toBase64Url(secret);
  if (secret.length !== KEY_BYTES || keyCheckOf(key) !== record.keyCheck) throw new KeyRotationError('keyCheckFails', `generation ${record.generation}`);
  return key;
}

/** What a lobby hands a member who was away: the removals behind the rotation that counts (so their device stops talking to the removed at once), then the rotation. */
export function lobbyHandover(records: readonly VerifiedRecord[], current: RekeyRecord | undefined): string[] {
  if (!current) return [];
  const causes = records.filter((r) => r.kind === 'removed' && current.cause.includes(recordId(r.text)));
  return [...causes.map((r) => r.text), current.text];
}

/** Whether a record handed over in a lobby of `documentId` is kept: only removals and rotations by one of `signers`. */
export function takenFromLobby(record: VerifiedRecord, signers: ReadonlySet<string>, workspaceId: string, documentId: string): boolean {
  if (record.workspaceId !== workspaceId || !signers.has(record.signer)) return false;
  return (record.kind === 'rekeyed' && record.documentId === documentId) || (record.kind === 'removed' && documentId === workspaceId);
}
