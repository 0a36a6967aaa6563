import { describe, expect, it } from 'vitest';
import { fixture } from './fixture';
import { onboardingChecklist, onboardingChecklists } from './onboarding';

const stepsOf = (organisationId: string, input = fixture) => Object.fromEntries(onboardingChecklist(organisationId, input).steps.map(({ step, done }) => [step, done]));

describe('onboarding checklist on the fixture', () => {
  it('the new party (waterschap) has everything still to do, and one goal waits for it', () => {
    expect(onboardingChecklist('waterschap', fixture)).toEqual({
      organisationId: 'waterschap',
      steps: [
        { step: 'profile', done: false },
        { step: 'introduced', done: false },
        { step: 'interests', done: false },
        { step: 'goals', done: false },
      ],
      doneCount: 0,
      openGoalIds: ['g2'],
    });
  });

  it('a founding party with a description is done', () => {
    const input = { ...fixture, organisations: fixture.organisations.map((o) => (o.id === 'leiden' ? { ...o, description: 'Gemeente in Holland Rijnland' } : o)) };
    expect(stepsOf('leiden', input)).toEqual({ profile: true, introduced: true, interests: true, goals: true });
  });

  it('interests written by an outsider do not tick the box; open goals are listed', () => {
    expect(stepsOf('coop')).toEqual({ profile: false, introduced: true, interests: false, goals: false });
    expect(onboardingChecklist('coop', fixture).openGoalIds).toEqual(['g1', 'g2']);
  });

  it('an adopted goal no longer asks for a stance', () => {
    const input = { ...fixture, goals: fixture.goals.map((g) => (g.id === 'g2' ? { ...g, adopted: true } : g)) };
    expect(onboardingChecklist('waterschap', input).openGoalIds).toEqual([]);
  });
});

describe('all checklists at once', () => {
  it('equals the one-by-one checklists, in the organisations order', () => {
    expect(onboardingChecklists(fixture)).toEqual(fixture.organisations.map((o) => onboardingChecklist(o.id, fixture)));
  });

  it('is empty without organisations', () => {
    expect(onboardingChecklists({ ...fixture, organisations: [] })).toEqual([]);
  });
});
