import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import type { WorkspaceRecord } from '../../../shared/domain/workspace';
import { useDatabase } from '../contexts/database-context';
import { getWorkspace, storedDocumentProblem } from '../storage/workspace-store';

export type WorkspaceDocState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'damaged'; problem: string }
  | { status: 'ready'; record: WorkspaceRecord; doc: Y.Doc; provider: DexieYProvider };

/** Keeps the doc's grace period short but non-zero, so a quick remount reuses the loaded document. */
const RELEASE_GRACE_MS = 100;

export type Loaded = { doc: Y.Doc; provider: DexieYProvider } | { doc: Y.Doc; error: string };

/**
 * Loads a Y.Doc through y-dexie for as long as the component is mounted; a
 * stored change that does not apply gives a message (storedDocumentProblem).
 * (dexie-react-hooks 4.4's useDocument releases the document on the first
 * re-render without loading it again, so the doc is destroyed 100 ms later
 * and further edits are lost; this hook pairs load and release in one effect.)
 */
export function useLoadedDocument(doc: Y.Doc | undefined): Loaded | undefined {
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    if (!doc) return;
    let live = true;
    const current = DexieYProvider.load(doc, { gracePeriod: RELEASE_GRACE_MS });
    current.whenLoaded.then(
      () => {
        if (live) setLoaded({ doc, provider: current });
      },
      (error: unknown) => {
        console.error('Workspace document could not be loaded', error);
        if (live) setLoaded({ doc, error: storedDocumentProblem(error) });
      },
    );
    return () => {
      live = false;
      DexieYProvider.release(doc);
    };
  }, [doc]);
  return loaded?.doc === doc ? loaded : undefined;
}

/** Loads a workspace record and its Y.Doc from IndexedDB, keeping the doc loaded while mounted. */
export function useWorkspaceDoc(id: string): WorkspaceDocState {
  const db = useDatabase();
  const found = useLiveQuery(async () => (await getWorkspace(db, id)) ?? null, [db, id]);
  const record = found?.record;
  const loaded = useLoadedDocument(found && found.record.ok ? found.row.doc : undefined);

  if (found === undefined) return { status: 'loading' };
  if (found === null) return { status: 'missing' };
  if (record && !record.ok) return { status: 'damaged', problem: record.problem };
  if (!record?.ok || !loaded) return { status: 'loading' };
  if ('error' in loaded) return { status: 'damaged', problem: loaded.error };
  return { status: 'ready', record: record.value, doc: loaded.doc, provider: loaded.provider };
}
