import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initialiseMeta, isNewerSchema, readMeta } from './meta';
import { metaMap } from './schema';

describe('workspace meta', () => {
  it('is written once and read back', () => {
    const doc = new Y.Doc();
    initialiseMeta(doc, { workspaceId: 'w1', regionId: 'zeeland', createdAt: 5 });
    initialiseMeta(doc, { workspaceId: 'w2', regionId: 'twente', createdAt: 6 });
    expect(readMeta(doc)).toEqual({ ok: true, meta: { schemaVersion: 1, workspaceId: 'w1', regionId: 'zeeland', createdAt: 5 } });
  });

  it('reports malformed meta instead of throwing', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('regionId', 12);
    const read = readMeta(doc);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problem).toMatch(/regionId|workspaceId/);
  });

  it('recognises a document from a newer app version', () => {
    expect(isNewerSchema({ schemaVersion: 2, workspaceId: 'w', regionId: 'u16', createdAt: 0 })).toBe(true);
    expect(isNewerSchema({ schemaVersion: 1, workspaceId: 'w', regionId: 'u16', createdAt: 0 })).toBe(false);
  });
});
