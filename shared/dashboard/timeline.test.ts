import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUCKET_MS, chooseUnit, cumulative, DAY_MS, MAX_POINTS, timeline } from './timeline';

const JAN5 = Date.UTC(2026, 0, 5); // a Monday

describe('timeline', () => {
  it('daily up to MAX_POINTS days, then weekly on Mondays, then four-weekly', () => {
    expect(chooseUnit(JAN5, JAN5 + (MAX_POINTS - 1) * DAY_MS)).toBe('day');
    expect(chooseUnit(JAN5, JAN5 + MAX_POINTS * DAY_MS)).toBe('week');
    expect(chooseUnit(JAN5, JAN5 + MAX_POINTS * 7 * DAY_MS)).toBe('fourWeeks');
    const weekly = timeline(Date.UTC(2026, 0, 8, 15), Date.UTC(2026, 5, 1));
    expect(weekly.unit).toBe('week');
    for (const start of weekly.starts) expect(new Date(start).getUTCDay()).toBe(1);
    expect(weekly.starts[0]).toBe(JAN5);
  });

  it('a start after now (a peer clock ahead) gives one point at now', () => {
    expect(timeline(JAN5 + 5 * DAY_MS, JAN5 + 10)).toEqual({ unit: 'day', starts: [JAN5] });
  });

  it('counts what happened before each point; the last point counts everything', () => {
    const axis = timeline(JAN5, JAN5 + 2 * DAY_MS);
    expect(cumulative([JAN5 + 1, JAN5 + DAY_MS, JAN5 + DAY_MS - 1, JAN5 + 9 * DAY_MS], axis)).toEqual([2, 3, 4]);
  });

  it('property: buckets cover start..now, at most MAX_POINTS (four-weekly excepted), series rise to the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 * DAY_MS }), fc.integer({ min: 0, max: 2_000 * DAY_MS }), fc.array(fc.integer({ min: 0, max: 2_000 * DAY_MS })), (offset, span, moments) => {
        const start = JAN5 + offset;
        const now = start + span;
        const axis = timeline(start, now);
        const first = axis.starts[0] as number;
        const last = axis.starts.at(-1) as number;
        expect(first).toBeLessThanOrEqual(start);
        expect(start - first).toBeLessThan(BUCKET_MS[axis.unit]);
        expect(last).toBeLessThanOrEqual(now);
        expect(now - last).toBeLessThan(BUCKET_MS[axis.unit]);
        if (axis.unit !== 'fourWeeks') expect(axis.starts.length).toBeLessThanOrEqual(MAX_POINTS);
        const series = cumulative(moments.map((m) => JAN5 + m), axis);
        for (let i = 1; i < series.length; i += 1) expect(series[i]).toBeGreaterThanOrEqual(series[i - 1] as number);
        expect(series.at(-1)).toBe(moments.length);
      }),
      { seed: 1127 },
    );
  });
});
