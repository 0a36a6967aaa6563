import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ACTIVITY_EVENTS, activitySince, type ActivitySources } from './activity';

const EMPTY: ActivitySources = { members: [], organisations: [], documents: [], introductions: [], interests: [], comments: [] };

describe('activitySince', () => {
  const sources: ActivitySources = {
    ...EMPTY,
    members: [
      { memberId: 'anne', joinedAt: 100 },
      { memberId: 'bram', joinedAt: 300, invitedBy: 'anne' },
    ],
    organisations: [{ id: 'leiden', createdAt: 200, updatedAt: 60_000, createdBy: 'anne' }],
    documents: [
      {
        id: 'nota',
        createdAt: 400,
        createdBy: 'bram',
        versions: [
          { addedAt: 400, addedBy: 'bram' },
          { addedAt: 900, addedBy: 'anne' },
        ],
      },
    ],
    introductions: [{ id: 'i1', createdAt: 500, by: 'bram', a: 'anne', b: 'carla', kind: 'members' }],
    interests: [{ organisationId: 'leiden', updatedAt: 700, updatedBy: 'bram' }],
    comments: [{ id: 'c1', createdAt: 800, by: 'bram', target: { kind: 'document', id: 'nota' } }],
  };

  it('lists what others did after the last visit, newest first', () => {
    expect(activitySince(sources, 350, 'anne').map((event) => event.kind)).toEqual(['organisationUpdated', 'comment', 'interestsUpdated', 'introduction', 'documentAdded']);
  });

  it('leaves out one’s own changes but keeps changes without a known author', () => {
    const kinds = activitySince(sources, undefined, 'bram').map((event) => event.kind);
    expect(kinds).toEqual(['organisationUpdated', 'documentVersion', 'organisationAdded', 'memberJoined']);
  });

  it('shows a removal by an administrator, for everyone but the one who removed', () => {
    const withRemoval = { ...EMPTY, removals: [{ memberId: 'bram', by: 'anne', at: 950 }] };
    expect(activitySince(withRemoval, undefined, 'carla')).toEqual([{ kind: 'memberRemoved', at: 950, memberId: 'bram', by: 'anne' }]);
    expect(activitySince(withRemoval, undefined, 'anne')).toEqual([]);
  });

  it('treats an edit right after creation as part of creating', () => {
    const quick = { ...EMPTY, organisations: [{ id: 'o', createdAt: 1000, updatedAt: 3000, createdBy: 'x' }] };
    expect(activitySince(quick, undefined, 'self').map((event) => event.kind)).toEqual(['organisationAdded']);
  });

  it('never returns more than the cap, never events at or before `since`, always sorted', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.uuid(), createdAt: fc.nat(10_000), by: fc.constantFrom('a', 'b'), a: fc.constant('x'), b: fc.constant('y'), kind: fc.constant('members' as const) }), { maxLength: 300 }), fc.option(fc.nat(10_000), { nil: undefined }), (introductions, since) => {
        const events = activitySince({ ...EMPTY, introductions }, since, 'a');
        expect(events.length).toBeLessThanOrEqual(MAX_ACTIVITY_EVENTS);
        for (const event of events) {
          if (since !== undefined) expect(event.at).toBeGreaterThan(since);
          expect(event.kind === 'introduction' && event.by).toBe('b');
        }
        for (let index = 1; index < events.length; index += 1) expect(events[index - 1]!.at).toBeGreaterThanOrEqual(events[index]!.at);
      }),
    );
  });
});
