import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { watchDashboardComputation, type Computed } from './useDebouncedDocValue';

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('debounced computation from a doc', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('computes at once, then once after a burst of updates has been quiet for the delay', async () => {
    const doc = new Y.Doc();
    const compute = vi.fn((d: Y.Doc) => Promise.resolve(d.getMap('m').size));
    const results: Computed<number>[] = [];
    const stop = watchDashboardComputation(doc, compute, (r) => results.push(r), 500);
    await flush();
    expect(results).toEqual([{ status: 'ready', value: 0 }]);
    for (let i = 0; i < 20; i += 1) {
      doc.getMap('m').set(`k${i}`, i);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(compute).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(results.at(-1)).toEqual({ status: 'ready', value: 20 });
    stop();
    doc.getMap('m').set('late', 1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('drops a slow result once a newer computation has started', async () => {
    const doc = new Y.Doc();
    const resolvers: ((value: string) => void)[] = [];
    const compute = () => new Promise<string>((resolve) => resolvers.push(resolve));
    const results: Computed<string>[] = [];
    const stop = watchDashboardComputation(doc, compute, (r) => results.push(r), 500);
    doc.getMap('m').set('a', 1);
    await vi.advanceTimersByTimeAsync(500);
    expect(resolvers).toHaveLength(2);
    resolvers[1]?.('fresh');
    resolvers[0]?.('stale');
    await flush();
    expect(results).toEqual([{ status: 'ready', value: 'fresh' }]);
    stop();
  });

  it('reports a failure instead of a figure', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const results: Computed<number>[] = [];
    const stop = watchDashboardComputation(new Y.Doc(), () => Promise.reject(new Error('kapot')), (r) => results.push(r));
    await flush();
    expect(results).toEqual([{ status: 'failed', problem: 'kapot' }]);
    expect(errors).toHaveBeenCalled();
    stop();
  });
});
