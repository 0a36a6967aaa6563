import { describe, expect, it } from 'vitest';
import { dashboardFigures } from './figures';
import { DAY0, fixture } from './fixture';
import { DAY_MS } from './timeline';

/** A step series over the fixture's 29 daily points: `[fromDay, value]` pairs, 0 before the first. */
function steps(...changes: [number, number][]): number[] {
  return Array.from({ length: 29 }, (_, index) => changes.filter(([from]) => from <= index).at(-1)?.[1] ?? 0);
}

describe('dashboard figures on the fixture', () => {
  const figures = dashboardFigures(fixture);

  it('has one daily point from the first day to today', () => {
    expect(figures.timeline.unit).toBe('day');
    expect(figures.timeline.starts).toHaveLength(29);
    expect(figures.timeline.starts[0]).toBe(DAY0);
    expect(figures.timeline.starts[28]).toBe(DAY0 + 28 * DAY_MS);
  });

  it('Verbinden: organisations, members, introductions with invites, connectedness', () => {
    const v = figures.verbinden;
    expect({ ...v, series: undefined }).toEqual({
      phase: 'growing',
      organisations: 5,
      members: 5,
      introductions: 6,
      invites: 4,
      largestComponentShare: 4 / 5,
      tiesPerMember: 2,
      unconnectedOrganisationIds: ['waterschap'],
      series: undefined,
    });
    expect(v.series.organisations).toEqual(steps([0, 2], [1, 3], [2, 4], [20, 5]));
    expect(v.series.members).toEqual(steps([0, 1], [1, 2], [2, 3], [3, 4], [4, 5]));
    expect(v.series.introductions).toEqual(steps([1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6]));
    // leiden and liander untied; + coop, tied by bram's invite; + woonstad; dirk ties woonstad in; the waterschap joins alone.
    expect(v.series.largestComponentShare).toEqual(steps([0, 1 / 2], [1, 2 / 3], [2, 3 / 4], [3, 1], [20, 4 / 5]));
    expect(v.series.tiesPerMember).toEqual(steps([0, 0], [1, 1], [2, 4 / 3], [3, 6 / 4], [4, 8 / 5], [5, 2]));
  });

  it('Bijdragen: only interests by the organisation itself and with content count', () => {
    const b = figures.bijdragen;
    expect({ ...b, series: undefined }).toEqual({
      phase: 'growing',
      organisationsWithInterests: 2,
      contributingOrganisations: 3,
      contributingShare: 3 / 5,
      documents: 3,
      perOrganisation: [
        { organisationId: 'leiden', hasInterests: true, documents: 0 },
        { organisationId: 'liander', hasInterests: true, documents: 2 },
        { organisationId: 'coop', hasInterests: false, documents: 1 },
        { organisationId: 'woonstad', hasInterests: false, documents: 0 },
        { organisationId: 'waterschap', hasInterests: false, documents: 0 },
      ],
      series: undefined,
    });
    expect(b.series.organisationsWithInterests).toEqual(steps([7, 1], [8, 2]));
    expect(b.series.contributingOrganisations).toEqual(steps([7, 1], [8, 2], [15, 3]));
    expect(b.series.documents).toEqual(steps([8, 1], [12, 2], [15, 3]));
  });

  it('Samenwerken: goals, adoption and endorsement coverage', () => {
    const s = figures.samenwerken;
    expect({ ...s, series: undefined }).toEqual({
      phase: 'carried',
      goals: 3,
      adopted: 1,
      coverage: 5 / 11,
      perGoal: [
        { goalId: 'g1', participating: 4, responded: 2, adopted: false },
        { goalId: 'g2', participating: 5, responded: 1, adopted: false },
        { goalId: 'g3', participating: 2, responded: 2, adopted: true },
      ],
      series: undefined,
    });
    expect(s.series.goals).toEqual(steps([10, 1], [11, 2], [12, 3]));
    expect(s.series.adopted).toEqual(steps([14, 1]));
  });

  it('Samen creëren: ideas by state, working groups, actions done, new parties', () => {
    const c = figures.samenCreeren;
    expect({ ...c, series: undefined }).toEqual({
      phase: 'growing',
      ideas: 4,
      ideasByState: { new: 1, underDiscussion: 1, takenUp: 1, realised: 0, declined: 1 },
      workingGroups: 2,
      actions: 5,
      actionsDone: 2,
      newPartyIds: ['waterschap'],
      series: undefined,
    });
    expect(c.series.ideas).toEqual(steps([13, 1], [14, 2], [16, 3], [17, 4]));
    expect(c.series.workingGroups).toEqual(steps([13, 1], [19, 2]));
    expect(c.series.actionsDone).toEqual(steps([18, 1], [22, 2]));
    expect(c.series.newParties).toEqual(steps([20, 1]));
  });

  it('points at who is lagging', () => {
    expect(figures.lagging).toEqual({
      silentOrganisationIds: ['woonstad', 'waterschap'],
      waitingGoals: [
        { goalId: 'g2', waitingFor: ['liander', 'coop', 'woonstad', 'waterschap'] },
        { goalId: 'g1', waitingFor: ['coop', 'woonstad'] },
      ],
      overdueActions: [
        { groupId: 'wg1', actionId: 'a2', title: 'a2', ownerMemberId: 'bram', due: '2026-01-28', daysOverdue: 5 },
        { groupId: 'wg2', actionId: 'b1', title: 'b1', ownerMemberId: 'bram', due: '2026-01-30', daysOverdue: 3 },
      ],
    });
  });

  it("every series' last point is the current figure", () => {
    expect(figures.verbinden.series.largestComponentShare.at(-1)).toBe(figures.verbinden.largestComponentShare);
    expect(figures.bijdragen.series.documents.at(-1)).toBe(figures.bijdragen.documents);
    expect(figures.samenCreeren.series.actionsDone.at(-1)).toBe(figures.samenCreeren.actionsDone);
  });
});

describe('dashboard figures on an empty workspace', () => {
  it('has a single point, everything zero and not started, nothing lagging', () => {
    const figures = dashboardFigures({ now: DAY0, today: '2026-01-05', organisations: [], members: [], introductions: [], interests: [], documents: [], goals: [], ideas: [], workingGroups: [] });
    expect(figures.timeline).toEqual({ unit: 'day', starts: [DAY0] });
    expect([figures.verbinden.phase, figures.bijdragen.phase, figures.samenwerken.phase, figures.samenCreeren.phase]).toEqual(['notStarted', 'notStarted', 'notStarted', 'notStarted']);
    expect(figures.verbinden.largestComponentShare).toBe(0);
    expect(figures.samenwerken.coverage).toBeNull();
    expect(figures.lagging).toEqual({ silentOrganisationIds: [], waitingGoals: [], overdueActions: [] });
  });
});
