import { describe, expect, it } from 'vitest';
import { RecentIds } from './recent-ids.ts';

describe('RecentIds', () => {
  it('reports each id new once, and forgets the oldest beyond its bound', () => {
    const ids = new RecentIds(2);
    expect(ids.addIfNew('a')).toBe(true);
    expect(ids.addIfNew('a')).toBe(false);
    expect(ids.addIfNew('b')).toBe(true);
    expect(ids.addIfNew('c')).toBe(true); // evicts a
    expect(ids.size).toBe(2);
    expect(ids.addIfNew('b')).toBe(false);
    expect(ids.addIfNew('a')).toBe(true);
  });
});
