import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { members, organisations } from '../../../shared/network/fixture';
import { addAction, addWorkingGroup, link, readWorkingGroups, setActionDone } from '../../../shared/workspace-doc/working-groups';
import { actionRows, groupSummary, memberLabel, ownerOptions } from './groups-view';

function groupIn(doc: Y.Doc) {
  const [result] = readWorkingGroups(doc);
  if (!result?.ok) throw new Error('unreadable');
  return result.value;
}

describe('working groups view', () => {
  it('labels a member with the organisation they speak for', () => {
    const [anne, bram, carla] = members;
    expect(memberLabel(anne!, organisations)).toBe('Anne de Vries — Gemeente Leiden');
    expect(memberLabel(bram!, organisations)).toBe('Bram Jansen — Liander');
    expect(memberLabel(carla!, organisations)).toBe('Carla Smit — Energiecoöperatie Zuid');
  });

  it('summarises members, organisations, open and overdue actions on a given day', () => {
    const doc = new Y.Doc();
    const groupId = addWorkingGroup(doc, { name: 'Opslag', purpose: '' }, { memberId: 'anne', now: 1 });
    link(doc, groupId, 'members', 'bram', 2);
    link(doc, groupId, 'members', 'carla', 2);
    addAction(doc, groupId, { title: 'Offerte', ownerMemberId: 'bram', due: '2026-03-01' }, { memberId: 'anne', now: 3 });
    addAction(doc, groupId, { title: 'Locatie', ownerMemberId: 'anne', due: '2026-03-10' }, { memberId: 'anne', now: 3 });
    const done = addAction(doc, groupId, { title: 'Kick-off', ownerMemberId: 'anne', due: '2026-02-01' }, { memberId: 'anne', now: 3 });
    setActionDone(doc, groupId, done, true, 4);
    const group = groupIn(doc);
    // Carla's organisation is not in the workspace, so two organisations count.
    expect(groupSummary(group, members, organisations, '2026-03-05')).toEqual({ id: groupId, name: 'Opslag', memberCount: 3, organisationCount: 2, openActions: 2, overdueActions: 1 });
    expect(actionRows(group.actions, '2026-03-05').map((row) => [row.action.title, row.overdue, row.daysOverdue])).toEqual([
      ['Offerte', true, 4],
      ['Locatie', false, 0],
      ['Kick-off', false, 0],
    ]);
    expect(groupSummary(group, members, organisations, '2026-03-01').overdueActions).toBe(0);
  });

  it('offers the group’s members first as owners, then the others', () => {
    expect(ownerOptions({ memberIds: ['carla'] }, members, organisations)).toEqual([
      { group: 'members', items: [{ value: 'carla', label: 'Carla Smit — Energiecoöperatie Zuid' }] },
      {
        group: 'others',
        items: [
          { value: 'anne', label: 'Anne de Vries — Gemeente Leiden' },
          { value: 'bram', label: 'Bram Jansen — Liander' },
        ],
      },
    ]);
    expect(ownerOptions({ memberIds: [] }, [], organisations)).toEqual([]);
  });
});
