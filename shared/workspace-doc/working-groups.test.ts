import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { members, organisations } from '../network/fixture';
import { compareActions, daysOverdue, isCalendarDay, isOverdue, localDay, sortActions, type DueAction } from './actions-due';
import { InvalidIdeaTransitionError } from './idea-status';
import { addIdea, moveIdea, readIdea } from './ideas';
import { workingGroupsMap } from './schema';
import {
  addAction,
  addWorkingGroup,
  groupOrganisationIds,
  link,
  readWorkingGroup,
  readWorkingGroups,
  removeAction,
  setActionDone,
  takeUpIdea,
  unlink,
  UnknownWorkingGroupError,
  updateAction,
  updateWorkingGroup,
  type WorkingGroup,
} from './working-groups';

const by = { memberId: 'anne', now: 100 };

function group(doc: Y.Doc, groupId: string): WorkingGroup {
  const result = readWorkingGroup(doc, groupId);
  if (!result?.ok) throw new Error(`group ${groupId} unreadable`);
  return result.value;
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('working groups', () => {
  it('starts a group with its founder as first member', () => {
    const doc = new Y.Doc();
    const groupId = addWorkingGroup(doc, { name: ' Buurtbatterijen ', purpose: 'Opslag in de wijk' }, { ...by, id: 'wg1' });
    expect(readWorkingGroup(doc, groupId)).toEqual({
      ok: true,
      id: 'wg1',
      value: { id: 'wg1', name: 'Buurtbatterijen', purpose: 'Opslag in de wijk', createdBy: 'anne', createdAt: 100, updatedAt: 100, memberIds: ['anne'], goalIds: [], ideaIds: [], documentIds: [], actions: [], damagedParts: [] },
    });
    updateWorkingGroup(doc, groupId, { name: 'Buurtbatterijen', purpose: 'Opslag bij trafo' }, 200);
    expect(group(doc, groupId)).toMatchObject({ purpose: 'Opslag bij trafo', updatedAt: 200 });
  });

  it('links members, goals and documents; concurrent links on two devices both survive', () => {
    const a = new Y.Doc();
    const groupId = addWorkingGroup(a, { name: 'WG', purpose: '' }, by);
    const b = new Y.Doc();
    sync(a, b);
    link(a, groupId, 'members', 'bram', 110);
    link(b, groupId, 'members', 'carla', 111);
    link(a, groupId, 'goals', 'goal-1', 112);
    link(b, groupId, 'documents', 'doc-1', 113);
    sync(a, b);
    expect(group(a, groupId)).toMatchObject({ memberIds: ['anne', 'bram', 'carla'], goalIds: ['goal-1'], documentIds: ['doc-1'] });
    expect(group(b, groupId)).toEqual(group(a, groupId));
    unlink(a, groupId, 'members', 'bram');
    expect(group(a, groupId).memberIds).toEqual(['anne', 'carla']);
    expect(() => link(a, 'missing', 'goals', 'g', 1)).toThrow(UnknownWorkingGroupError);
  });

  it('members come from several organisations', () => {
    const doc = new Y.Doc();
    const groupId = addWorkingGroup(doc, { name: 'WG', purpose: '' }, by);
    link(doc, groupId, 'members', 'bram', 110);
    link(doc, groupId, 'members', 'carla', 111);
    // carla's organisation is not in the workspace, so only two organisations resolve.
    expect(groupOrganisationIds(group(doc, groupId), members, organisations)).toEqual(['leiden', 'liander']);
  });

  it('taking up an idea links both ways; a refused move writes nothing', () => {
    const doc = new Y.Doc();
    const groupId = addWorkingGroup(doc, { name: 'WG', purpose: '' }, { ...by, id: 'wg1' });
    const ideaId = addIdea(doc, { title: 'Buurtbatterij', description: '', tags: [], goalId: '' }, by);
    expect(() => takeUpIdea(doc, groupId, ideaId, by)).toThrow(InvalidIdeaTransitionError);
    expect(group(doc, groupId).ideaIds).toEqual([]);
    moveIdea(doc, ideaId, { to: 'underDiscussion' }, by);
    takeUpIdea(doc, groupId, ideaId, { memberId: 'bram', now: 300 });
    expect(group(doc, groupId).ideaIds).toEqual([ideaId]);
    expect(readIdea(doc, ideaId)).toMatchObject({ ok: true, value: { status: { state: 'takenUp', workingGroupId: 'wg1', by: 'bram', at: 300 } } });
  });

  it('actions: added, edited, done and reopened, removed', () => {
    const doc = new Y.Doc();
    const groupId = addWorkingGroup(doc, { name: 'WG', purpose: '' }, by);
    const actionId = addAction(doc, groupId, { title: 'Offerte opvragen', ownerMemberId: 'bram', due: '2026-03-12' }, { ...by, id: 'a1' });
    expect(group(doc, groupId).actions).toEqual([{ id: 'a1', title: 'Offerte opvragen', ownerMemberId: 'bram', due: '2026-03-12', done: false, createdAt: 100, createdBy: 'anne' }]);
    updateAction(doc, groupId, actionId, { title: 'Offerte opvragen', ownerMemberId: 'carla', due: '2026-03-19' });
    setActionDone(doc, groupId, actionId, true, 500);
    setActionDone(doc, groupId, actionId, true, 600);
    expect(group(doc, groupId).actions[0]).toMatchObject({ ownerMemberId: 'carla', due: '2026-03-19', done: true, doneAt: 500 });
    setActionDone(doc, groupId, actionId, false, 700);
    expect(group(doc, groupId).actions[0]).toMatchObject({ done: false });
    expect(group(doc, groupId).actions[0]?.doneAt).toBeUndefined();
    removeAction(doc, groupId, actionId);
    expect(group(doc, groupId).actions).toEqual([]);
  });

  it('refuses a due date that is not a calendar day', () => {
    const doc = new Y.Doc();
    const groupId = addWorkingGroup(doc, { name: 'WG', purpose: '' }, by);
    expect(() => addAction(doc, groupId, { title: 'x', ownerMemberId: 'bram', due: '2026-02-30' }, by)).toThrow();
    expect(() => addAction(doc, groupId, { title: 'x', ownerMemberId: 'bram', due: '12-03-2026' }, by)).toThrow();
  });

  it("a peer's damaged action or link is named; the group and its other parts stay readable", () => {
    const doc = new Y.Doc();
    const groupId = addWorkingGroup(doc, { name: 'WG', purpose: '' }, { ...by, id: 'wg' });
    addAction(doc, groupId, { title: 'Goed', ownerMemberId: 'bram', due: '2026-03-12' }, { ...by, id: 'ok' });
    const entry = workingGroupsMap(doc).get(groupId) as Y.Map<unknown>;
    const bad = new Y.Map<unknown>();
    (entry.get('actions') as Y.Map<unknown>).set('bad', bad);
    bad.set('title', 'Geen datum');
    (entry.get('members') as Y.Map<unknown>).set('mallory', 'yes');
    workingGroupsMap(doc).set('broken', 'not a map');
    const flat = new Y.Map<unknown>();
    workingGroupsMap(doc).set('flat', flat);
    flat.set('name', 'Zonder sets');
    expect(group(doc, groupId)).toMatchObject({ actions: [{ id: 'ok' }], memberIds: ['anne'], damagedParts: ['actions.bad', 'members.mallory'] });
    expect(readWorkingGroups(doc).map((r) => [r.id, r.ok])).toEqual([
      ['wg', true],
      ['broken', false],
      ['flat', false],
    ]);
  });
});

describe('action due dates', () => {
  const action = (id: string, due: string, doneAt?: number): DueAction => (doneAt === undefined ? { id, title: id, due, done: false } : { id, title: id, due, done: true, doneAt });

  it('overdue only when open and the due day has passed', () => {
    expect(isOverdue(action('a', '2026-03-11'), '2026-03-12')).toBe(true);
    expect(isOverdue(action('a', '2026-03-12'), '2026-03-12')).toBe(false);
    expect(isOverdue(action('a', '2026-03-11', 5), '2026-03-12')).toBe(false);
    expect(daysOverdue(action('a', '2026-02-27'), '2026-03-02')).toBe(3);
    expect(daysOverdue(action('a', '2026-03-27'), '2026-03-02')).toBe(0);
  });

  it('calendar days and the local day', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('sorts open by due day first, then done most recent first', () => {
    const sorted = sortActions([action('late-done', '2026-01-01', 10), action('later', '2026-05-01'), action('recent-done', '2026-01-01', 20), action('soon', '2026-03-01')]);
    expect(sorted.map((a) => a.id)).toEqual(['soon', 'later', 'recent-done', 'late-done']);
  });

  it('the order is total and independent of the input order', () => {
    const arbitraryAction = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      title: fc.constantFrom('a', 'b'),
      due: fc.constantFrom('2026-01-01', '2026-02-01'),
      doneAt: fc.option(fc.constantFrom(1, 2), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryAction, { selector: (a) => a.id }), (raw) => {
        const actions = raw.map((a) => action(a.id, a.due, a.doneAt));
        expect(sortActions(actions)).toEqual(sortActions([...actions].reverse()));
        for (const a of actions) expect(compareActions(a, a)).toBe(0);
      }),
      { seed: 4242 },
    );
  });
});
