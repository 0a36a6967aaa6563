/**
 * Layout of a region workspace's shared Y.Doc (schema version 1):
 *
 *   meta:          Y.Map  { schemaVersion: 1, workspaceId, regionId, createdAt }
 *   organisations: Y.Map<id, Y.Map<field, value>>  one nested map per organisation,
 *                  so two partners editing different fields of one organisation
 *                  both keep their edit.
 *   members:       Y.Map<memberId, Y.Map<field, value>>  one entry per person who
 *                  joined, with who invited them (members.ts).
 *   introductions: Y.Map<id, Y.Map>  who introduced whom, with a note (introductions.ts).
 *   interests:     Y.Map<organisationId, Y.Map>  interests, strategy, red lines, offer (interests.ts).
 *   documents:     Y.Map<documentId, Y.Map>  library metadata with a Y.Array of versions;
 *                  the bytes are never in the document (documents.ts).
 *   comments:      Y.Map<commentId, Y.Map>  comments on documents and interests (comments.ts).
 *   ideas:         Y.Map<ideaId, Y.Map>  ideas with votes and status (ideas.ts).
 *   workingGroups: Y.Map<groupId, Y.Map>  working groups with their links and actions (working-groups.ts).
 *   goals:         Y.Map<goalId, Y.Map>  shared goals: statement (Y.XmlFragment), participants,
 *                  saved versions and signed stances (goals.ts).
 *   mandates:      Y.Map<recordId, string>  signed mandate records, add-only (mandates.ts,
 *                  shared/mandates/); old entries under "[orgId,memberId]" are read as not confirmed.
 *   workspaceSettings: Y.Map  { quorum } for adopting goals (goals.ts).
 *   membership:    Y.Map<recordId, string>  signed membership records, add-only
 *                  (shared/membership/membership-record.ts).
 *
 * A confidential room's own Y.Doc uses the same accessors for documents and
 * comments, plus its own meta (rooms.ts).
 *
 * Only the accessors in this folder touch these names.
 */
import type * as Y from 'yjs';

export const WORKSPACE_SCHEMA_VERSION = 1;

export const ROOT = {
  meta: 'meta',
  organisations: 'organisations',
  members: 'members',
  introductions: 'introductions',
  interests: 'interests',
  documents: 'documents',
  comments: 'comments',
  ideas: 'ideas',
  workingGroups: 'workingGroups',
  goals: 'goals',
  mandates: 'mandates',
  workspaceSettings: 'workspaceSettings',
  membership: 'membership',
} as const;

export function membershipMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.membership);
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.meta);
}

export function organisationsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.organisations);
}

export function membersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.members);
}

export function introductionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.introductions);
}

export function interestsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.interests);
}

export function documentsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.documents);
}

export function commentsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.comments);
}

export function ideasMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.ideas);
}

export function workingGroupsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.workingGroups);
}

export function goalsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.goals);
}

export function mandatesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.mandates);
}

export function workspaceSettingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.workspaceSettings);
}
