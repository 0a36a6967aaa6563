/**
 * Layout of a region workspace's shared Y.Doc (schema version 1):
 *
 *   meta:          Y.Map  { schemaVersion: 1, workspaceId, regionId, createdAt }
 *   organisations: Y.Map<id, Y.Map<field, value>>  one nested map per organisation,
 *                  so two partners editing different fields of one organisation
 *                  both keep their edit.
 *   members:       Y.Map<memberId, Y.Map<field, value>>  one entry per person who
 *                  joined, with who invited them (members.ts).
 *
 * Only the accessors in this folder touch these names.
 */
import type * as Y from 'yjs';

export const WORKSPACE_SCHEMA_VERSION = 1;

export const ROOT = {
  meta: 'meta',
  organisations: 'organisations',
  members: 'members',
} as const;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.meta);
}

export function organisationsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.organisations);
}

export function membersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.members);
}
