import { describe, expect, it } from 'vitest';
import { OPEN_AUTHORITY } from '../mandates/mandate-state';
import { largeRegion } from './large-region.fixture';
import { dashboardView } from './view';

/** Correctness at size; how long it takes is measured by `npm run bench:dashboard`, not here. */
describe('dashboard view on a large region', () => {
  it('counts every organisation and gives each a checklist', async () => {
    const view = await dashboardView(largeRegion(), new Date(Date.UTC(2027, 0, 5)), OPEN_AUTHORITY);
    expect(view.figures.verbinden.organisations).toBe(100);
    expect(view.checklists).toHaveLength(100);
  }, 60_000);
});
