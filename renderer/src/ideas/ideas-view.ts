import type * as Y from 'yjs';
import type { Organisation } from '../../../shared/domain/organisation';
import { commentCounts } from '../../../shared/workspace-doc/comments';
import { readGoals, type Goal } from '../../../shared/workspace-doc/goals';
import type { IdeaState } from '../../../shared/workspace-doc/idea-status';
import { countedVotes, hasVoted, readIdeas, type Idea } from '../../../shared/workspace-doc/ideas';
import { readMembers, type Member } from '../../../shared/workspace-doc/members';
import { readOrganisations } from '../../../shared/workspace-doc/organisations';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';
import { readWorkingGroups, type WorkingGroup } from '../../../shared/workspace-doc/working-groups';

const valid = <T>(results: readonly ReadResult<T>[]): T[] => results.flatMap((result) => (result.ok ? [result.value] : []));

/** Everything the Ideeën section shows, read in one pass per document update. */
export interface IdeasSnapshot {
  readonly ideas: readonly ReadResult<Idea>[];
  readonly members: readonly Member[];
  readonly organisations: readonly Organisation[];
  readonly goals: readonly Goal[];
  readonly groups: readonly WorkingGroup[];
  readonly commentCounts: ReadonlyMap<string, number>;
}

export function readIdeasSnapshot(doc: Y.Doc): IdeasSnapshot {
  return {
    ideas: readIdeas(doc),
    members: valid(readMembers(doc)),
    organisations: valid(readOrganisations(doc)),
    goals: valid(readGoals(doc)),
    groups: valid(readWorkingGroups(doc)),
    commentCounts: commentCounts(doc, 'idea'),
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
