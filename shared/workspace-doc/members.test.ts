import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMembers, upsertSelf, type Member } from './members';
import { membersMap } from './schema';

const anne: Member = {
  memberId: 'anne',
  displayName: 'Anne de Vries',
  organisationName: 'Gemeente Leiden',
  role: 'Programmamanager',
  publicKey: 'A'.repeat(43),
  joinedAt: 5,
  invitedBy: 'bram',
  inviteId: 'inv-1',
};

describe('members', () => {
  it('creates the own entry once, keeps who invited whom, refreshes the profile', () => {
    const doc = new Y.Doc();
    upsertSelf(doc, anne);
    upsertSelf(doc, { ...anne, role: 'Wethouder', invitedBy: undefined, inviteId: undefined, joinedAt: 9 });
    expect(readMembers(doc)).toEqual([{ ok: true, id: 'anne', value: { ...anne, role: 'Wethouder' } }]);
  });

  it('reads a malformed member from a peer as damaged', () => {
    const doc = new Y.Doc();
    membersMap(doc).set('x', 'not a map');
    membersMap(doc).set('y', new Y.Map<unknown>([['displayName', 3]]));
    expect(readMembers(doc).every((result) => !result.ok)).toBe(true);
  });
});
