import { describe, expect, it } from 'vitest';
import { NAVIGATION_GROUPS, SECTIONS, sectionOf } from './workspace-sections';

describe('workspace navigation', () => {
  it('lists every section exactly once, under the building blocks in their order', () => {
    expect(NAVIGATION_GROUPS.flatMap((group) => group.sections)).toEqual(SECTIONS);
    expect(NAVIGATION_GROUPS.map((group) => group.block)).toEqual([undefined, 'connect', 'contribute', 'collaborate', 'create']);
    expect(NAVIGATION_GROUPS.every((group) => group.sections.length > 0)).toBe(true);
  });

  it('keeps a detail screen under its list’s section, and anything else under the overview', () => {
    expect(sectionOf('/doelen/abc')).toBe('/doelen');
    expect(sectionOf('/werkgroepen')).toBe('/werkgroepen');
    expect(sectionOf('/geschiedenis')).toBe('/');
    expect(sectionOf('/doelenlijst')).toBe('/');
  });
});
