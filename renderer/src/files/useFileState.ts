/** What this device holds of one file, and its transfer if one is running; for the document library's UI. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useSyncExternalStore } from 'react';
import { bytesInPrefix } from '../../../shared/files/chunking';
import { useDatabase } from '../contexts/database-context';
import type { TransferPhase, TransferProblem } from './download';
import { useFileService } from './file-service-context';

export type { TransferPhase, TransferProblem } from './download';

export interface FileState {
  /** What this device holds of the file. */
  readonly local: 'missing' | 'partial' | 'complete';
  readonly receivedBytes: number;
  readonly size: number;
  /** Set while a transfer is wanted and not finished. */
  readonly transfer: { readonly phase: TransferPhase; readonly problem?: TransferProblem } | undefined;
  /** Asks peers for the file (used for files above the automatic-download limit, or to retry). */
  readonly request: () => void;
}

const noSubscription = () => () => undefined;

export function useFileState(hash: string, size: number): FileState {
  const db = useDatabase();
  const service = useFileService();
  const row = useLiveQuery(() => db.files.get(hash), [db, hash]);
  const transfer = useSyncExternalStore(
    service ? (listener) => service.subscribe(listener) : noSubscription,
    () => service?.transferState(hash),
  );
  const request = useCallback(() => service?.request(hash), [service, hash]);
  const stored = row && row.size === size ? bytesInPrefix(size, row.storedChunks, row.chunkSize) : 0;
  const local = row?.complete && row.size === size ? 'complete' : stored > 0 ? 'partial' : 'missing';
  return {
    local,
    receivedBytes: local === 'complete' ? size : Math.max(stored, transfer?.receivedBytes ?? 0),
    size,
    transfer: local === 'complete' || !transfer ? undefined : transfer.problem ? { phase: transfer.phase, problem: transfer.problem } : { phase: transfer.phase },
    request,
  };
}
