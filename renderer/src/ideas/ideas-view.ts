import type { Organisation } from '../../../shared/domain/organisation';
import { countByTarget, type Comment } from '../../../shared/workspace-doc/comments';
import { byNewestGoal, type Goal } from '../../../shared/workspace-doc/goals';
import type { IdeaState } from '../../../shared/workspace-doc/idea-status';
import { byNewestIdea, countedVotes, hasVoted, type Idea } from '../../../shared/workspace-doc/ideas';
import type { Member } from '../../../shared/workspace-doc/members';
import { byOrganisationName } from '../../../shared/workspace-doc/organisations';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';
import { byGroupName, type WorkingGroup } from '../../../shared/workspace-doc/working-groups';

const valid = <T>(results: readonly ReadResult<T>[]): T[] => results.flatMap((result) => (result.ok ? [result.value] : []));

/** Everything the Ideeën section shows, in the order it shows it. */
export interface IdeasSnapshot {
  readonly ideas: readonly ReadResult<Idea>[];
  readonly members: readonly Member[];
  readonly organisations: readonly Organisation[];
  readonly goals: readonly Goal[];
  readonly groups: readonly WorkingGroup[];
  readonly commentCounts: ReadonlyMap<string, number>;
}

/** The records the Ideeën section reads, as the read model holds them (each in the root map's order). */
export interface IdeasRecords {
  readonly ideas: readonly ReadResult<Idea>[];
  readonly members: readonly ReadResult<Member>[];
  readonly organisations: readonly ReadResult<Organisation>[];
  readonly goals: readonly ReadResult<Goal>[];
  readonly groups: readonly ReadResult<WorkingGroup>[];
  readonly comments: readonly ReadResult<Comment>[];
}

export function ideasSnapshotOf(records: IdeasRecords): IdeasSnapshot {
  return {
    ideas: [...records.ideas].sort(byNewestIdea),
    members: valid(records.members),
    organisations: valid([...records.organisations].sort(byOrganisationName)),
    goals: valid([...records.goals].sort(byNewestGoal)),
    groups: valid([...records.groups].sort(byGroupName)),
    commentCounts: countByTarget(records.comments, 'idea'),
  };
}

export interface IdeaRow {
  readonly idea: Idea;
  /** Votes of current members only (countedVotes). */
  readonly voteCount: number;
  readonly voted: boolean;
}

export type IdeaSort = 'votes' | 'newest';

export interface IdeaFilter {
  /** 'all', or one state. */
  readonly status: IdeaState | 'all';
  /** '' for every tag; compared ignoring case. */
  readonly tag: string;
}

export const NO_FILTER: IdeaFilter = { status: 'all', tag: '' };

export function ideaRows(ideas: readonly Idea[], memberIds: ReadonlySet<string>, me: string): IdeaRow[] {
  return ideas.map((idea) => ({ idea, voteCount: countedVotes(idea, memberIds).length, voted: hasVoted(idea, me) }));
}

const tagKey = (tag: string) => tag.trim().toLocaleLowerCase('nl');

function byNewest(a: IdeaRow, b: IdeaRow): number {
  // Ties by id, so every partner shows the same order.
  return b.idea.createdAt - a.idea.createdAt || (a.idea.id < b.idea.id ? -1 : a.idea.id > b.idea.id ? 1 : 0);
}

/** The ideas to show: filtered by status and tag, sorted by votes (then newest) or newest. */
export function visibleIdeas(rows: readonly IdeaRow[], sort: IdeaSort, filter: IdeaFilter): IdeaRow[] {
  const wantedTag = tagKey(filter.tag);
  return rows
    .filter((row) => filter.status === 'all' || row.idea.status.state === filter.status)
    .filter((row) => wantedTag === '' || row.idea.tags.some((tag) => tagKey(tag) === wantedTag))
    .sort((a, b) => (sort === 'votes' ? b.voteCount - a.voteCount : 0) || byNewest(a, b));
}

/** Every tag in use, once each ignoring case (first spelling seen wins), alphabetical. */
export function tagsInUse(ideas: readonly Idea[]): string[] {
  const seen = new Map<string, string>();
  for (const idea of ideas) for (const tag of idea.tags) if (!seen.has(tagKey(tag))) seen.set(tagKey(tag), tag.trim());
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'nl'));
}
