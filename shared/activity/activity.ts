/**
 * "What changed since my last visit": a timeline built from the timestamps
 * the shared documents already carry. Nothing extra is stored or synced; the
 * readers have validated every entry before it gets here.
 */

export type ActivityEvent =
  | { readonly kind: 'memberJoined'; readonly at: number; readonly memberId: string; readonly invitedBy: string | undefined }
  | { readonly kind: 'memberRemoved'; readonly at: number; readonly memberId: string; readonly by: string }
  | { readonly kind: 'organisationAdded'; readonly at: number; readonly organisationId: string; readonly by: string }
  | { readonly kind: 'organisationUpdated'; readonly at: number; readonly organisationId: string }
  | { readonly kind: 'documentAdded'; readonly at: number; readonly documentId: string; readonly by: string }
  | { readonly kind: 'documentVersion'; readonly at: number; readonly documentId: string; readonly by: string; readonly version: number }
  | { readonly kind: 'introduction'; readonly at: number; readonly introductionId: string; readonly by: string; readonly a: string; readonly b: string; readonly toOrganisation: boolean }
  | { readonly kind: 'interestsUpdated'; readonly at: number; readonly organisationId: string; readonly by: string }
  | { readonly kind: 'comment'; readonly at: number; readonly commentId: string; readonly by: string; readonly target: { readonly kind: string; readonly id: string } };

/** The already-validated entries the timeline is built from; each list may be empty. */
export interface ActivitySources {
  readonly members: readonly { memberId: string; joinedAt: number; invitedBy?: string | undefined }[];
  readonly organisations: readonly { id: string; createdAt: number; updatedAt: number; createdBy: string }[];
  readonly documents: readonly { id: string; createdAt: number; createdBy: string; versions: readonly { addedAt: number; addedBy: string }[] }[];
  readonly introductions: readonly { id: string; createdAt: number; by: string; a: string; b: string; kind: 'members' | 'organisation' }[];
  readonly interests: readonly { organisationId: string; updatedAt: number; updatedBy: string }[];
  readonly comments: readonly { id: string; createdAt: number; by: string; target: { kind: string; id: string } }[];
  /** Members removed by an administrator (from the signed membership records, shared/membership). */
  readonly removals?: readonly { memberId: string; by: string; at: number }[];
}

/** A busy regional session produces dozens of changes; a screen-long list is enough, the rest is in the sections. */
export const MAX_ACTIVITY_EVENTS = 100;

/** Edits within this long after creation are part of creating it, not a separate change. */
const SAME_CHANGE_MS = 5_000;

function allEvents(sources: ActivitySources): ActivityEvent[] {
  const events: ActivityEvent[] = [];
  for (const member of sources.members) events.push({ kind: 'memberJoined', at: member.joinedAt, memberId: member.memberId, invitedBy: member.invitedBy });
  for (const organisation of sources.organisations) {
    events.push({ kind: 'organisationAdded', at: organisation.createdAt, organisationId: organisation.id, by: organisation.createdBy });
    if (organisation.updatedAt - organisation.createdAt > SAME_CHANGE_MS) events.push({ kind: 'organisationUpdated', at: organisation.updatedAt, organisationId: organisation.id });
  }
  for (const document of sources.documents) {
    events.push({ kind: 'documentAdded', at: document.createdAt, documentId: document.id, by: document.createdBy });
    document.versions.forEach((version, index) => {
      if (index > 0) events.push({ kind: 'documentVersion', at: version.addedAt, documentId: document.id, by: version.addedBy, version: index + 1 });
    });
  }
  for (const introduction of sources.introductions) events.push({ kind: 'introduction', at: introduction.createdAt, introductionId: introduction.id, by: introduction.by, a: introduction.a, b: introduction.b, toOrganisation: introduction.kind === 'organisation' });
  for (const interest of sources.interests) events.push({ kind: 'interestsUpdated', at: interest.updatedAt, organisationId: interest.organisationId, by: interest.updatedBy });
  for (const comment of sources.comments) events.push({ kind: 'comment', at: comment.createdAt, commentId: comment.id, by: comment.by, target: comment.target });
  for (const removal of sources.removals ?? []) events.push({ kind: 'memberRemoved', at: removal.at, memberId: removal.memberId, by: removal.by });
  return events;
}

function actorOf(event: ActivityEvent): string | undefined {
  switch (event.kind) {
    case 'memberJoined':
      return event.memberId;
    case 'organisationUpdated':
      return undefined;
    default:
      return event.by;
  }
}

/**
 * Changes by others after `since` (all of them on a first visit), newest
 * first, at most MAX_ACTIVITY_EVENTS. One's own changes are left out: the
 * view answers "what did the others do while I was away".
 */
export function activitySince(sources: ActivitySources, since: number | undefined, selfMemberId: string): ActivityEvent[] {
  return allEvents(sources)
    .filter((event) => (since === undefined || event.at > since) && actorOf(event) !== selfMemberId)
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_ACTIVITY_EVENTS);
}
