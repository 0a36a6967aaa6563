/**
 * The dashboard's time axis: equal buckets from the workspace's first moment
 * to now, each point showing the state at the end of its bucket. Buckets are
 * aligned to UTC midnights (weeks to Mondays), so every partner's chart has
 * the same points for the same data.
 */
export const DAY_MS = 86_400_000;

export type BucketUnit = 'day' | 'week' | 'fourWeeks';

export const BUCKET_MS: Readonly<Record<BucketUnit, number>> = { day: DAY_MS, week: 7 * DAY_MS, fourWeeks: 28 * DAY_MS };

/** About three months of daily points still read as a line; more and the unit grows. */
export const MAX_POINTS = 90;

/** 1970-01-05, the first Monday of the epoch: weeks start on Mondays, as in Dutch calendars. */
const FIRST_MONDAY_MS = 4 * DAY_MS;

export interface Timeline {
  readonly unit: BucketUnit;
  /** Start of each bucket, epoch ms; the last bucket holds `now`. */
  readonly starts: readonly number[];
}

function alignedStart(moment: number, unit: BucketUnit): number {
  const offset = unit === 'day' ? 0 : FIRST_MONDAY_MS;
  return Math.floor((moment - offset) / BUCKET_MS[unit]) * BUCKET_MS[unit] + offset;
}

function bucketCount(start: number, now: number, unit: BucketUnit): number {
  return Math.floor((now - alignedStart(start, unit)) / BUCKET_MS[unit]) + 1;
}

/** The finest unit that keeps the chart within MAX_POINTS (four-week buckets beyond that: a region's process runs years, not decades). */
export function chooseUnit(start: number, now: number): BucketUnit {
  for (const unit of ['day', 'week'] as const) if (bucketCount(start, now, unit) <= MAX_POINTS) return unit;
  return 'fourWeeks';
}

export function timeline(start: number, now: number): Timeline {
  const from = Math.min(start, now);
  const unit = chooseUnit(from, now);
  const first = alignedStart(from, unit);
  const starts = Array.from({ length: bucketCount(from, now, unit) }, (_, index) => first + index * BUCKET_MS[unit]);
  return { unit, starts };
}

/**
 * Where each point is measured: the end of its bucket, and for the last one
 * "everything", so the chart's last point always equals the current figure
 * (a peer's clock running ahead included).
 */
export function pointEnds(axis: Timeline): number[] {
  return axis.starts.map((start, index) => (index === axis.starts.length - 1 ? Number.POSITIVE_INFINITY : start + BUCKET_MS[axis.unit]));
}

/** How many of the moments lie before each point's end. */
export function cumulative(moments: readonly number[], axis: Timeline): number[] {
  const sorted = [...moments].sort((a, b) => a - b);
  let index = 0;
  return pointEnds(axis).map((end) => {
    while (index < sorted.length && (sorted[index] as number) < end) index += 1;
    return index;
  });
}

/** A figure computed afresh at each point from what existed before that point's end. */
export function sampled<T>(axis: Timeline, compute: (end: number) => T): T[] {
  return pointEnds(axis).map(compute);
}
