import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { openDatabase, type StroomkringDatabase } from '../storage/database';
import { classifyStorageError, type StorageProblem } from '../storage/storage-errors';
import { StorageErrorScreen } from '../screens/StorageErrorScreen';
import { DatabaseContext } from '../contexts/database-context';

type GateState = { status: 'opening' } | { status: 'ready'; db: StroomkringDatabase } | { status: 'failed'; problem: StorageProblem; detail: string };

/** Opens the local database before anything else renders; a failure gets its own screen. */
export function StorageGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const db = openDatabase();
    db.open()
      .then(() => {
        if (live) setState({ status: 'ready', db });
        // Ask the browser not to evict this data under storage pressure; Electron always persists.
        void navigator.storage?.persist?.().catch(() => undefined);
      })
      .catch((error: unknown) => {
        // An open cut short by our own cleanup (React remounting) is not a failure.
        if (!live) return;
        console.error('Local database could not be opened', error);
        setState({ status: 'failed', problem: classifyStorageError(error), detail: String(error) });
      });
    return () => {
      live = false;
      db.close();
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'opening' });
    setAttempt((n) => n + 1);
  }, []);

  if (state.status === 'opening') return null;
  if (state.status === 'failed') return <StorageErrorScreen problem={state.problem} detail={state.detail} onRetry={retry} />;
  return <DatabaseContext.Provider value={state.db}>{children}</DatabaseContext.Provider>;
}
