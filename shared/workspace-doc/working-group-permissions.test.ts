import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { upsertSelf } from './members';
import { addActionAs, createWorkingGroupAs, GroupChangeNotAllowedError, joinGroupAs, mayChangeGroup, removeActionAs, setActionDoneAs, setLinksAs, updateWorkingGroupAs } from './working-group-permissions';
import { addWorkingGroup, readWorkingGroup, setLinks, type WorkingGroup } from './working-groups';

function join(doc: Y.Doc, memberId: string) {
  upsertSelf(doc, { memberId, displayName: memberId, organisationName: 'Org', role: '', publicKey: 'A'.repeat(43), joinedAt: 1 });
}

function group(doc: Y.Doc, groupId: string): WorkingGroup {
  const read = readWorkingGroup(doc, groupId);
  if (!read?.ok) throw new Error('unreadable');
  return read.value;
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('working group permissions (pure rule)', () => {
  const wg = { memberIds: ['bram'], createdBy: 'anne' };
  const member = (memberId: string) => ({ memberId, isWorkspaceMember: true });

  it('members and the founder edit; others may join', () => {
    expect(mayChangeGroup(wg, { kind: 'edit' }, member('bram'))).toBe(true);
    expect(mayChangeGroup(wg, { kind: 'edit' }, member('anne'))).toBe(true);
    expect(mayChangeGroup(wg, { kind: 'edit' }, member('carla'))).toBe(false);
    expect(mayChangeGroup(wg, { kind: 'join' }, member('carla'))).toBe(true);
    expect(mayChangeGroup(wg, { kind: 'join' }, member('bram'))).toBe(false);
  });

  it("an action's owner ticks it even from outside the group", () => {
    expect(mayChangeGroup(wg, { kind: 'actionDone', ownerMemberId: 'carla' }, member('carla'))).toBe(true);
    expect(mayChangeGroup(wg, { kind: 'actionDone', ownerMemberId: 'bram' }, member('carla'))).toBe(false);
  });

  it('someone the workspace does not know may do nothing', () => {
    for (const change of [{ kind: 'edit' }, { kind: 'join' }, { kind: 'actionDone', ownerMemberId: 'x' }] as const) expect(mayChangeGroup(wg, change, { memberId: 'x', isWorkspaceMember: false })).toBe(false);
  });
});

describe('working group writers check the rule', () => {
  function workspace() {
    const doc = new Y.Doc();
    for (const memberId of ['anne', 'bram', 'carla']) join(doc, memberId);
    const groupId = createWorkingGroupAs(doc, { name: 'Opslag', purpose: 'Batterijen' }, ['bram'], { memberId: 'anne', now: 10, id: 'wg1' });
    return { doc, groupId };
  }

  it('creates a group with its founder and the chosen members', () => {
    const { doc, groupId } = workspace();
    expect(group(doc, groupId)).toMatchObject({ name: 'Opslag', memberIds: ['anne', 'bram'] });
    expect(() => createWorkingGroupAs(doc, { name: 'X', purpose: '' }, [], { memberId: 'stranger', now: 1 })).toThrow(GroupChangeNotAllowedError);
  });

  it('outsiders cannot edit, but can join and then edit', () => {
    const { doc, groupId } = workspace();
    expect(() => updateWorkingGroupAs(doc, groupId, { name: 'Anders', purpose: '' }, { memberId: 'carla', now: 20 })).toThrow(GroupChangeNotAllowedError);
    expect(() => setLinksAs(doc, groupId, 'goals', ['g1'], { memberId: 'carla', now: 20 })).toThrow(GroupChangeNotAllowedError);
    joinGroupAs(doc, groupId, { memberId: 'carla', now: 21 });
    expect(() => joinGroupAs(doc, groupId, { memberId: 'carla', now: 22 })).toThrow(GroupChangeNotAllowedError);
    setLinksAs(doc, groupId, 'goals', ['g1', 'g2'], { memberId: 'carla', now: 23 });
    expect(group(doc, groupId).goalIds).toEqual(['g1', 'g2']);
  });

  it('actions: members add and remove; the owner ticks done', () => {
    const { doc, groupId } = workspace();
    expect(() => addActionAs(doc, groupId, { title: 'Offerte', ownerMemberId: 'carla', due: '2026-03-01' }, { memberId: 'carla', now: 30 })).toThrow(GroupChangeNotAllowedError);
    const actionId = addActionAs(doc, groupId, { title: 'Offerte', ownerMemberId: 'carla', due: '2026-03-01' }, { memberId: 'bram', now: 30 });
    setActionDoneAs(doc, groupId, actionId, true, { memberId: 'carla', now: 40 });
    expect(group(doc, groupId).actions[0]).toMatchObject({ done: true, doneAt: 40 });
    expect(() => removeActionAs(doc, groupId, actionId, 'carla')).toThrow(GroupChangeNotAllowedError);
    removeActionAs(doc, groupId, actionId, 'anne');
    expect(group(doc, groupId).actions).toEqual([]);
  });
});

describe('setLinks', () => {
  it('adds the missing, removes the others and keeps the time of those that stay', () => {
    const doc = new Y.Doc();
    const groupId = addWorkingGroup(doc, { name: 'WG', purpose: '' }, { memberId: 'anne', now: 1 });
    setLinks(doc, groupId, 'documents', ['d2', 'd1'], 5);
    setLinks(doc, groupId, 'documents', ['d3', 'd1'], 9);
    expect(group(doc, groupId).documentIds).toEqual(['d1', 'd3']);
  });

  it('two partners setting links at once: additions of both survive, a removal by either applies', () => {
    const ids = fc.subarray(['a', 'b', 'c', 'd', 'e']);
    fc.assert(
      fc.property(ids, ids, ids, (base, wantA, wantB) => {
        const a = new Y.Doc();
        const groupId = addWorkingGroup(a, { name: 'WG', purpose: '' }, { memberId: 'anne', now: 1, id: 'wg' });
        setLinks(a, groupId, 'goals', base, 2);
        const b = new Y.Doc();
        sync(a, b);
        setLinks(a, groupId, 'goals', wantA, 3);
        setLinks(b, groupId, 'goals', wantB, 4);
        sync(a, b);
        const expected = ['a', 'b', 'c', 'd', 'e'].filter((x) => (base.includes(x) ? wantA.includes(x) && wantB.includes(x) : wantA.includes(x) || wantB.includes(x)));
        expect([...group(a, groupId).goalIds].sort()).toEqual(expected);
        expect(group(b, groupId).goalIds).toEqual(group(a, groupId).goalIds);
      }),
    );
  });
});
