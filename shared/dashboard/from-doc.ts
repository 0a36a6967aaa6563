/**
 * Gathers the dashboard's input from the workspace's validated records,
 * keeping only valid entries: a peer's damaged entry is shown as a warning
 * where it lives, and left out of the figures rather than guessed at. Goals
 * come in as plain summaries from the goals feature. The records come from
 * a source (shared/read-model/record-source.ts): the read model's on a
 * screen, the document's for a one-off.
 */
import type * as Y from 'yjs';
import { documentRecords, validRecords, type RecordSource } from '../read-model/record-source';
import { workspaceDocumentRecords } from '../workspace-doc/documents';
import { ideaRecords } from '../workspace-doc/ideas';
import { interestRecords, interestView } from '../workspace-doc/interests';
import { introductionRecords, withInvites } from '../workspace-doc/introductions';
import { memberRecords } from '../workspace-doc/members';
import { readMeta } from '../workspace-doc/meta';
import { organisationRecords } from '../workspace-doc/organisations';
import { workingGroupRecords } from '../workspace-doc/working-groups';
import type { DashboardInput, GoalSummary } from './input';

export interface DashboardContext {
  readonly goals: readonly GoalSummary[];
  readonly now: number;
  readonly today: string;
}

export function dashboardInputFromDoc(doc: Y.Doc, context: DashboardContext, source: RecordSource = documentRecords(doc)): DashboardInput {
  const members = validRecords(source, memberRecords);
  const organisations = validRecords(source, organisationRecords);
  const meta = readMeta(doc);
  const interests = source.records(interestRecords).map((result) => interestView(result, members, organisations));
  return {
    now: context.now,
    today: context.today,
    ...(meta.ok ? { startedAt: meta.meta.createdAt } : {}),
    organisations,
    members,
    introductions: withInvites(validRecords(source, introductionRecords), members),
    interests: interests.flatMap((result) => (result.ok ? [result.value] : [])),
    documents: validRecords(source, workspaceDocumentRecords),
    goals: context.goals,
    ideas: validRecords(source, ideaRecords),
    workingGroups: validRecords(source, workingGroupRecords),
  };
}
