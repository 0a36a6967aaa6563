import type { Scheduler } from './scheduler';

/**
 * Runs `run` at once when triggered, then at most once per `intervalMs` while
 * triggers keep coming, and once more after the last of them: the first
 * change goes out without delay, a burst costs one run per interval, and the
 * final state is never left unsent.
 */
export class Throttle {
  private timer: unknown;
  private dirty = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly intervalMs: number,
    private readonly run: () => void,
  ) {}

  trigger(): void {
    if (this.timer !== undefined) {
      this.dirty = true;
      return;
    }
    this.run();
    this.timer = this.scheduler.setTimeout(() => this.tick(), this.intervalMs);
  }

  cancel(): void {
    this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
  }

  private tick(): void {
    this.timer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    this.trigger();
  }
}
