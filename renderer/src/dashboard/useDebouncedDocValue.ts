import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { watchDocComputation } from '../hooks/watch-doc-computation';
import { errorDetail } from '../../../shared/errors/stroomkring-error';

/** After a doc update, wait this long for the next before recomputing: a goal editor sends an update per keystroke. */
export const DASHBOARD_DEBOUNCE_MS = 500;

/** "Now" moves on while the screen is open (an action becomes overdue at midnight); a minute is fine enough for a dashboard. */
export const CLOCK_REFRESH_MS = 60_000;

export type Computed<T> = { readonly status: 'computing' } | { readonly status: 'ready'; readonly value: T } | { readonly status: 'failed'; readonly problem: string };

/**
 * The dashboard's computation over the shared watcher: at once, debounced
 * after updates, and every CLOCK_REFRESH_MS for the clock; a rejection
 * becomes `failed` instead of a stale figure. Returns the stop function.
 */
export function watchDashboardComputation<T>(doc: Y.Doc, compute: (doc: Y.Doc, now: Date) => Promise<T>, onResult: (result: Computed<T>) => void, delayMs = DASHBOARD_DEBOUNCE_MS): () => void {
  const settled = (): Promise<Computed<T>> =>
    compute(doc, new Date()).then(
      (value) => ({ status: 'ready', value }),
      (error: unknown) => {
        // The readers validate everything a peer wrote, so this is a defect here; show it rather than a stale figure.
        console.error('dashboard computation failed', error);
        return { status: 'failed', problem: errorDetail(error) };
      },
    );
  return watchDocComputation(doc, settled, onResult, { delayMs, refreshEveryMs: CLOCK_REFRESH_MS });
}

/**
 * watchDashboardComputation as React state. `compute` must be stable (module-level or useMemo); while it is
 * undefined (what it needs is still being read), the value stays `computing` and nothing is computed.
 */
export function useDebouncedDocValue<T>(doc: Y.Doc, compute: ((doc: Y.Doc, now: Date) => Promise<T>) | undefined, delayMs = DASHBOARD_DEBOUNCE_MS): Computed<T> {
  const [state, setState] = useState<Computed<T>>({ status: 'computing' });
  useEffect(() => (compute ? watchDashboardComputation(doc, compute, setState, delayMs) : undefined), [doc, compute, delayMs]);
  return state;
}
