import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('debounce', () => {
  it('runs once, after the last of a burst of calls', async () => {
    const task = vi.fn(() => Promise.resolve());
    const debounced = debounce(task, 500, () => undefined);
    for (let i = 0; i < 10; i++) {
      debounced.schedule();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('drops a cancelled run', async () => {
    const task = vi.fn(() => Promise.resolve());
    const debounced = debounce(task, 500, () => undefined);
    debounced.schedule();
    debounced.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(task).not.toHaveBeenCalled();
  });

  it('reports failures instead of leaving a rejected promise behind', async () => {
    const errors: unknown[] = [];
    const failure = new Error('disk full');
    const debounced = debounce(() => Promise.reject(failure), 10, (error) => errors.push(error));
    debounced.schedule();
    await vi.advanceTimersByTimeAsync(10);
    expect(errors).toEqual([failure]);
  });
});
