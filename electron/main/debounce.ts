/**
 * Trailing-edge debounce for async work whose intermediate runs are
 * worthless (saving window state while the user drags it). Failures go to
 * `onError`, because nobody awaits a timer.
 */
export interface Debounced {
  /** (Re)starts the timer; the task runs once, `delayMs` after the last call. */
  schedule(): void;
  /** Drops a pending task without running it. */
  cancel(): void;
}

export function debounce(task: () => Promise<void>, delayMs: number, onError: (error: unknown) => void): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async (): Promise<void> => {
    timer = undefined;
    try {
      await task();
    } catch (error) {
      onError(error);
    }
  };

  return {
    schedule() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void run(), delayMs);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
