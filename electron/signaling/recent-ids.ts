/**
 * A bounded set of recently seen ids, oldest forgotten first. Used to drop a
 * relayed publish that would reach a client a second time over another link;
 * an id only has to be remembered while its duplicates can still be in
 * flight, so a count bound is enough and memory stays flat.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly max: number) {
    if (!(max >= 1)) throw new RangeError(`RecentIds: max must be ≥ 1, got ${max}`);
  }

  /** Records `id`; returns false if it was already recorded. */
  addIfNew(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) {
      // A Set iterates in insertion order, so the first entry is the oldest.
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.ids.size;
  }
}
