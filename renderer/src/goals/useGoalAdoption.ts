import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { AdoptionInput, AdoptionResult } from '../../../shared/goals/adoption';
import type { CanonicalGoalText } from '../../../shared/goals/canonical-text';
import { decisionLogWithHistory } from '../../../shared/goals/adoption-history';
import type { DecisionLogEntry } from '../../../shared/goals/decision-log';
import { currentGoalText, goalAdoption, UnknownGoalError } from '../../../shared/workspace-doc/goals';
import { watchDocComputation } from '../hooks/watch-doc-computation';

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
      readonly result: AdoptionResult;
      /** Every stance and every moment the goal became adopted, oldest first. */
      readonly log: readonly DecisionLogEntry[];
      /** The statement as it is now, canonical: what a stance given now binds to. */
      readonly current: CanonicalGoalText;
    };

/**
 * The adoption of one goal as the screens show it. Never rejects: a peer's
 * bad data is part of the result (invalid stances), a missing or damaged
 * goal is `missing`, anything unexpected is `failed` with its message.
 */
export async function computeGoalAdoption(doc: Y.Doc, goalId: string): Promise<GoalAdoptionState> {
  try {
    const [{ input, result }, current] = await Promise.all([goalAdoption(doc, goalId), currentGoalText(doc, goalId)]);
    return { status: 'ready', input, result, log: decisionLogWithHistory(input), current };
  } catch (error) {
    if (error instanceof UnknownGoalError) return { status: 'missing' };
    console.warn(`Could not evaluate goal ${goalId}`, error);
    return { status: 'failed', problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Goal adoption over the shared watcher (computeGoalAdoption never rejects). Returns the stop function. */
export function watchGoalAdoption(
  doc: Y.Doc,
  goalId: string,
  onState: (state: GoalAdoptionState) => void,
  delayMs = RECOMPUTE_DELAY_MS,
  compute: (doc: Y.Doc, goalId: string) => Promise<GoalAdoptionState> = computeGoalAdoption,
): () => void {
  return watchDocComputation(doc, () => compute(doc, goalId), onState, { delayMs });
}

/** watchGoalAdoption as React state; `loading` until the first result for this goal. */
export function useGoalAdoption(doc: Y.Doc, goalId: string): GoalAdoptionState {
  const [state, setState] = useState<{ goalId: string; value: GoalAdoptionState }>({ goalId, value: { status: 'loading' } });
  useEffect(() => watchGoalAdoption(doc, goalId, (value) => setState({ goalId, value })), [doc, goalId]);
  return state.goalId === goalId ? state.value : { status: 'loading' };
}
