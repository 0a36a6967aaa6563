/**
 * Gathers the dashboard's input from the workspace Y.Doc through the
 * existing readers, keeping only valid entries: a peer's damaged entry is
 * shown as a warning where it lives, and left out of the figures rather than
 * guessed at. Goals come in as plain summaries from the goals feature.
 */
import type * as Y from 'yjs';
import type { ReadResult } from '../workspace-doc/read-result';
import { readDocuments } from '../workspace-doc/documents';
import { readIdeas } from '../workspace-doc/ideas';
import { readInterests } from '../workspace-doc/interests';
import { readIntroductions, withInvites } from '../workspace-doc/introductions';
import { readMembers } from '../workspace-doc/members';
import { readMeta } from '../workspace-doc/meta';
import { readOrganisations } from '../workspace-doc/organisations';
import { readWorkingGroups } from '../workspace-doc/working-groups';
import type { DashboardInput, GoalSummary } from './input';

function valid<T>(results: Iterable<ReadResult<T>>): T[] {
  return [...results].flatMap((result) => (result.ok ? [result.value] : []));
}

export function dashboardInputFromDoc(doc: Y.Doc, context: { readonly goals: readonly GoalSummary[]; readonly now: number; readonly today: string }): DashboardInput {
  const members = valid(readMembers(doc));
  const meta = readMeta(doc);
  return {
    now: context.now,
    today: context.today,
    ...(meta.ok ? { startedAt: meta.meta.createdAt } : {}),
    organisations: valid(readOrganisations(doc)),
    members,
    introductions: withInvites(valid(readIntroductions(doc)), members),
    interests: valid(readInterests(doc).values()),
    documents: valid(readDocuments(doc, 'workspace')),
    goals: context.goals,
    ideas: valid(readIdeas(doc)),
    workingGroups: valid(readWorkingGroups(doc)),
  };
}
