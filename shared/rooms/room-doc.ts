/**
 * Layout of a confidential room's own Y.Doc (schema version 1). Nothing of a
 * room is ever written to the workspace document: every partner receives
 * that one, so even a room's existence would leak there.
 *
 *   roomMeta:    Y.Map { schemaVersion, roomId, workspaceId, title,
 *                        organisationIds: string[], createdBy, createdAt }
 *   invitations: Y.Map<memberId, { invitedBy, invitedAt }>  written by the inviter
 *   joined:      Y.Map<memberId, { joinedAt }>              written by the member
 *                (two maps, each entry written by one person, so an invite and
 *                the invitee's join never compete for the same key)
 *   notes:       Y.Map<noteId, { text, createdBy, createdAt }>
 *   roomKeys:    Y.Map<recordId, signed rotation record>  added only (room-keys.ts)
 *   documents, comments: as in the workspace (../workspace-doc/documents.ts, comments.ts)
 */
import { z } from 'zod';
import type * as Y from 'yjs';
import { organisationIdOf, type Member } from '../workspace-doc/members';
import { describeIssues, readWith, type ReadResult } from '../workspace-doc/read-result';
import { StroomkringError } from '../errors/stroomkring-error';

export const ROOM_SCHEMA_VERSION = 1;

export const ROOM_LIMITS = {
  title: 120,
  organisations: 50,
  note: 2000,
} as const;

const ROOT = { meta: 'roomMeta', invitations: 'invitations', joined: 'joined', notes: 'notes' } as const;
/** The room's own record roots (its library's are the workspace's collections), for what a holder reports. */
export const ROOM_RECORD_ROOTS: readonly string[] = [ROOT.joined, ROOT.notes];

const Id = z.string().min(1).max(64);

export const RoomMetaSchema = z.object({
  schemaVersion: z.number().int().positive(),
  roomId: Id,
  workspaceId: Id,
  title: z.string().min(1).max(ROOM_LIMITS.title),
  organisationIds: z.array(Id).min(1).max(ROOM_LIMITS.organisations),
  createdBy: Id,
  createdAt: z.number().int().nonnegative(),
});
export type RoomMeta = z.infer<typeof RoomMetaSchema>;

const InvitationSchema = z.object({ invitedBy: Id, invitedAt: z.number().int().nonnegative() });
const JoinSchema = z.object({ joinedAt: z.number().int().nonnegative() });
export const RoomNoteSchema = z.object({ id: Id, text: z.string().min(1).max(ROOM_LIMITS.note), createdBy: Id, createdAt: z.number().int().nonnegative() });
export type RoomNote = z.infer<typeof RoomNoteSchema>;

export interface RoomMember {
  readonly memberId: string;
  readonly invitedBy?: string;
  readonly invitedAt?: number;
  readonly joinedAt?: number;
}

export class NotInvitableError extends StroomkringError {
  override readonly name = 'NotInvitableError';
  constructor(readonly memberId: string) {
    super(`Member ${memberId} does not belong to an organisation taking part in this room`);
  }
}

function root(doc: Y.Doc, name: string): Y.Map<unknown> {
  return doc.getMap<unknown>(name);
}

/** Writes the room's meta and the creator's join, once, when the room is created on the creator's device. */
export function initialiseRoom(doc: Y.Doc, meta: Omit<RoomMeta, 'schemaVersion'>): void {
  const map = root(doc, ROOT.meta);
  const title = meta.title.trim();
  RoomMetaSchema.parse({ ...meta, title, schemaVersion: ROOM_SCHEMA_VERSION });
  doc.transact(() => {
    if (map.has('roomId')) return;
    map.set('schemaVersion', ROOM_SCHEMA_VERSION);
    map.set('roomId', meta.roomId);
    map.set('workspaceId', meta.workspaceId);
    map.set('title', title);
    map.set('organisationIds', [...new Set(meta.organisationIds)]);
    map.set('createdBy', meta.createdBy);
    map.set('createdAt', meta.createdAt);
    root(doc, ROOT.joined).set(meta.createdBy, { joinedAt: meta.createdAt });
  });
}

export type RoomMetaRead = { ok: true; meta: RoomMeta } | { ok: false; problem: string };

/** The room's meta; not ok while nothing has arrived from a peer yet, or when a peer wrote nonsense. */
export function readRoomMeta(doc: Y.Doc): RoomMetaRead {
  const parsed = RoomMetaSchema.safeParse(root(doc, ROOT.meta).toJSON());
  return parsed.success ? { ok: true, meta: parsed.data } : { ok: false, problem: describeIssues(parsed.error) };
}

/** Whether the room's content has arrived at all (a joiner's copy is empty until a peer syncs it). */
export function hasRoomMeta(doc: Y.Doc): boolean {
  return root(doc, ROOT.meta).size > 0;
}

/** Invited and joined members, valid entries only (a malformed entry from a peer is dropped, not trusted). */
export function readRoomMembers(doc: Y.Doc): RoomMember[] {
  const members = new Map<string, RoomMember>();
  root(doc, ROOT.invitations).forEach((raw, memberId) => {
    const read = InvitationSchema.safeParse(raw);
    if (read.success && Id.safeParse(memberId).success) members.set(memberId, { memberId, ...read.data });
  });
  root(doc, ROOT.joined).forEach((raw, memberId) => {
    const read = JoinSchema.safeParse(raw);
    if (read.success && Id.safeParse(memberId).success) members.set(memberId, { ...members.get(memberId), memberId, joinedAt: read.data.joinedAt });
  });
  return [...members.values()];
}

/** A workspace member may be invited when they belong to one of the room's organisations. */
export function canInviteToRoom(member: Member, meta: Pick<RoomMeta, 'organisationIds'>, organisations: readonly { id: string; name: string }[]): boolean {
  const organisationId = organisationIdOf(member, organisations);
  return organisationId !== undefined && meta.organisationIds.includes(organisationId);
}

/** Records an invitation; refuses a member of an organisation that does not take part. */
export function recordInvitation(doc: Y.Doc, invitee: Member, organisations: readonly { id: string; name: string }[], by: { memberId: string; now: number }): void {
  const meta = readRoomMeta(doc);
  if (!meta.ok || !canInviteToRoom(invitee, meta.meta, organisations)) throw new NotInvitableError(invitee.memberId);
  root(doc, ROOT.invitations).set(invitee.memberId, { invitedBy: by.memberId, invitedAt: by.now });
}

/** Records this member's join; kept from the first time. */
export function recordJoin(doc: Y.Doc, memberId: string, now: number): void {
  const joined = root(doc, ROOT.joined);
  if (!JoinSchema.safeParse(joined.get(memberId)).success) joined.set(memberId, { joinedAt: now });
}

export function readRoomNotes(doc: Y.Doc): ReadResult<RoomNote>[] {
  const notes: ReadResult<RoomNote>[] = [];
  root(doc, ROOT.notes).forEach((raw, id) => notes.push(readWith(RoomNoteSchema, id, typeof raw === 'object' && raw !== null ? { ...raw, id } : raw)));
  return notes.sort((a, b) => (a.ok ? a.value.createdAt : 0) - (b.ok ? b.value.createdAt : 0));
}

export function addRoomNote(doc: Y.Doc, text: string, by: { memberId: string; now: number }, id: string = crypto.randomUUID()): string {
  const note = RoomNoteSchema.parse({ id, text: text.trim(), createdBy: by.memberId, createdAt: by.now });
  root(doc, ROOT.notes).set(id, { text: note.text, createdBy: note.createdBy, createdAt: note.createdAt });
  return id;
}

export function removeRoomNote(doc: Y.Doc, id: string): void {
  root(doc, ROOT.notes).delete(id);
}
