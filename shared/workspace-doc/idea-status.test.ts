import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdeaReasonRequiredError, IdeaStatusSchema, IDEA_TRANSITIONS, InvalidIdeaTransitionError, transition, type IdeaMove, type IdeaStatus } from './idea-status';

const arbitraryMove: fc.Arbitrary<IdeaMove> = fc.oneof(
  fc.constant({ to: 'underDiscussion' as const }),
  fc.constantFrom('wg1', 'wg2').map((workingGroupId) => ({ to: 'takenUp' as const, workingGroupId })),
  fc.option(fc.constantFrom('Gerealiseerd', '  '), { nil: undefined }).map((reason) => (reason === undefined ? { to: 'realised' as const } : { to: 'realised' as const, reason })),
  fc.constantFrom('Geen budget', '', ' ').map((reason) => ({ to: 'declined' as const, reason })),
);

describe('idea life cycle, any sequence of moves', () => {
  it('only allowed moves succeed, refusals are named, every state reads back valid, realised keeps its group', () => {
    fc.assert(
      fc.property(fc.array(arbitraryMove, { maxLength: 20 }), (moves) => {
        let status: IdeaStatus = { state: 'new', at: 0, by: 'm' };
        moves.forEach((move, index) => {
          const allowed = IDEA_TRANSITIONS[status.state].includes(move.to);
          try {
            const next = transition(status, move, { memberId: 'm', now: index + 1 });
            expect(allowed).toBe(true);
            expect(IdeaStatusSchema.parse(next)).toEqual(next);
            if (next.state === 'realised') expect(status.state === 'takenUp' && next.workingGroupId === status.workingGroupId).toBe(true);
            status = next;
          } catch (error) {
            if (error instanceof InvalidIdeaTransitionError) expect(allowed).toBe(false);
            else expect(error).toBeInstanceOf(IdeaReasonRequiredError);
          }
        });
      }),
      { seed: 99 },
    );
  });
});
