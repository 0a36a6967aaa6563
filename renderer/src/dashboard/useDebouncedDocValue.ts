import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** After a doc update, wait this long for the next before recomputing: a goal editor sends an update per keystroke. */
export const DASHBOARD_DEBOUNCE_MS = 500;

/** "Now" moves on while the screen is open (an action becomes overdue at midnight); a minute is fine enough for a dashboard. */
export const CLOCK_REFRESH_MS = 60_000;

export type Computed<T> = { readonly status: 'computing' } | { readonly status: 'ready'; readonly value: T } | { readonly status: 'failed'; readonly problem: string };

/**
 * Computes an async value from a Y.Doc: at once, then debounced after
 * updates and every CLOCK_REFRESH_MS for the clock. A result that arrives
 * after a newer computation started is dropped, so a slow run never
 * overwrites a fresher one. Returns the function that stops watching.
 */
export function watchDocComputation<T>(doc: Y.Doc, compute: (doc: Y.Doc, now: Date) => Promise<T>, onResult: (result: Computed<T>) => void, delayMs = DASHBOARD_DEBOUNCE_MS): () => void {
  let generation = 0;
  let active = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    const mine = (generation += 1);
    const current = () => active && mine === generation;
    compute(doc, new Date()).then(
      (value) => {
        if (current()) onResult({ status: 'ready', value });
      },
      (error: unknown) => {
        // The readers validate everything a peer wrote, so this is a defect here; show it rather than a stale figure.
        console.error('dashboard computation failed', error);
        if (current()) onResult({ status: 'failed', problem: error instanceof Error ? error.message : String(error) });
      },
    );
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
  run();
  doc.on('update', schedule);
  const clock = setInterval(run, CLOCK_REFRESH_MS);
  return () => {
    active = false;
    clearTimeout(timer);
    clearInterval(clock);
    doc.off('update', schedule);
  };
}

/** watchDocComputation as React state. `compute` must be stable (module-level or useCallback). */
export function useDebouncedDocValue<T>(doc: Y.Doc, compute: (doc: Y.Doc, now: Date) => Promise<T>, delayMs = DASHBOARD_DEBOUNCE_MS): Computed<T> {
  const [state, setState] = useState<Computed<T>>({ status: 'computing' });
  useEffect(() => watchDocComputation(doc, compute, setState, delayMs), [doc, compute, delayMs]);
  return state;
}
