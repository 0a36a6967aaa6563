import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { AdoptionInput, AdoptionResult } from '../../../shared/goals/adoption';
import type { CanonicalGoalText } from '../../../shared/goals/canonical-text';
import { decisionLog, type DecisionLogEntry } from '../../../shared/goals/decision-log';
import { currentGoalText, goalAdoption, UnknownGoalError } from '../../../shared/workspace-doc/goals';

/**
 * Typing in the editor updates the document per keystroke; verifying every
 * stance's signature that often is wasted work, and nobody reads the meter
 * mid-word.
 */
const RECOMPUTE_DELAY_MS = 200;

export type GoalAdoptionState =
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly problem: string }
  | {
      readonly status: 'ready';
      readonly input: AdoptionInput;
      readonly result: AdoptionResult;
      readonly log: readonly DecisionLogEntry[];
      /** The statement as it is now, canonical: what a stance given now binds to. */
      readonly current: CanonicalGoalText;
    };

/**
 * The adoption of one goal, recomputed after document updates (verifying
 * signatures is async). A result that arrives after a newer computation
 * started is dropped, so a slow verify never overwrites a newer answer. A
 * peer's bad data is part of the result (invalid stances), never an error;
 * anything unexpected becomes `failed` rather than a crash.
 */
export function useGoalAdoption(doc: Y.Doc, goalId: string): GoalAdoptionState {
  const [state, setState] = useState<{ goalId: string; value: GoalAdoptionState }>({ goalId, value: { status: 'loading' } });

  useEffect(() => {
    let disposed = false;
    let latestRun = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const compute = async () => {
      const run = ++latestRun;
      let value: GoalAdoptionState;
      try {
        const [{ input, result }, current] = await Promise.all([goalAdoption(doc, goalId), currentGoalText(doc, goalId)]);
        value = { status: 'ready', input, result, log: decisionLog(input, result), current };
      } catch (error) {
        if (error instanceof UnknownGoalError) value = { status: 'missing' };
        else {
          console.warn(`Could not evaluate goal ${goalId}`, error);
          value = { status: 'failed', problem: error instanceof Error ? error.message : String(error) };
        }
      }
      if (!disposed && run === latestRun) setState({ goalId, value });
    };
    void compute();
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void compute(), RECOMPUTE_DELAY_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      disposed = true;
      clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc, goalId]);

  return state.goalId === goalId ? state.value : { status: 'loading' };
}
