/**
 * This device's side of key rotation for one workspace (the design:
 * key-rotation.ts): it publishes the member's encryption key, makes a
 * rotation when an administrator removes someone, opens the rotation that
 * counts, and says what a lobby hands over and keeps. It reads and writes the
 * membership records through the WorkspaceMembership it belongs to.
 */
import type { BoxKeys } from '../crypto/sealed-box';
import type { VerifiedPeer } from './auth-session';
import type { DeviceList } from './devices';
import type { Roster } from './roster';
import { currentRotation, encryptionKeys, lobbyHandover, makeRotation, openRotation, recipientsOf, takenFromLobby, unreachableMembers } from './key-rotation';
import type { MemberList } from './member-list';
import { recordId, signMembershipRecord, verifyMembershipRecord, type MemberRef, type RekeyRecord, type VerifiedRecord } from './membership-record';

/** The key this device should use, as the rotations say. */
export interface CurrentKey {
  readonly generation: number;
  readonly key: string;
}

/** What a removal did: the new key's generation (null when this device cannot rotate), and current members it could not reach (no encryption key published). */
export interface RemovalOutcome {
  readonly generation: number | null;
  readonly unreachable: readonly MemberRef[];
}

/** What WorkspaceMembership lends: its checked records and how it resolves, stores and guards them. */
export interface RecordAccess {
  /** The records, the member list and the devices (roster.ts), resolved once per change of the records. */
  roster(): Promise<Roster & { readonly records: readonly VerifiedRecord[] }>;
  add(record: VerifiedRecord): Promise<void>;
  isOpen(): boolean;
  requireAdmin(roster: Roster): void;
  now(): number;
}

export interface KeySelf {
  readonly publicKeyB64: string;
  readonly privateKey: CryptoKey;
  /** Without it (tests, benchmarks) this device neither publishes, rotates nor opens keys. */
  readonly boxKeys?: BoxKeys;
}

export class WorkspaceKeys {
  /** Rotation record text → the key this member's box in it holds (opening costs an X25519 agreement). */
  private readonly opened = new Map<string, string>();

  constructor(
    private readonly access: RecordAccess,
    private readonly workspaceId: string,
    private readonly self: KeySelf,
  ) {}

  /** A new workspace key for the members who remain, sealed to each one's encryption key. Only an administrator may. */
  async rotate(cause: readonly string[]): Promise<RemovalOutcome> {
    const roster = await this.access.roster();
    const { records, list, devices } = roster;
    this.access.requireAdmin(roster);
    const { self, workspaceId } = this;
    if (!self.boxKeys) return { generation: null, unreachable: [] };
    const recipients = recipientsOf(list.members.keys(), devices, encryptionKeys(records, devices));
    const previous = currentRotation(records, roster.adminKeys, workspaceId);
    const rotation = await makeRotation({ previous, documentId: workspaceId, workspaceId, recipients, signer: self.publicKeyB64, cause, at: this.access.now() });
    await this.access.add(await signMembershipRecord(rotation.payload, self.privateKey));
    return { generation: rotation.payload.generation, unreachable: unreachableMembers(rotation.unreachable, devices, list) };
  }

  /** Publishes this member's encryption key once they are a member and it is not published yet. True when a record was added. */
  async publish(): Promise<boolean> {
    const { self, workspaceId } = this;
    if (this.access.isOpen() || !self.boxKeys) return false;
    const { records, devices } = await this.access.roster();
    if (!devices.devices.has(self.publicKeyB64) || encryptionKeys(records, devices).get(self.publicKeyB64) === self.boxKeys.publicKeyB64) return false;
    await this.access.add(await signMembershipRecord({ v: 1, kind: 'boxKey', workspaceId, signer: self.publicKeyB64, boxKey: self.boxKeys.publicKeyB64, at: this.access.now() }, self.privateKey));
    return true;
  }

  /**
   * The key this device should use now: null while the workspace has its
   * first key. Throws KeyRotationError when the rotation that counts has no
   * key for this member (it was made before their encryption key arrived).
   */
  async current(): Promise<CurrentKey | null> {
    const { self } = this;
    if (this.access.isOpen() || !self.boxKeys) return null;
    const { records, adminKeys } = await this.access.roster();
    return this.open(currentRotation(records, adminKeys, this.workspaceId));
  }

  /** Opens this member's box in `rotation` (remembered: opening costs an X25519 agreement); null for none. */
  async open(rotation: RekeyRecord | undefined): Promise<CurrentKey | null> {
    const { boxKeys, publicKeyB64 } = this.self;
    if (!rotation || !boxKeys) return null;
    let key = this.opened.get(rotation.text);
    if (key === undefined) {
      key = await openRotation(rotation, { publicKeyB64, boxKeys });
      this.opened.set(rotation.text, key);
    }
    return { generation: rotation.generation, key };
  }

  /** The member list, every person's devices and each device's published encryption key, for sealing a room's key to its members. */
  async encryptionKeys(): Promise<{ readonly list: MemberList; readonly devices: DeviceList; readonly boxKeys: ReadonlyMap<string, string> }> {
    const { records, list, devices } = await this.access.roster();
    return { list, devices, boxKeys: encryptionKeys(records, devices) };
  }

  /** The removals that count, by removed member key → the removal record's id (what a rotation names as its cause). */
  async removals(): Promise<ReadonlyMap<string, string>> {
    const { acting, list } = await this.access.roster();
    const ids = new Map<string, string>();
    // As the member list counted them: a removal a device signed, as its person's.
    for (const r of acting) if (r.kind === 'removed' && list.removed.get(r.subject)?.at === r.at && list.removed.get(r.subject)?.by === r.signer) ids.set(r.subject, recordId(r.text));
    return ids;
  }

  /** When the rotation that counts was made (invites from before it admit nobody); null while the workspace has its first key. */
  async rotatedAt(): Promise<number | null> {
    const { records, adminKeys } = await this.access.roster();
    return currentRotation(records, adminKeys, this.workspaceId)?.at ?? null;
  }

  /** What a member who was away needs from a lobby. */
  async rotationRecords(): Promise<string[]> {
    const { records, adminKeys } = await this.access.roster();
    return lobbyHandover(records, currentRotation(records, adminKeys, this.workspaceId));
  }

  /** Records handed over in a lobby by a proven member: removals and rotations of this workspace by an administrator are kept. */
  async acceptRotation(texts: readonly string[], from: VerifiedPeer): Promise<void> {
    if (from.as !== 'member') return;
    const { adminKeys } = await this.access.roster();
    for (const text of texts) {
      const record = await verifyMembershipRecord(text).catch(() => null);
      if (record && takenFromLobby(record, adminKeys, this.workspaceId, this.workspaceId)) await this.access.add(record);
    }
  }
}
