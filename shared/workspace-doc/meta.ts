import { z } from 'zod';
import type * as Y from 'yjs';
import { regionIds } from '../regions';
import { describeIssues } from './read-result';
import { WORKSPACE_SCHEMA_VERSION, metaMap } from './schema';

export const WorkspaceMetaSchema = z.object({
  schemaVersion: z.number().int().positive(),
  workspaceId: z.string().min(1).max(64),
  regionId: z.enum(regionIds),
  createdAt: z.number().int().nonnegative(),
});
export type WorkspaceMeta = z.infer<typeof WorkspaceMetaSchema>;

/** Writes the meta entry once, when the workspace is created on this device. */
export function initialiseMeta(doc: Y.Doc, meta: Omit<WorkspaceMeta, 'schemaVersion'>): void {
  const map = metaMap(doc);
  doc.transact(() => {
    if (map.has('workspaceId')) return;
    map.set('schemaVersion', WORKSPACE_SCHEMA_VERSION);
    map.set('workspaceId', meta.workspaceId);
    map.set('regionId', meta.regionId);
    map.set('createdAt', meta.createdAt);
  });
}

type MetaRead = { ok: true; meta: WorkspaceMeta } | { ok: false; problem: string };

export function readMeta(doc: Y.Doc): MetaRead {
  const parsed = WorkspaceMetaSchema.safeParse(metaMap(doc).toJSON());
  return parsed.success ? { ok: true, meta: parsed.data } : { ok: false, problem: describeIssues(parsed.error) };
}

/** A document written by a newer app version may hold data this version cannot show faithfully. */
export function isNewerSchema(meta: WorkspaceMeta): boolean {
  return meta.schemaVersion > WORKSPACE_SCHEMA_VERSION;
}
