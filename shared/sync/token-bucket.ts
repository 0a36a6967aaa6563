/**
 * A token bucket: `capacity` tokens, refilled continuously at
 * `refillPerSecond`. Bursts up to the capacity pass; a sustained rate above
 * the refill rate runs the bucket dry. The clock is injected so tests need no
 * timers.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(capacity > 0) || !(refillPerSecond >= 0)) throw new RangeError(`TokenBucket: bad capacity ${capacity} or rate ${refillPerSecond}`);
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes `cost` tokens if there are that many; returns whether it did. */
  take(cost = 1): boolean {
    const now = this.now();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerSecond);
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
