import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { WorkspaceHistory } from '../../../shared/history/workspace-history';
import type { StroomkringDatabase } from '../storage/database';
import { loadHistoryChanges } from '../storage/history-segment-store';
import { errorDetail } from '../../../shared/errors/stroomkring-error';

export type HistoryState = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly problem: string } | { readonly kind: 'ready'; readonly history: WorkspaceHistory };

/** A change reaches the kept log a moment after the document (it is signed and stored on its own); the history is rebuilt once things are quiet. */
const REBUILD_AFTER_MS = 1_000;

const warn = (message: string, detail?: unknown) => console.warn(message, detail);

/**
 * The history of one document (workspace or room), replayed from its kept
 * signed changes when the screen opens and again after the document
 * changes; the replay is released when the screen closes. `beforeLoad`
 * signs pending offline work first.
 */
export function useWorkspaceHistory(db: StroomkringDatabase, doc: Y.Doc, documentId: string, beforeLoad?: () => Promise<void>): { state: HistoryState; rebuild: () => void } {
  const [state, setState] = useState<HistoryState>({ kind: 'loading' });
  const before = useRef(beforeLoad);
  useEffect(() => {
    before.current = beforeLoad;
  }, [beforeLoad]);
  const [generation, setGeneration] = useState(0);
  const rebuild = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    let built: WorkspaceHistory | undefined;
    // Work made offline is signed only when it goes out; signing it now puts it in the log the history reads.
    (before.current?.() ?? Promise.resolve())
      .then(() => loadHistoryChanges(db, documentId, warn))
      .then((changes) => {
        if (!live) return;
        built = WorkspaceHistory.replayChanges(changes, warn);
        setState({ kind: 'ready', history: built });
      })
      .catch((error: unknown) => {
        console.error('History could not be read', error);
        if (live) setState({ kind: 'failed', problem: errorDetail(error) });
      });
    return () => {
      live = false;
      built?.destroy();
    };
  }, [db, documentId, generation]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(rebuild, REBUILD_AFTER_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc, rebuild]);

  return { state, rebuild };
}
