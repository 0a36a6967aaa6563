import type * as Y from 'yjs';

export interface WatchOptions {
  /** After a doc update, wait this long for the next before recomputing: the goal editor sends an update per keystroke. */
  readonly delayMs: number;
  /** Also recompute this often, for values that depend on the clock. */
  readonly refreshEveryMs?: number;
}

/**
 * Computes an async value from a Y.Doc at once, then again once updates have
 * been quiet for `delayMs` (and every `refreshEveryMs`). A result that
 * arrives after a newer computation started is dropped, so a slow run never
 * overwrites a fresher one. `compute` must not reject. Returns the stop function.
 */
export function watchDocComputation<T>(doc: Y.Doc, compute: () => Promise<T>, onResult: (value: T) => void, options: WatchOptions): () => void {
  let generation = 0;
  let active = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    const mine = (generation += 1);
    void compute().then((value) => {
      if (active && mine === generation) onResult(value);
    });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, options.delayMs);
  };
  run();
  doc.on('update', schedule);
  const clock = options.refreshEveryMs === undefined ? undefined : setInterval(run, options.refreshEveryMs);
  return () => {
    active = false;
    clearTimeout(timer);
    clearInterval(clock);
    doc.off('update', schedule);
  };
}
