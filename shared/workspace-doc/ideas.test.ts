import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IdeaReasonRequiredError, InvalidIdeaTransitionError, transition, type IdeaStatus } from './idea-status';
import { addIdea, countedVotes, hasVoted, moveIdea, readIdea, readIdeas, UnknownIdeaError, updateIdea, vote, withdrawVote, type Idea } from './ideas';
import { ideasMap } from './schema';

const input = { title: ' Buurtbatterij ', description: 'Opslag bij het trafostation', tags: ['opslag', 'net'], goalId: 'goal-1' };
const by = { memberId: 'anne', now: 100 };

function idea(doc: Y.Doc, ideaId: string): Idea {
  const result = readIdea(doc, ideaId);
  if (!result?.ok) throw new Error(`idea ${ideaId} unreadable`);
  return result.value;
}

function exchange(docs: readonly Y.Doc[], order: readonly number[]): void {
  // Every doc receives every other doc's full update, in the given order.
  for (const target of docs) for (const index of order) Y.applyUpdate(target, Y.encodeStateAsUpdate(docs[index] as Y.Doc));
}

describe('ideas', () => {
  it('adds an idea, trimmed, status new, no votes', () => {
    const doc = new Y.Doc();
    const ideaId = addIdea(doc, input, { ...by, id: 'i1' });
    expect(readIdea(doc, ideaId)).toEqual({
      ok: true,
      id: 'i1',
      value: {
        id: 'i1',
        title: 'Buurtbatterij',
        description: 'Opslag bij het trafostation',
        tags: ['opslag', 'net'],
        goalId: 'goal-1',
        createdBy: 'anne',
        createdAt: 100,
        updatedAt: 100,
        status: { state: 'new', at: 100, by: 'anne' },
        votes: [],
        damagedVotes: [],
      },
    });
  });

  it('an idea without a goal has no goalId; updating links and unlinks it', () => {
    const doc = new Y.Doc();
    const ideaId = addIdea(doc, { ...input, goalId: '' }, by);
    expect(idea(doc, ideaId).goalId).toBeUndefined();
    updateIdea(doc, ideaId, { ...input, goalId: 'goal-2' }, 200);
    expect(idea(doc, ideaId)).toMatchObject({ goalId: 'goal-2', updatedAt: 200 });
    updateIdea(doc, ideaId, { ...input, goalId: '' }, 300);
    expect(idea(doc, ideaId).goalId).toBeUndefined();
  });

  it('an unchanged update sends nothing', () => {
    const doc = new Y.Doc();
    const ideaId = addIdea(doc, input, by);
    const before = Y.encodeStateVector(doc);
    updateIdea(doc, ideaId, input, 500);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('refuses an empty title', () => {
    expect(() => addIdea(new Y.Doc(), { ...input, title: '  ' }, by)).toThrow();
  });

  it('one vote per member; voting again keeps the first; withdraw removes it', () => {
    const doc = new Y.Doc();
    const ideaId = addIdea(doc, input, by);
    vote(doc, ideaId, 'bram', 110);
    vote(doc, ideaId, 'bram', 120);
    vote(doc, ideaId, 'carla', 115);
    expect(idea(doc, ideaId).votes).toEqual([
      { memberId: 'bram', at: 110 },
      { memberId: 'carla', at: 115 },
    ]);
    withdrawVote(doc, ideaId, 'bram');
    expect(hasVoted(idea(doc, ideaId), 'bram')).toBe(false);
    expect(hasVoted(idea(doc, ideaId), 'carla')).toBe(true);
    expect(() => vote(doc, 'missing', 'bram', 1)).toThrow(UnknownIdeaError);
  });

  it("a peer's malformed vote is named and not counted; the idea stays readable", () => {
    const doc = new Y.Doc();
    const ideaId = addIdea(doc, input, by);
    vote(doc, ideaId, 'bram', 110);
    ((ideasMap(doc).get(ideaId) as Y.Map<unknown>).get('votes') as Y.Map<unknown>).set('mallory', 'lots');
    expect(idea(doc, ideaId)).toMatchObject({ votes: [{ memberId: 'bram', at: 110 }], damagedVotes: ['mallory'] });
    vote(doc, ideaId, 'ghost', 120);
    expect(countedVotes(idea(doc, ideaId), new Set(['anne', 'bram']))).toEqual([{ memberId: 'bram', at: 110 }]);
  });

  it("a peer's malformed idea is a warning, never a throw", () => {
    const doc = new Y.Doc();
    addIdea(doc, input, { ...by, id: 'good' });
    ideasMap(doc).set('plain', 'not a map');
    const noVotes = new Y.Map<unknown>();
    ideasMap(doc).set('novotes', noVotes);
    noVotes.set('title', 'x');
    const badStatus = new Y.Map<unknown>();
    ideasMap(doc).set('badstatus', badStatus);
    badStatus.set('votes', new Y.Map());
    for (const [k, v] of Object.entries({ title: 'T', description: '', tags: [], createdBy: 'a', createdAt: 1, updatedAt: 1, status: { state: 'takenUp', at: 1, by: 'a' } })) badStatus.set(k, v);
    const results = readIdeas(doc);
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      ['good', true],
      ['badstatus', false],
      ['novotes', false],
      ['plain', false],
    ]);
    expect(results.find((r) => r.id === 'badstatus')).toMatchObject({ ok: false, problem: expect.stringContaining('status') });
  });

  it('moves through the life cycle and refuses an invalid move with a named error', () => {
    const doc = new Y.Doc();
    const ideaId = addIdea(doc, input, by);
    expect(() => moveIdea(doc, ideaId, { to: 'realised' }, by)).toThrow(InvalidIdeaTransitionError);
    moveIdea(doc, ideaId, { to: 'underDiscussion' }, { memberId: 'bram', now: 200 });
    moveIdea(doc, ideaId, { to: 'takenUp', workingGroupId: 'wg1' }, { memberId: 'bram', now: 300 });
    moveIdea(doc, ideaId, { to: 'realised', reason: ' Staat er sinds mei ' }, { memberId: 'carla', now: 400 });
    expect(idea(doc, ideaId)).toMatchObject({ status: { state: 'realised', workingGroupId: 'wg1', reason: 'Staat er sinds mei', at: 400, by: 'carla' }, updatedAt: 400 });
    expect(() => moveIdea(doc, ideaId, { to: 'declined', reason: 'te laat' }, by)).toThrow(InvalidIdeaTransitionError);
  });
  it('two partners moving an idea at once end with one whole status, never a mix', () => {
    const a = new Y.Doc();
    const ideaId = addIdea(a, input, by);
    moveIdea(a, ideaId, { to: 'underDiscussion' }, by);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveIdea(a, ideaId, { to: 'declined', reason: 'Geen budget' }, { memberId: 'anne', now: 500 });
    moveIdea(b, ideaId, { to: 'takenUp', workingGroupId: 'wg1' }, { memberId: 'bram', now: 501 });
    exchange([a, b], [0, 1]);
    const merged = idea(a, ideaId).status;
    expect(idea(b, ideaId).status).toEqual(merged);
    expect([
      { state: 'declined', reason: 'Geen budget', at: 500, by: 'anne' },
      { state: 'takenUp', workingGroupId: 'wg1', at: 501, by: 'bram' },
    ]).toContainEqual(merged);
  });
});

describe('idea status transition', () => {
  const at = { memberId: 'm', now: 5 };
  const newIdea: IdeaStatus = { state: 'new', at: 1, by: 'm' };

  it('declining needs a reason; a taken-up idea keeps its group when declined', () => {
    expect(() => transition(newIdea, { to: 'declined', reason: '  ' }, at)).toThrow(IdeaReasonRequiredError);
    const takenUp: IdeaStatus = { state: 'takenUp', workingGroupId: 'wg', at: 1, by: 'm' };
    expect(transition(takenUp, { to: 'declined', reason: 'geen budget' }, at)).toEqual({ state: 'declined', reason: 'geen budget', workingGroupId: 'wg', at: 5, by: 'm' });
  });

  it('a declined idea can be reopened; a realised one cannot move', () => {
    const declined: IdeaStatus = { state: 'declined', reason: 'nee', at: 1, by: 'm' };
    expect(transition(declined, { to: 'underDiscussion' }, at)).toEqual({ state: 'underDiscussion', at: 5, by: 'm' });
    const realised: IdeaStatus = { state: 'realised', workingGroupId: 'wg', at: 1, by: 'm' };
    for (const move of [{ to: 'underDiscussion' }, { to: 'declined', reason: 'x' }, { to: 'takenUp', workingGroupId: 'w' }] as const) {
      expect(() => transition(realised, move, at)).toThrow(InvalidIdeaTransitionError);
    }
  });

  it('cannot skip discussion: new → takenUp is refused', () => {
    expect(() => transition(newIdea, { to: 'takenUp', workingGroupId: 'wg' }, at)).toThrow(InvalidIdeaTransitionError);
  });
});

describe('concurrent votes', () => {
  it('votes from several docs merged in any order give exactly one vote per member', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.record({ device: fc.nat(4), member: fc.constantFrom('anne', 'bram', 'carla', 'dirk'), withdraw: fc.boolean() }), { maxLength: 30 }),
        fc.func(fc.integer()),
        (deviceCount, actions, orderSeed) => {
          const origin = new Y.Doc();
          const ideaId = addIdea(origin, input, { ...by, id: 'i' });
          const docs = Array.from({ length: deviceCount }, () => {
            const doc = new Y.Doc();
            Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
            return doc;
          });
          let now = 1000;
          // Each member acts from one device, so the final state per member is well-defined.
          const deviceOf = new Map<string, number>();
          const expected = new Set<string>();
          for (const action of actions) {
            const device = deviceOf.get(action.member) ?? action.device % deviceCount;
            deviceOf.set(action.member, device);
            const doc = docs[device] as Y.Doc;
            if (action.withdraw) {
              withdrawVote(doc, ideaId, action.member);
              expected.delete(action.member);
            } else {
              vote(doc, ideaId, action.member, now++);
              vote(doc, ideaId, action.member, now++);
              expected.add(action.member);
            }
          }
          const order = docs.map((_, index) => index).sort((a, b) => orderSeed(a) - orderSeed(b) || a - b);
          exchange(docs, order);
          for (const doc of docs) {
            const voters = idea(doc, ideaId).votes.map((v) => v.memberId);
            expect(new Set(voters).size).toBe(voters.length);
            expect(new Set(voters)).toEqual(expected);
          }
        },
      ),
      { seed: 20261127, numRuns: 200 },
    );
  });

  it('votes only (no withdrawals), from any device, any member on several devices: each voter counted once', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ device: fc.nat(3), member: fc.constantFrom('anne', 'bram', 'carla', 'dirk', 'eva') }), { maxLength: 25 }), fc.func(fc.integer()), (votes, orderSeed) => {
        const origin = new Y.Doc();
        const ideaId = addIdea(origin, input, { ...by, id: 'i' });
        const docs = Array.from({ length: 4 }, () => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
          return doc;
        });
        votes.forEach((v, index) => vote(docs[v.device] as Y.Doc, ideaId, v.member, 2000 + index));
        exchange(docs, [0, 1, 2, 3].sort((a, b) => orderSeed(a) - orderSeed(b) || a - b));
        const expected = [...new Set(votes.map((v) => v.member))].sort();
        for (const doc of docs) expect(idea(doc, ideaId).votes.map((v) => v.memberId).sort()).toEqual(expected);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('the same member voting on two devices counts once', () => {
    const a = new Y.Doc();
    const ideaId = addIdea(a, input, by);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    vote(a, ideaId, 'bram', 1);
    vote(b, ideaId, 'bram', 2);
    vote(b, ideaId, 'carla', 3);
    exchange([a, b], [1, 0]);
    expect(idea(a, ideaId).votes.map((v) => v.memberId)).toEqual(['bram', 'carla']);
    expect(idea(b, ideaId).votes).toEqual(idea(a, ideaId).votes);
  });
});
