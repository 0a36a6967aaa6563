import { afterEach, describe, expect, it, vi } from 'vitest';
import { OPEN_AUTHORITY } from '../../../shared/mandates/mandate-state';
import * as Y from 'yjs';
import { createGoal, setGoalText } from '../../../shared/workspace-doc/goals';
import { goalsMap } from '../../../shared/workspace-doc/schema';
import { computeGoalAdoption, watchGoalAdoption, type GoalAdoptionState } from './useGoalAdoption';

function docWithGoal(): Y.Doc {
  const doc = new Y.Doc();
  createGoal(doc, { title: 'Opwek', text: 'Eerste tekst.' }, { memberId: 'm', now: 1, organisationIds: ['org'], id: 'g' });
  return doc;
}

/** Advances the fake clock and lets resolved promise chains run. */
async function settle(ms = 0) {
  await vi.advanceTimersByTimeAsync(ms);
  await vi.advanceTimersByTimeAsync(0);
}

describe('computeGoalAdoption', () => {
  it('reports a missing goal as missing and a damaged one the same way, never throwing', async () => {
    const doc = new Y.Doc();
    expect(await computeGoalAdoption(doc, 'none', OPEN_AUTHORITY)).toEqual({ status: 'missing' });
    goalsMap(doc).set('broken', 'not a goal');
    expect(await computeGoalAdoption(doc, 'broken', OPEN_AUTHORITY)).toEqual({ status: 'missing' });
  });

  it('shows anything a peer put among the stances as invalid for its organisation, not as an error', async () => {
    const doc = docWithGoal();
    const stances = (goalsMap(doc).get('g') as Y.Map<unknown>).get('stances') as Y.Array<unknown>;
    stances.push([{ organisationId: 'org', stance: 'endorse' }, 42, null, 'x']);
    const state = await computeGoalAdoption(doc, 'g', OPEN_AUTHORITY);
    expect(state.status).toBe('ready');
    if (state.status !== 'ready') return;
    expect(state.result.organisations[0]).toMatchObject({ organisationId: 'org', status: 'invalid' });
    expect(state.result.adopted).toBe(false);
    expect(state.log).toEqual([]);
    expect(state.current.canonicalText).toBe('Eerste tekst.');
  });
});

describe('watchGoalAdoption', () => {
  afterEach(() => vi.useRealTimers());

  it('computes at once, then once after a burst of edits, and stops when asked', async () => {
    vi.useFakeTimers();
    const doc = docWithGoal();
    // A stand-in computation: WebCrypto settles on another thread, which fake timers cannot hold still.
    const compute = vi.fn((d: Y.Doc) => Promise.resolve<GoalAdoptionState>({ status: 'failed', problem: JSON.stringify(d.getMap('goals').size) }));
    const states: GoalAdoptionState[] = [];
    const stop = watchGoalAdoption(doc, 'g', OPEN_AUTHORITY, (state) => states.push(state), 200, compute);
    await settle();
    expect(compute).toHaveBeenCalledTimes(1);
    for (const word of ['een', 'twee', 'drie']) {
      setGoalText(doc, 'g', `Tekst ${word}.`);
      await settle(50);
    }
    expect(compute).toHaveBeenCalledTimes(1);
    await settle(200);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(states).toHaveLength(2);
    stop();
    setGoalText(doc, 'g', 'Later.');
    await settle(1000);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(states).toHaveLength(2);
  });

  it('drops a result that a newer computation overtook', async () => {
    vi.useFakeTimers();
    const doc = docWithGoal();
    const pending: ((state: GoalAdoptionState) => void)[] = [];
    const compute = () => new Promise<GoalAdoptionState>((resolve) => pending.push(resolve));
    const states: GoalAdoptionState[] = [];
    const stop = watchGoalAdoption(doc, 'g', OPEN_AUTHORITY, (state) => states.push(state), 200, compute);
    setGoalText(doc, 'g', 'Nieuwe tekst.');
    await settle(200);
    expect(pending).toHaveLength(2);
    pending[1]?.({ status: 'failed', problem: 'newer' });
    pending[0]?.({ status: 'missing' });
    await settle();
    expect(states).toEqual([{ status: 'failed', problem: 'newer' }]);
    stop();
  });
});
