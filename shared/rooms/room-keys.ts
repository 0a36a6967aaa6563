/**
 * A confidential room's key, rotated when one of its members is removed from
 * the workspace (the design: ../membership/key-rotation.ts). A room's
 * rotation lives in the room's own document, root `roomKeys` (record id →
 * signed `rekeyed` record text, added only), so nothing about the room
 * reaches the rest of the workspace.
 *
 * How it differs from the workspace's:
 *   - A room has no administrator: any room member (invited or joined, and a
 *     current workspace member) may rotate its key, and does so as soon as
 *     their device sees a removal of someone who was in the room that no
 *     rotation of the room names yet (`pendingCauses`). Several members doing
 *     it at once is harmless: the rule that picks one rotation (highest
 *     generation, then earliest) is the workspace's, over the room's members.
 *   - The key is sealed to the room's members only, with the encryption keys
 *     they published in the workspace's membership records.
 *   - A lobby on the room's old key hands over the room's rotation only; the
 *     removals come with the workspace.
 *
 * The room's connections are proven with the workspace's membership, as
 * before; `roomAuthenticator` only routes the rotation handover to the room.
 */
import type * as Y from 'yjs';
import type { Authenticator, VerifiedPeer } from '../membership/auth-session';
import { currentRotation, makeRotation, recipientsOf, takenFromLobby, unreachableMembers } from '../membership/key-rotation';
import { recordId, signMembershipRecord, verifyMembershipRecord, type VerifiedRecord } from '../membership/membership-record';
import type { LobbyAuthenticator } from '../membership/rotation-lobby';
import type { CurrentKey, RemovalOutcome } from '../membership/workspace-keys';
import type { WorkspaceMembership } from '../membership/workspace-membership';
import { readRoomMembers } from './room-doc';

export const ROOM_KEYS_ROOT = 'roomKeys';

export interface RoomKeySelf {
  readonly publicKeyB64: string;
  readonly privateKey: CryptoKey;
}

export class RoomKeys {
  private readonly map: Y.Map<unknown>;
  /** Record text → checked record (null: it failed the check), so each is checked once. */
  private readonly checked = new Map<string, VerifiedRecord | null>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly roomId: string,
    private readonly workspaceId: string,
    private readonly workspace: WorkspaceMembership,
    private readonly self: RoomKeySelf,
    private readonly now: () => number = Date.now,
  ) {
    this.map = doc.getMap<unknown>(ROOM_KEYS_ROOT);
  }

  /** Calls `listener` when the room's rotations or the workspace's members may have changed. */
  onChange(listener: () => void): () => void {
    const observer = (): void => listener();
    this.map.observe(observer);
    const stop = this.workspace.onChange(listener);
    return () => {
      this.map.unobserve(observer);
      stop();
    };
  }

  private async records(): Promise<VerifiedRecord[]> {
    for (const text of this.map.values()) {
      if (typeof text !== 'string' || this.checked.has(text)) continue;
      this.checked.set(text, await verifyMembershipRecord(text).catch(() => null));
    }
    return [...this.checked.values()].filter((r): r is VerifiedRecord => r !== null && r.workspaceId === this.workspaceId);
  }

  /** The room's members (invited or joined) who are current workspace members, by key. */
  async members(): Promise<Set<string>> {
    const list = await this.workspace.list();
    const ids = new Set(readRoomMembers(this.doc).map((member) => member.memberId));
    const keys = new Set<string>();
    for (const key of list.members.keys()) if (ids.has(await this.workspace.memberIdOf(key))) keys.add(key);
    return keys;
  }

  /** The key this device should use for the room: null while the room has its first key (KeyRotationError when its box is missing or bad). */
  async current(): Promise<CurrentKey | null> {
    return this.workspace.keys.open(currentRotation(await this.records(), await this.members(), this.roomId));
  }

  /** Removals (record ids) of people who were in the room that no rotation of the room names yet. */
  async pendingCauses(): Promise<string[]> {
    const members = await this.members();
    if (!members.has(this.self.publicKeyB64)) return [];
    const named = new Set((await this.records()).flatMap((r) => (r.kind === 'rekeyed' && r.documentId === this.roomId && members.has(r.signer) ? r.cause : [])));
    const inRoom = new Set(readRoomMembers(this.doc).map((member) => member.memberId));
    const pending: string[] = [];
    for (const [key, id] of await this.workspace.keys.removals()) if (!named.has(id) && inRoom.has(await this.workspace.memberIdOf(key))) pending.push(id);
    return pending;
  }

  /** A new room key sealed to the room's current members; only a room member may. */
  async rotate(cause: readonly string[]): Promise<RemovalOutcome> {
    const members = await this.members();
    if (!members.has(this.self.publicKeyB64)) return { generation: null, unreachable: [] };
    const { list, devices, boxKeys } = await this.workspace.keys.encryptionKeys();
    const recipients = recipientsOf(members, devices, boxKeys);
    const previous = currentRotation(await this.records(), members, this.roomId);
    const rotation = await makeRotation({ previous, documentId: this.roomId, workspaceId: this.workspaceId, recipients, signer: this.self.publicKeyB64, cause, at: this.now() });
    this.keep((await signMembershipRecord(rotation.payload, this.self.privateKey)).text);
    return { generation: rotation.payload.generation, unreachable: unreachableMembers(rotation.unreachable, devices, list) };
  }

  /** What a room member who was away needs from the room's lobby: its rotation that counts. */
  async rotationRecords(): Promise<string[]> {
    const current = currentRotation(await this.records(), await this.members(), this.roomId);
    return current ? [current.text] : [];
  }

  /** Rotations of this room by a room member, handed over in a lobby by a proven member. */
  async acceptRotation(texts: readonly string[], from: VerifiedPeer): Promise<void> {
    if (from.as !== 'member') return;
    const members = await this.members();
    for (const text of texts) {
      const record = await verifyMembershipRecord(text).catch(() => null);
      if (record && takenFromLobby(record, members, this.workspaceId, this.roomId)) this.keep(record.text);
    }
  }

  /** Adds a rotation record to the room's document (idempotent: keyed by its hash). */
  private keep(text: string): void {
    const id = recordId(text);
    if (this.map.get(id) !== text) this.map.set(id, text);
  }
}

/** The room's connections are proven with the workspace's membership; the rotation handover is the room's own. */
export function roomAuthenticator(workspace: WorkspaceMembership, keys: RoomKeys): LobbyAuthenticator {
  const auth: Required<Authenticator> & LobbyAuthenticator = {
    prove: (transcriptFor) => workspace.prove(transcriptFor),
    check: (proof, transcriptFor) => workspace.check(proof, transcriptFor),
    accept: (record, admittedBy) => workspace.accept(record, admittedBy),
    admits: (peer) => workspace.admits(peer),
    removedMemberIds: () => workspace.removedMemberIds(),
    onChange: (listener) => workspace.onChange(listener),
    standingOf: (publicKey) => workspace.standingOf(publicKey),
    trustedFounderKey: () => workspace.trustedFounderKey(),
    signer: workspace.signer,
    memberNamed: (publicKey) => workspace.memberNamed(publicKey),
    acceptRotation: (texts, from) => keys.acceptRotation(texts, from),
    rotationRecords: () => keys.rotationRecords(),
  };
  return auth;
}
