/**
 * Growth as community events (Samen creëren): who came in, and through whom.
 * An organisation arriving and a person joining by someone's invite are the
 * region growing; the dashboard lists the latest under "Nieuwe partijen".
 * Built from the same validated entries as the figures, so nothing extra is
 * stored or synced.
 */
import { NEW_PARTY_AFTER_MS } from './figures';
import { startOf, type DashboardInput } from './input';

export type Arrival =
  | { readonly kind: 'organisation'; readonly at: number; readonly organisationId: string; readonly by: string; readonly newParty: boolean }
  | { readonly kind: 'member'; readonly at: number; readonly memberId: string; readonly invitedBy: string };

/** A screenful: the full history is in the activity view and the directories. */
export const MAX_ARRIVALS = 10;

/** Organisations added and people who joined by an invite, newest first. */
export function arrivals(input: DashboardInput, limit = MAX_ARRIVALS): Arrival[] {
  const start = startOf(input);
  const events: Arrival[] = [
    ...input.organisations.map((o) => ({ kind: 'organisation' as const, at: o.createdAt, organisationId: o.id, by: o.createdBy, newParty: o.createdAt >= start + NEW_PARTY_AFTER_MS })),
    ...input.members.flatMap((m) => (m.invitedBy === undefined ? [] : [{ kind: 'member' as const, at: m.joinedAt, memberId: m.memberId, invitedBy: m.invitedBy }])),
  ];
  const idOf = (event: Arrival) => (event.kind === 'organisation' ? `o:${event.organisationId}` : `m:${event.memberId}`);
  return events.sort((a, b) => b.at - a.at || idOf(a).localeCompare(idOf(b))).slice(0, limit);
}
