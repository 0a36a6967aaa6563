import { useCallback } from 'react';
import type * as Y from 'yjs';
import { activitySince, type ActivityEvent, type ActivitySources } from '../../../shared/activity/activity';
import { readAllComments } from '../../../shared/workspace-doc/comments';
import { readDocuments } from '../../../shared/workspace-doc/documents';
import { readInterests } from '../../../shared/workspace-doc/interests';
import { readIntroductions } from '../../../shared/workspace-doc/introductions';
import { readMembers } from '../../../shared/workspace-doc/members';
import { readOrganisations } from '../../../shared/workspace-doc/organisations';
import { useDocValue } from '../hooks/useDocValue';

export interface ActivityView {
  readonly events: readonly ActivityEvent[];
  readonly memberName: (memberId: string) => string | undefined;
  readonly organisationName: (organisationId: string) => string | undefined;
  readonly documentTitle: (documentId: string) => string | undefined;
}

function valid<T>(results: readonly ({ ok: true; value: T } | { ok: false })[]): T[] {
  return results.flatMap((result) => (result.ok ? [result.value] : []));
}

function readSources(doc: Y.Doc): ActivitySources & { names: Map<string, string> } {
  const members = valid(readMembers(doc));
  const organisations = valid(readOrganisations(doc));
  const documents = valid(readDocuments(doc, 'workspace'));
  const names = new Map<string, string>();
  for (const member of members) names.set(`m:${member.memberId}`, member.displayName);
  for (const organisation of organisations) names.set(`o:${organisation.id}`, organisation.name);
  for (const document of documents) names.set(`d:${document.id}`, document.title);
  const introductions = valid(readIntroductions(doc));
  const interests = [...readInterests(doc).values()].flatMap((result) => (result.ok ? [result.value.entry] : []));
  const comments = readAllComments(doc).map((comment) => ({ id: comment.id, createdAt: comment.createdAt, by: comment.by, target: { kind: comment.targetKind, id: comment.targetId } }));
  return { members, organisations, documents, introductions, interests, comments, names };
}

/** Removed members (by public key, from the member list) as activity entries, by member id. */
function removalsOf(doc: Y.Doc, removed: ReadonlyMap<string, { by: string; at: number }> | undefined): ActivitySources['removals'] {
  if (!removed || removed.size === 0) return [];
  const idOf = new Map(valid(readMembers(doc)).map((member) => [member.publicKey, member.memberId]));
  return [...removed].flatMap(([key, { by, at }]) => {
    const memberId = idOf.get(key);
    const byId = idOf.get(by);
    return memberId && byId ? [{ memberId, by: byId, at }] : [];
  });
}

/** The workspace's changes by others since `since`, with the names to show them by. */
export function useActivity(doc: Y.Doc, since: number | undefined, selfMemberId: string, removed?: ReadonlyMap<string, { by: string; at: number }>): ActivityView {
  const read = useCallback((current: Y.Doc) => {
    const sources = { ...readSources(current), removals: removalsOf(current, removed) };
    return { events: activitySince(sources, since, selfMemberId), names: sources.names };
  }, [since, selfMemberId, removed]);
  const { events, names } = useDocValue(doc, read);
  return {
    events,
    memberName: (id) => names.get(`m:${id}`),
    organisationName: (id) => names.get(`o:${id}`),
    documentTitle: (id) => names.get(`d:${id}`),
  };
}
