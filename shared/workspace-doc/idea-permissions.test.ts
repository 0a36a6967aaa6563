import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, readComments } from './comments';
import { IDEA_STATES, type IdeaMove, type IdeaStatus } from './idea-status';
import { addIdeaAs, IdeaChangeNotAllowedError, groupIdsOf, ideaActor, mayChangeIdea, moveIdeaAs, removeIdeaAs, setVoteAs, updateIdeaAs, type IdeaActor } from './idea-permissions';
import { addIdea, readIdea, type Idea } from './ideas';
import { upsertSelf } from './members';
import { addWorkingGroup, readWorkingGroup } from './working-groups';

function join(doc: Y.Doc, memberId: string) {
  upsertSelf(doc, { memberId, displayName: memberId, organisationName: 'Org', role: '', publicKey: 'A'.repeat(43), joinedAt: 1 });
}

function idea(doc: Y.Doc, ideaId: string): Idea {
  const read = readIdea(doc, ideaId);
  if (!read?.ok) throw new Error('unreadable');
  return read.value;
}

const at = (status: IdeaStatus['state']): IdeaStatus =>
  status === 'takenUp' ? { state: 'takenUp', workingGroupId: 'wg1', at: 1, by: 'x' } : status === 'realised' ? { state: 'realised', workingGroupId: 'wg1', at: 1, by: 'x' } : status === 'declined' ? { state: 'declined', reason: 'nee', at: 1, by: 'x' } : { state: status, at: 1, by: 'x' };

const actor = (memberId: string, groupIds: string[] = [], isWorkspaceMember = true): IdeaActor => ({ memberId, isWorkspaceMember, groupIds: new Set(groupIds) });

describe('idea permissions (pure rule)', () => {
  it('an unknown member may do nothing, not even vote', () => {
    for (const kind of ['vote', 'edit', 'remove'] as const) expect(mayChangeIdea({ createdBy: 'bram', status: at('new') }, { kind }, actor('bram', [], false))).toBe(false);
  });

  it('only the author edits; removes only while new', () => {
    expect(mayChangeIdea({ createdBy: 'bram', status: at('new') }, { kind: 'edit' }, actor('bram'))).toBe(true);
    expect(mayChangeIdea({ createdBy: 'bram', status: at('new') }, { kind: 'edit' }, actor('anne'))).toBe(false);
    expect(mayChangeIdea({ createdBy: 'bram', status: at('new') }, { kind: 'remove' }, actor('bram'))).toBe(true);
    expect(mayChangeIdea({ createdBy: 'bram', status: at('underDiscussion') }, { kind: 'remove' }, actor('bram'))).toBe(false);
    expect(mayChangeIdea({ createdBy: 'bram', status: at('new') }, { kind: 'remove' }, actor('anne'))).toBe(false);
  });

  it('any member puts an idea up for discussion, declines it or reopens it', () => {
    const decline: IdeaMove = { to: 'declined', reason: 'te duur' };
    expect(mayChangeIdea({ createdBy: 'bram', status: at('new') }, { kind: 'move', move: { to: 'underDiscussion' } }, actor('anne'))).toBe(true);
    expect(mayChangeIdea({ createdBy: 'bram', status: at('underDiscussion') }, { kind: 'move', move: decline }, actor('anne'))).toBe(true);
    expect(mayChangeIdea({ createdBy: 'bram', status: at('declined') }, { kind: 'move', move: { to: 'underDiscussion' } }, actor('anne'))).toBe(true);
  });

  it('only a member of the receiving group hands an idea to it', () => {
    const move: IdeaMove = { to: 'takenUp', workingGroupId: 'wg1' };
    expect(mayChangeIdea({ createdBy: 'bram', status: at('underDiscussion') }, { kind: 'move', move }, actor('anne', ['wg1']))).toBe(true);
    expect(mayChangeIdea({ createdBy: 'bram', status: at('underDiscussion') }, { kind: 'move', move }, actor('anne', ['wg2']))).toBe(false);
    expect(mayChangeIdea({ createdBy: 'bram', status: at('new') }, { kind: 'move', move }, actor('anne', ['wg1']))).toBe(false);
  });

  it('once taken up, only that group or the author realises or declines it', () => {
    const moves: IdeaMove[] = [{ to: 'realised' }, { to: 'declined', reason: 'toch niet' }];
    for (const move of moves) {
      expect(mayChangeIdea({ createdBy: 'bram', status: at('takenUp') }, { kind: 'move', move }, actor('anne', ['wg1']))).toBe(true);
      expect(mayChangeIdea({ createdBy: 'bram', status: at('takenUp') }, { kind: 'move', move }, actor('bram'))).toBe(true);
      expect(mayChangeIdea({ createdBy: 'bram', status: at('takenUp') }, { kind: 'move', move }, actor('carla', ['wg2']))).toBe(false);
    }
  });

  it('never allows a move the life cycle refuses, whoever asks', () => {
    const all: IdeaMove[] = [{ to: 'underDiscussion' }, { to: 'takenUp', workingGroupId: 'wg1' }, { to: 'realised' }, { to: 'declined', reason: 'r' }];
    for (const state of IDEA_STATES) for (const move of all) if (state === 'realised') expect(mayChangeIdea({ createdBy: 'bram', status: at(state) }, { kind: 'move', move }, actor('bram', ['wg1']))).toBe(false);
    expect(mayChangeIdea({ createdBy: 'bram', status: at('new') }, { kind: 'move', move: { to: 'realised' } }, actor('bram', ['wg1']))).toBe(false);
  });

  it('a member belongs to the groups they are listed in or founded', () => {
    const groups = [
      { id: 'wg1', memberIds: ['anne'], createdBy: 'anne' },
      { id: 'wg2', memberIds: ['bram'], createdBy: 'anne' },
      { id: 'wg3', memberIds: ['bram'], createdBy: 'bram' },
    ];
    expect([...groupIdsOf(groups, 'anne')].sort()).toEqual(['wg1', 'wg2']);
    expect([...groupIdsOf(groups, 'carla')]).toEqual([]);
  });
});

describe('idea writers check the rule', () => {
  function workspace() {
    const doc = new Y.Doc();
    for (const memberId of ['anne', 'bram', 'carla']) join(doc, memberId);
    const ideaId = addIdea(doc, { title: 'Buurtbatterij', description: '', tags: [], goalId: '' }, { memberId: 'bram', now: 10, id: 'i1' });
    return { doc, ideaId };
  }

  it('moves through the cycle; handing over links the idea in the group', () => {
    const { doc, ideaId } = workspace();
    moveIdeaAs(doc, ideaId, { to: 'underDiscussion' }, { memberId: 'anne', now: 20 });
    const groupId = addWorkingGroup(doc, { name: 'Opslag', purpose: '' }, { memberId: 'anne', now: 25, id: 'wg1' });
    expect(() => moveIdeaAs(doc, ideaId, { to: 'takenUp', workingGroupId: groupId }, { memberId: 'carla', now: 30 })).toThrow(IdeaChangeNotAllowedError);
    moveIdeaAs(doc, ideaId, { to: 'takenUp', workingGroupId: groupId }, { memberId: 'anne', now: 30 });
    expect(idea(doc, ideaId).status).toEqual({ state: 'takenUp', workingGroupId: 'wg1', at: 30, by: 'anne' });
    const group = readWorkingGroup(doc, groupId);
    expect(group?.ok && group.value.ideaIds).toEqual([ideaId]);
    expect(() => moveIdeaAs(doc, ideaId, { to: 'realised' }, { memberId: 'carla', now: 40 })).toThrow(IdeaChangeNotAllowedError);
    moveIdeaAs(doc, ideaId, { to: 'realised' }, { memberId: 'bram', now: 40 });
    expect(idea(doc, ideaId).status.state).toBe('realised');
  });

  it('votes and withdraws only for members of the workspace', () => {
    const { doc, ideaId } = workspace();
    setVoteAs(doc, ideaId, true, { memberId: 'anne', now: 20 });
    expect(idea(doc, ideaId).votes.map((v) => v.memberId)).toEqual(['anne']);
    setVoteAs(doc, ideaId, false, { memberId: 'anne', now: 21 });
    expect(idea(doc, ideaId).votes).toEqual([]);
    expect(() => setVoteAs(doc, ideaId, true, { memberId: 'stranger', now: 22 })).toThrow(IdeaChangeNotAllowedError);
    expect(ideaActor(doc, 'stranger').isWorkspaceMember).toBe(false);
    expect(() => addIdeaAs(doc, { title: 'X', description: '', tags: [], goalId: '' }, { memberId: 'stranger', now: 23 })).toThrow(IdeaChangeNotAllowedError);
    expect(addIdeaAs(doc, { title: 'X', description: '', tags: [], goalId: '' }, { memberId: 'carla', now: 23, id: 'i2' })).toBe('i2');
  });

  it('the author edits and removes a new idea, with its comments', () => {
    const { doc, ideaId } = workspace();
    addComment(doc, { kind: 'idea', id: ideaId }, { memberId: 'anne', now: 15 }, 'Goed plan');
    expect(() => updateIdeaAs(doc, ideaId, { title: 'Anders', description: '', tags: [], goalId: '' }, { memberId: 'anne', now: 20 })).toThrow(IdeaChangeNotAllowedError);
    updateIdeaAs(doc, ideaId, { title: 'Wijkbatterij', description: '', tags: ['opslag'], goalId: '' }, { memberId: 'bram', now: 20 });
    expect(idea(doc, ideaId)).toMatchObject({ title: 'Wijkbatterij', tags: ['opslag'] });
    expect(() => removeIdeaAs(doc, ideaId, 'anne')).toThrow(IdeaChangeNotAllowedError);
    removeIdeaAs(doc, ideaId, 'bram');
    expect(readIdea(doc, ideaId)).toBeUndefined();
    expect(readComments(doc, { kind: 'idea', id: ideaId })).toEqual([]);
  });
});
