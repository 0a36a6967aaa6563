import { describe, expect, it } from 'vitest';
import type { Introduction } from '../workspace-doc/introductions';
import { connectedness } from './connectedness';
import { members, organisations } from './fixture';

const invite = (by: string, a: string): Introduction => ({ id: `invite:${a}`, kind: 'invite', by, a, createdAt: 1 });

describe('connectedness', () => {
  it('no ties: every organisation its own cluster', () => {
    expect(connectedness(organisations, members, [])).toEqual({ largestComponentShare: 1 / 5, tiesPerMember: 0, unconnectedOrganisationIds: ['leiden', 'liander', 'coop', 'woonstad', 'waterschap'] });
  });

  it('a tie between two people of one organisation joins no organisations, but counts as a tie between people', () => {
    expect(connectedness(organisations, members, [invite('anne', 'eva')])).toMatchObject({ largestComponentShare: 1 / 5, tiesPerMember: 2 / 5 });
  });

  it('introducing a person to an organisation ties the two organisations, not two people', () => {
    const intro: Introduction = { id: 'x', kind: 'organisation', by: 'anne', a: 'bram', b: 'waterschap', note: '', createdAt: 1 };
    expect(connectedness(organisations, members, [intro])).toMatchObject({ largestComponentShare: 2 / 5, tiesPerMember: 0, unconnectedOrganisationIds: ['leiden', 'coop', 'woonstad'] });
  });

  it('the same pair tied twice counts once; ties to unknown people or organisations are ignored', () => {
    const intros: Introduction[] = [
      invite('anne', 'bram'),
      { id: 'i', kind: 'members', by: 'carla', a: 'bram', b: 'anne', note: '', createdAt: 2 },
      invite('ghost', 'carla'),
      { id: 'o', kind: 'organisation', by: 'anne', a: 'dirk', b: 'gone', note: '', createdAt: 3 },
    ];
    expect(connectedness(organisations, members, intros)).toMatchObject({ largestComponentShare: 2 / 5, tiesPerMember: 2 / 5 });
  });

  it('a single organisation is trivially connected and never "unconnected"', () => {
    expect(connectedness(organisations.slice(0, 1), [], [])).toEqual({ largestComponentShare: 1, tiesPerMember: 0, unconnectedOrganisationIds: [] });
  });
});
