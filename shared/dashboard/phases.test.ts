import { describe, expect, it } from 'vitest';
import { bijdragenPhase, samenCreerenPhase, samenwerkenPhase, verbindenPhase } from './phases';

describe('phases at their thresholds', () => {
  it('Verbinden', () => {
    expect(verbindenPhase({ organisations: 1, members: 5, largestComponentShare: 1, tiesPerMember: 3 })).toBe('notStarted');
    expect(verbindenPhase({ organisations: 4, members: 4, largestComponentShare: 0.25, tiesPerMember: 0 })).toBe('starting');
    expect(verbindenPhase({ organisations: 4, members: 4, largestComponentShare: 0.5, tiesPerMember: 0.9 })).toBe('starting');
    expect(verbindenPhase({ organisations: 4, members: 4, largestComponentShare: 0.5, tiesPerMember: 1 })).toBe('growing');
    expect(verbindenPhase({ organisations: 4, members: 4, largestComponentShare: 1, tiesPerMember: 1.9 })).toBe('growing');
    expect(verbindenPhase({ organisations: 4, members: 4, largestComponentShare: 1, tiesPerMember: 2 })).toBe('carried');
  });

  it('Bijdragen', () => {
    expect(bijdragenPhase({ organisations: 4, contributingOrganisations: 0 })).toBe('notStarted');
    expect(bijdragenPhase({ organisations: 4, contributingOrganisations: 1 })).toBe('starting');
    expect(bijdragenPhase({ organisations: 4, contributingOrganisations: 2 })).toBe('growing');
    expect(bijdragenPhase({ organisations: 4, contributingOrganisations: 4 })).toBe('carried');
  });

  it('Samenwerken', () => {
    expect(samenwerkenPhase({ goals: 0, adopted: 0, coverage: null })).toBe('notStarted');
    expect(samenwerkenPhase({ goals: 1, adopted: 0, coverage: null })).toBe('starting');
    expect(samenwerkenPhase({ goals: 1, adopted: 0, coverage: 0.49 })).toBe('starting');
    expect(samenwerkenPhase({ goals: 1, adopted: 0, coverage: 0.5 })).toBe('growing');
    expect(samenwerkenPhase({ goals: 2, adopted: 1, coverage: 0.1 })).toBe('carried');
  });

  it('Samen creëren', () => {
    expect(samenCreerenPhase({ ideas: 0, workingGroups: 0, ideasTakenUp: 0, ideasRealised: 0 })).toBe('notStarted');
    expect(samenCreerenPhase({ ideas: 0, workingGroups: 1, ideasTakenUp: 0, ideasRealised: 0 })).toBe('starting');
    expect(samenCreerenPhase({ ideas: 3, workingGroups: 1, ideasTakenUp: 1, ideasRealised: 0 })).toBe('growing');
    expect(samenCreerenPhase({ ideas: 3, workingGroups: 1, ideasTakenUp: 1, ideasRealised: 1 })).toBe('carried');
  });
});
