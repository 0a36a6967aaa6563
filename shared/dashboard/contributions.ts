/**
 * Who has contributed (Bijdragen), and since when. Interests count when the
 * organisation's own member wrote them and at least one field says
 * something; an entry an outsider wrote is not the organisation opening up.
 *
 * The document keeps only an interest entry's last edit time, so an
 * organisation that later edits its interests shows up in the chart from
 * that edit; a document's first version keeps its own time.
 */
import { INTEREST_FIELDS } from '../workspace-doc/interests';
import type { DashboardInput } from './input';

export interface Contributions {
  /** Organisation id → when its interests were (last) put on the table. */
  readonly interestsAt: ReadonlyMap<string, number>;
  /** Organisation id → documents it contributed. */
  readonly documentCount: ReadonlyMap<string, number>;
  /** Organisation id → its first contribution of either kind. */
  readonly firstAt: ReadonlyMap<string, number>;
}

export function contributions(input: Pick<DashboardInput, 'organisations' | 'interests' | 'documents'>): Contributions {
  const known = new Set(input.organisations.map((o) => o.id));
  const interestsAt = new Map<string, number>();
  for (const view of input.interests) {
    const { entry } = view;
    if (!view.byOrganisationMember || !known.has(entry.organisationId)) continue;
    if (INTEREST_FIELDS.some((field) => entry[field].trim() !== '')) interestsAt.set(entry.organisationId, entry.updatedAt);
  }
  const documentCount = new Map<string, number>();
  const firstAt = new Map(interestsAt);
  for (const document of input.documents) {
    if (!known.has(document.organisationId)) continue;
    documentCount.set(document.organisationId, (documentCount.get(document.organisationId) ?? 0) + 1);
    firstAt.set(document.organisationId, Math.min(firstAt.get(document.organisationId) ?? Number.POSITIVE_INFINITY, document.createdAt));
  }
  return { interestsAt, documentCount, firstAt };
}
