/**
 * An idea's life cycle as a pure state machine:
 *
 *   new ──► underDiscussion ──► takenUp (by a working group) ──► realised
 *    │             │                  │
 *    └─────────────┴──────────────────┴──► declined (with a reason) ──► underDiscussion (reopened)
 *
 * The whole state is one value (stored under one key of the idea, see
 * ideas.ts), so two partners moving an idea at the same moment end with one
 * of their states intact, never a mix such as "taken up, with the other's
 * reason for declining".
 */
import { z } from 'zod';
import { StroomkringError } from '../errors/stroomkring-error';

export const IDEA_STATUS_LIMITS = {
  /** Why an idea was declined or how it was realised: a few sentences for the record. */
  reason: 1000,
} as const;

export const IDEA_STATES = ['new', 'underDiscussion', 'takenUp', 'realised', 'declined'] as const;
export type IdeaState = (typeof IDEA_STATES)[number];

const id = z.string().min(1).max(64);
const reason = z.string().trim().min(1).max(IDEA_STATUS_LIMITS.reason);
const stamp = { at: z.number().int().nonnegative(), by: id };

/** The stored status, checked on the way out like every peer-written value. */
export const IdeaStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('new'), ...stamp }),
  z.object({ state: z.literal('underDiscussion'), ...stamp }),
  z.object({ state: z.literal('takenUp'), workingGroupId: id, ...stamp }),
  z.object({ state: z.literal('realised'), workingGroupId: id, reason: reason.optional(), ...stamp }),
  z.object({ state: z.literal('declined'), reason, workingGroupId: id.optional(), ...stamp }),
]);
export type IdeaStatus = z.infer<typeof IdeaStatusSchema>;

/** What a member asks for; `at`/`by` are added by the writer. */
export type IdeaMove =
  | { readonly to: 'underDiscussion' }
  | { readonly to: 'takenUp'; readonly workingGroupId: string }
  | { readonly to: 'realised'; readonly reason?: string }
  | { readonly to: 'declined'; readonly reason: string };

/**
 * Allowed moves. A declined idea may be reopened for discussion: a new party
 * often brings exactly what was missing. Realised is final.
 */
export const IDEA_TRANSITIONS: Readonly<Record<IdeaState, readonly IdeaMove['to'][]>> = {
  new: ['underDiscussion', 'declined'],
  underDiscussion: ['takenUp', 'declined'],
  takenUp: ['realised', 'declined'],
  realised: [],
  declined: ['underDiscussion'],
};

export class InvalidIdeaTransitionError extends StroomkringError {
  override readonly name = 'InvalidIdeaTransitionError';
  constructor(
    readonly from: IdeaState,
    readonly to: IdeaMove['to'],
  ) {
    super(`An idea cannot move from ${from} to ${to}`);
  }
}

export class IdeaReasonRequiredError extends StroomkringError {
  override readonly name = 'IdeaReasonRequiredError';
  constructor() {
    super('Declining an idea needs a reason');
  }
}

export class IdeaReasonTooLongError extends StroomkringError {
  override readonly name = 'IdeaReasonTooLongError';
  constructor() {
    super(`A reason is at most ${IDEA_STATUS_LIMITS.reason} characters`);
  }
}

export function canMove(from: IdeaState, to: IdeaMove['to']): boolean {
  return IDEA_TRANSITIONS[from].includes(to);
}

function checkedReason(raw: string | undefined, required: boolean): string | undefined {
  const trimmed = raw?.trim() ?? '';
  if (trimmed === '') {
    if (required) throw new IdeaReasonRequiredError();
    return undefined;
  }
  if (trimmed.length > IDEA_STATUS_LIMITS.reason) throw new IdeaReasonTooLongError();
  return trimmed;
}

/** The next status, or a named error for a move the life cycle does not allow. */
export function transition(current: IdeaStatus, move: IdeaMove, by: { memberId: string; now: number }): IdeaStatus {
  if (!canMove(current.state, move.to)) throw new InvalidIdeaTransitionError(current.state, move.to);
  const stampOf = { at: by.now, by: by.memberId };
  switch (move.to) {
    case 'underDiscussion':
      return { state: 'underDiscussion', ...stampOf };
    case 'takenUp':
      return { state: 'takenUp', workingGroupId: move.workingGroupId, ...stampOf };
    case 'realised': {
      // Only reachable from takenUp (IDEA_TRANSITIONS), so the group is known.
      const workingGroupId = current.state === 'takenUp' ? current.workingGroupId : '';
      const note = checkedReason(move.reason, false);
      return note === undefined ? { state: 'realised', workingGroupId, ...stampOf } : { state: 'realised', workingGroupId, reason: note, ...stampOf };
    }
    case 'declined': {
      const note = checkedReason(move.reason, true) as string;
      // A group that had taken it up stays named, so the record says who declined it in the end.
      return current.state === 'takenUp' ? { state: 'declined', reason: note, workingGroupId: current.workingGroupId, ...stampOf } : { state: 'declined', reason: note, ...stampOf };
    }
  }
}
