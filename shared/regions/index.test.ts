import { describe, expect, it } from 'vitest';
import { findRegion, regions, stakeholderTypeLabel, stakeholderTypes } from '.';

describe('RES regions and stakeholder types', () => {
  it('has the 30 regions with unique ids, Holland Rijnland among them', () => {
    expect(regions).toHaveLength(30);
    expect(new Set(regions.map((r) => r.id)).size).toBe(30);
    expect(findRegion('holland-rijnland')?.name).toBe('Holland Rijnland');
  });

  it('labels stakeholder types in Dutch and English', () => {
    expect(stakeholderTypes.map((t) => t.id)).toContain('waterschap');
    expect(stakeholderTypeLabel('waterschap', 'nl')).toBe('Waterschap');
    expect(stakeholderTypeLabel('waterschap', 'en')).toBe('Water board');
    expect(stakeholderTypeLabel('unknown', 'nl')).toBe('unknown');
  });
});
