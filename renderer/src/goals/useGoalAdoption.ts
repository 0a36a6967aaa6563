import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { AdoptionInput, AdoptionResult } from '../../../shared/goals/adoption';
import type { CanonicalGoalText } from '../../../shared/goals/canonical-text';
import { decisionLogWithHistory } from '../../../shared/goals/adoption-history';
import type { DecisionLogEntry } from '../../../shared/goals/decision-log';
import type { MandateAuthority, MandateState } from '../../../shared/mandates/mandate-state';
import { goalAdoption, UnknownGoalError } from '../../../shared/workspace-doc/goals';
import type { GoalStanding } from '../../../shared/goals/goal-standing';
import { watchDocComputation } from '../hooks/watch-doc-computation';
import { useMandateAuthority } from './useMandateAuthority';
import { errorDetail } from '../../../shared/errors/stroomkring-error';

/**
 * Typing in the editor updates the document per keystroke; verifying every
 * stance's signature that often is wasted work, and nobody reads the meter
 * mid-word.
 */
export const RECOMPUTE_DELAY_MS = 200;

export type GoalAdoptionState =
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly problem: string }
  | {
      readonly status: 'ready';
      readonly input: AdoptionInput;
      /** The rule on the text as it is now (the proposal, when one is open). */
      readonly result: AdoptionResult;
      /** The version in force beside a proposal, and whether editing asks for confirmation first. */
      readonly standing: GoalStanding;
      /** Every stance and every moment the goal became adopted, oldest first. */
      readonly log: readonly DecisionLogEntry[];
      /** The statement as it is now, canonical: what a stance given now binds to. */
      readonly current: CanonicalGoalText;
      /** Who holds which mandate, granted and confirmed by whom: the meter names them. */
      readonly mandates: MandateState;
    };

/**
 * The adoption of one goal as the screens show it. Never rejects: a peer's
 * bad data is part of the result (invalid stances), a missing or damaged
 * goal is `missing`, anything unexpected is `failed` with its message.
 */
export async function computeGoalAdoption(doc: Y.Doc, goalId: string, authority: MandateAuthority): Promise<GoalAdoptionState> {
  try {
    const { input, result, standing, current, mandates } = await goalAdoption(doc, goalId, authority);
    return { status: 'ready', input, result, standing, log: decisionLogWithHistory(input), current, mandates };
  } catch (error) {
    if (error instanceof UnknownGoalError) return { status: 'missing' };
    console.warn(`Could not evaluate goal ${goalId}`, error);
    return { status: 'failed', problem: errorDetail(error) };
  }
}

/** Goal adoption over the shared watcher (computeGoalAdoption never rejects). Returns the stop function. */
export function watchGoalAdoption(
  doc: Y.Doc,
  goalId: string,
  authority: MandateAuthority,
  onState: (state: GoalAdoptionState) => void,
  delayMs = RECOMPUTE_DELAY_MS,
  compute: (doc: Y.Doc, goalId: string, authority: MandateAuthority) => Promise<GoalAdoptionState> = computeGoalAdoption,
): () => void {
  return watchDocComputation(doc, () => compute(doc, goalId, authority), onState, { delayMs });
}

/**
 * watchGoalAdoption as React state; `loading` until the first result for this
 * goal with the member list as it is now (which mandates count depends on it).
 */
export function useGoalAdoption(doc: Y.Doc, goalId: string): GoalAdoptionState {
  const authority = useMandateAuthority();
  const [state, setState] = useState<{ goalId: string; value: GoalAdoptionState }>({ goalId, value: { status: 'loading' } });
  // A result for an earlier member list stays shown until the new one is in: it differs at most in a mandate just granted.
  useEffect(() => (authority === undefined ? undefined : watchGoalAdoption(doc, goalId, authority, (value) => setState({ goalId, value }))), [doc, goalId, authority]);
  return state.goalId === goalId ? state.value : { status: 'loading' };
}
