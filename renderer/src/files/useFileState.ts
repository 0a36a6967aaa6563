/** Interface stub: per-file state and transfer land with the file-transfer work. */

export type TransferPhase = 'waiting-for-peer' | 'receiving' | 'verifying' | 'failed';

export interface FileState {
  /** What this device holds of the file. */
  readonly local: 'missing' | 'partial' | 'complete';
  readonly receivedBytes: number;
  readonly size: number;
  /** Set while a transfer is wanted and not finished. */
  readonly transfer: { readonly phase: TransferPhase; readonly problem?: string } | undefined;
  /** Asks peers for the file (used for files above the automatic-download limit, or to retry). */
  readonly request: () => void;
}

export function useFileState(_hash: string, size: number): FileState {
  return { local: 'missing', receivedBytes: 0, size, transfer: undefined, request: () => undefined };
}
