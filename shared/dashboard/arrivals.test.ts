import { describe, expect, it } from 'vitest';
import { arrivals } from './arrivals';
import { day, fixture } from './fixture';

describe('arrivals on the fixture', () => {
  it('lists organisations and invited people newest first (people before organisations at the same moment), the late organisation as a new party', () => {
    expect(arrivals(fixture)).toEqual([
      { kind: 'organisation', at: day(20), organisationId: 'waterschap', by: 'anne', newParty: true },
      { kind: 'member', at: day(4), memberId: 'eva', invitedBy: 'anne' },
      { kind: 'member', at: day(3), memberId: 'dirk', invitedBy: 'bram' },
      { kind: 'member', at: day(2), memberId: 'carla', invitedBy: 'anne' },
      { kind: 'organisation', at: day(2), organisationId: 'woonstad', by: 'anne', newParty: false },
      { kind: 'member', at: day(1), memberId: 'bram', invitedBy: 'anne' },
      { kind: 'organisation', at: day(1), organisationId: 'coop', by: 'anne', newParty: false },
      { kind: 'organisation', at: day(0), organisationId: 'leiden', by: 'anne', newParty: false },
      { kind: 'organisation', at: day(0), organisationId: 'liander', by: 'anne', newParty: false },
    ]);
  });

  it('the founder who joined without an invite is not an arrival; the limit keeps the newest', () => {
    expect(arrivals(fixture).some((event) => event.kind === 'member' && event.memberId === 'anne')).toBe(false);
    expect(arrivals(fixture, 2).map((event) => event.at)).toEqual([day(20), day(4)]);
  });
});
