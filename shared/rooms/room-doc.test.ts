import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Member } from '../workspace-doc/members';
import { addRoomNote, canInviteToRoom, hasRoomMeta, initialiseRoom, NotInvitableError, readRoomMembers, readRoomMeta, readRoomNotes, recordInvitation, recordJoin } from './room-doc';

const organisations = [
  { id: 'leiden', name: 'Gemeente Leiden' },
  { id: 'liander', name: 'Liander' },
  { id: 'coop', name: 'Energiecoöperatie' },
];

function member(memberId: string, organisationName: string): Member {
  return { memberId, displayName: memberId, organisationName, role: '', publicKey: 'A'.repeat(43), joinedAt: 1 };
}

function room() {
  const doc = new Y.Doc();
  initialiseRoom(doc, { roomId: 'r1', workspaceId: 'w1', title: ' Grondposities ', organisationIds: ['leiden', 'liander', 'leiden'], createdBy: 'anne', createdAt: 5 });
  return doc;
}

describe('room document', () => {
  it('holds its meta and the creator as joined', () => {
    const doc = room();
    expect(readRoomMeta(doc)).toEqual({ ok: true, meta: { schemaVersion: 1, roomId: 'r1', workspaceId: 'w1', title: 'Grondposities', organisationIds: ['leiden', 'liander'], createdBy: 'anne', createdAt: 5 } });
    expect(readRoomMembers(doc)).toEqual([{ memberId: 'anne', joinedAt: 5 }]);
  });

  it('a joiner\'s empty copy has no meta until a peer syncs it', () => {
    const empty = new Y.Doc();
    expect(hasRoomMeta(empty)).toBe(false);
    expect(readRoomMeta(empty).ok).toBe(false);
    Y.applyUpdate(empty, Y.encodeStateAsUpdate(room()));
    expect(hasRoomMeta(empty)).toBe(true);
  });

  it('invites only members of participating organisations', () => {
    const doc = room();
    const meta = { organisationIds: ['leiden', 'liander'] };
    expect(canInviteToRoom(member('bram', 'Liander'), meta, organisations)).toBe(true);
    expect(canInviteToRoom(member('carla', 'Energiecoöperatie'), meta, organisations)).toBe(false);
    expect(canInviteToRoom(member('dirk', 'Onbekend'), meta, organisations)).toBe(false);
    expect(() => recordInvitation(doc, member('carla', 'Energiecoöperatie'), organisations, { memberId: 'anne', now: 6 })).toThrow(NotInvitableError);
    recordInvitation(doc, member('bram', 'Liander'), organisations, { memberId: 'anne', now: 6 });
    expect(readRoomMembers(doc)).toContainEqual({ memberId: 'bram', invitedBy: 'anne', invitedAt: 6 });
  });

  it('an invitation and the invitee\'s concurrent join both survive the merge', () => {
    const a = room();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    recordInvitation(a, member('bram', 'Liander'), organisations, { memberId: 'anne', now: 6 });
    recordJoin(b, 'bram', 7);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readRoomMembers(a)).toContainEqual({ memberId: 'bram', invitedBy: 'anne', invitedAt: 6, joinedAt: 7 });
  });

  it('reads notes, ignoring malformed peer entries without throwing', () => {
    const doc = room();
    addRoomNote(doc, ' Onderhandelingsruimte perceel 12 ', { memberId: 'anne', now: 9 }, 'n1');
    doc.getMap('notes').set('bad', { text: 42 });
    doc.getMap('notes').set('worse', 'x');
    doc.getMap('joined').set('eve', { joinedAt: 'gisteren' });
    const notes = readRoomNotes(doc);
    expect(notes.filter((note) => note.ok)).toEqual([{ ok: true, id: 'n1', value: { id: 'n1', text: 'Onderhandelingsruimte perceel 12', createdBy: 'anne', createdAt: 9 } }]);
    expect(notes.filter((note) => !note.ok)).toHaveLength(2);
    expect(readRoomMembers(doc).map((m) => m.memberId)).toEqual(['anne']);
    expect(() => addRoomNote(doc, '   ', { memberId: 'anne', now: 10 })).toThrow();
  });

  it('refuses a meta a peer damaged', () => {
    const doc = room();
    doc.getMap('roomMeta').set('organisationIds', 'leiden');
    expect(readRoomMeta(doc).ok).toBe(false);
  });
});
