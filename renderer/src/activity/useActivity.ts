import { useMemo } from 'react';
import { activitySince, type ActivityEvent, type ActivitySources } from '../../../shared/activity/activity';
import { commentRecords } from '../../../shared/workspace-doc/comments';
import { workspaceDocumentRecords } from '../../../shared/workspace-doc/documents';
import { interestRecords } from '../../../shared/workspace-doc/interests';
import { introductionRecords } from '../../../shared/workspace-doc/introductions';
import { memberRecords, type Member } from '../../../shared/workspace-doc/members';
import { organisationRecords } from '../../../shared/workspace-doc/organisations';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';
import { useCollection } from '../read-model/records';

export interface ActivityView {
  readonly events: readonly ActivityEvent[];
  readonly memberName: (memberId: string) => string | undefined;
  readonly organisationName: (organisationId: string) => string | undefined;
  readonly documentTitle: (documentId: string) => string | undefined;
}

function valid<T>(results: readonly ReadResult<T>[]): T[] {
  return results.flatMap((result) => (result.ok ? [result.value] : []));
}

/** Removed members (by public key, from the member list) as activity entries, by member id. */
function removalsOf(members: readonly Member[], removed: ReadonlyMap<string, { by: string; at: number }> | undefined): ActivitySources['removals'] {
  if (!removed || removed.size === 0) return [];
  const idOf = new Map(members.map((member) => [member.publicKey, member.memberId]));
  return [...removed].flatMap(([key, { by, at }]) => {
    const memberId = idOf.get(key);
    const byId = idOf.get(by);
    return memberId && byId ? [{ memberId, by: byId, at }] : [];
  });
}

/**
 * The workspace's changes by others since `since`, with the names to show
 * them by; from the read model, recomputed when one of the collections it
 * reads changed, not on every edit (a goal's text, an idea).
 */
export function useActivity(since: number | undefined, selfMemberId: string, removed?: ReadonlyMap<string, { by: string; at: number }>): ActivityView {
  const memberResults = useCollection(memberRecords);
  const organisationResults = useCollection(organisationRecords);
  const documentResults = useCollection(workspaceDocumentRecords);
  const introductionResults = useCollection(introductionRecords);
  const interestResults = useCollection(interestRecords);
  const commentResults = useCollection(commentRecords);
  return useMemo(() => {
    const members = valid(memberResults.list);
    const organisations = valid(organisationResults.list);
    const documents = valid(documentResults.list);
    const comments = valid(commentResults.list).map((comment) => ({ id: comment.id, createdAt: comment.createdAt, by: comment.by, target: { kind: comment.targetKind, id: comment.targetId } }));
    const sources: ActivitySources = {
      members,
      organisations,
      documents,
      introductions: valid(introductionResults.list),
      interests: valid(interestResults.list),
      comments,
      removals: removalsOf(members, removed),
    };
    const memberNames = new Map(members.map((member) => [member.memberId, member.displayName]));
    const organisationNames = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
    const documentTitles = new Map(documents.map((document) => [document.id, document.title]));
    return {
      events: activitySince(sources, since, selfMemberId),
      memberName: (id) => memberNames.get(id),
      organisationName: (id) => organisationNames.get(id),
      documentTitle: (id) => documentTitles.get(id),
    };
  }, [memberResults, organisationResults, documentResults, introductionResults, interestResults, commentResults, removed, since, selfMemberId]);
}
