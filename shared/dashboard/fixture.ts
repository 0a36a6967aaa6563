/**
 * A fixed region workspace four weeks in, for the dashboard tests. Every
 * figure the tests assert can be recounted by hand from this file:
 *
 * - 5 organisations; waterschap joins on day 20 (a new party) and has nobody in it yet.
 * - 5 members; anne founded, bram/carla/eva came by anne's invite, dirk by bram's.
 * - 2 stored introductions (bram–carla, carla → woonstad), 4 invites.
 * - interests: leiden and liander by their own people; coop's entry was
 *   written by an outsider (anne) and woonstad's is empty, so neither counts.
 * - documents: 2 by liander, 1 by coop.
 * - 3 goals (one adopted), 4 ideas, 2 working groups with 5 actions.
 */
import type { Organisation } from '../domain/organisation';
import type { LibraryDocument } from '../workspace-doc/documents';
import type { IdeaStatus } from '../workspace-doc/idea-status';
import type { Idea } from '../workspace-doc/ideas';
import type { InterestView } from '../workspace-doc/interests';
import { withInvites, type StoredIntroduction } from '../workspace-doc/introductions';
import type { Member } from '../workspace-doc/members';
import type { GroupAction, WorkingGroup } from '../workspace-doc/working-groups';
import type { DashboardInput, GoalSummary } from './input';
import { DAY_MS } from './timeline';

/** Monday 5 January 2026, 00:00 UTC: the first day bucket. */
export const DAY0 = Date.UTC(2026, 0, 5);
/** 10:00 UTC on day n since DAY0: when that day's event happened. */
export const day = (n: number): number => DAY0 + n * DAY_MS + 10 * 3_600_000;

const organisation = (id: string, name: string, type: string, createdDay: number): Organisation => ({ id, name, type, description: '', website: '', createdAt: day(createdDay), updatedAt: day(createdDay), createdBy: 'anne' });

export const organisations: Organisation[] = [
  organisation('leiden', 'Gemeente Leiden', 'gemeente', 0),
  organisation('liander', 'Liander', 'netbeheerder', 0),
  organisation('coop', 'Energiecoöperatie Zuid', 'energiecooperatie', 1),
  organisation('woonstad', 'Woonstad', 'woningcorporatie', 2),
  organisation('waterschap', 'Hoogheemraadschap van Rijnland', 'waterschap', 20),
];

const member = (memberId: string, organisationId: string, joinedDay: number, invitedBy?: string): Member => ({
  memberId,
  displayName: memberId,
  organisationName: organisationId,
  organisationId,
  role: '',
  publicKey: 'A'.repeat(43),
  joinedAt: day(joinedDay),
  ...(invitedBy === undefined ? {} : { invitedBy }),
});

export const members: Member[] = [member('anne', 'leiden', 0), member('bram', 'liander', 1, 'anne'), member('carla', 'coop', 2, 'anne'), member('dirk', 'woonstad', 3, 'bram'), member('eva', 'leiden', 4, 'anne')];

const stored: StoredIntroduction[] = [
  { id: 'i1', kind: 'members', by: 'anne', a: 'bram', b: 'carla', note: 'Allebei bezig met zon op dak', createdAt: day(5) },
  { id: 'i2', kind: 'organisation', by: 'bram', a: 'carla', b: 'woonstad', note: 'Daken van huurwoningen', createdAt: day(6) },
];

const interest = (organisationId: string, text: string, updatedBy: string, updatedDay: number, byOrganisationMember: boolean): InterestView => ({
  entry: { organisationId, interests: text, strategy: '', redLines: '', offer: '', updatedAt: day(updatedDay), updatedBy },
  byOrganisationMember,
});

const document = (id: string, organisationId: string, createdDay: number): LibraryDocument => ({
  id,
  title: id,
  description: '',
  tags: [],
  organisationId,
  sensitivity: 'intern',
  createdAt: day(createdDay),
  createdBy: 'bram',
  updatedAt: day(createdDay),
  versions: [{ hash: '0'.repeat(64), size: 1, type: 'application/pdf', fileName: `${id}.pdf`, addedAt: day(createdDay), addedBy: 'bram' }],
});

export const goals: GoalSummary[] = [
  { id: 'g1', createdAt: day(10), participatingOrganisationIds: ['leiden', 'liander', 'coop', 'woonstad'], respondedOrganisationIds: ['leiden', 'liander'], adopted: false },
  { id: 'g2', createdAt: day(11), participatingOrganisationIds: ['leiden', 'liander', 'coop', 'woonstad', 'waterschap'], respondedOrganisationIds: ['leiden'], adopted: false },
  { id: 'g3', createdAt: day(12), participatingOrganisationIds: ['leiden', 'liander'], respondedOrganisationIds: ['leiden', 'liander'], adopted: true, adoptedAt: day(14) },
];

const idea = (id: string, createdDay: number, status: IdeaStatus): Idea => ({
  id,
  title: id,
  description: '',
  tags: [],
  createdBy: 'carla',
  createdAt: day(createdDay),
  updatedAt: status.at,
  status,
  votes: [],
  damagedVotes: [],
});

export const ideas: Idea[] = [
  idea('idea1', 13, { state: 'takenUp', workingGroupId: 'wg1', at: day(13), by: 'anne' }),
  idea('idea2', 14, { state: 'new', at: day(14), by: 'carla' }),
  idea('idea3', 16, { state: 'declined', reason: 'Past niet in de RES', at: day(17), by: 'anne' }),
  idea('idea4', 17, { state: 'underDiscussion', at: day(18), by: 'dirk' }),
];

const action = (id: string, due: string, doneDay?: number): GroupAction => ({
  id,
  title: id,
  ownerMemberId: 'bram',
  due,
  createdAt: day(13),
  createdBy: 'anne',
  ...(doneDay === undefined ? { done: false } : { done: true, doneAt: day(doneDay) }),
});

const group = (id: string, createdDay: number, extra: Partial<WorkingGroup>): WorkingGroup => ({
  id,
  name: id,
  purpose: '',
  createdBy: 'anne',
  createdAt: day(createdDay),
  updatedAt: day(createdDay),
  memberIds: ['anne'],
  goalIds: [],
  ideaIds: [],
  documentIds: [],
  actions: [],
  damagedParts: [],
  ...extra,
});

export const workingGroups: WorkingGroup[] = [
  group('wg1', 13, { memberIds: ['anne', 'bram', 'dirk'], ideaIds: ['idea1'], actions: [action('a1', '2026-01-25', 18), action('a2', '2026-01-28'), action('a3', '2026-02-10')] }),
  group('wg2', 19, { actions: [action('b1', '2026-01-30'), action('b2', '2026-02-01', 22)] }),
];

/** Day 28 (Monday 2 February 2026), late morning. */
export const NOW = day(28);

export const fixture: DashboardInput = {
  now: NOW,
  today: '2026-02-02',
  startedAt: DAY0 + 9 * 3_600_000,
  organisations,
  members,
  introductions: withInvites(stored, members),
  interests: [interest('leiden', 'Warmte voor 4000 woningen', 'anne', 7, true), interest('liander', 'Ruimte op het net', 'bram', 8, true), interest('coop', 'Zon op dak', 'anne', 9, false), interest('woonstad', ' ', 'dirk', 9, true)],
  documents: [document('netkaart', 'liander', 8), document('netkaart-2', 'liander', 12), document('ledenpeiling', 'coop', 15)],
  goals,
  ideas,
  workingGroups,
};
