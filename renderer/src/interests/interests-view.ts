import type { Organisation } from '../../../shared/domain/organisation';
import { canEditInterest } from '../../../shared/workspace-doc/interests';
import type { Member } from '../../../shared/workspace-doc/members';
import { formatDate } from '../i18n/format-date';

/** What deciding whose interests a member may edit needs: the valid organisations and members (read-model/records.ts). */
export interface InterestsSnapshot {
  readonly organisations: readonly Organisation[];
  readonly members: ReadonlyMap<string, Member>;
}

/** The organisation whose interests this member may edit, if any. */
export function editableOrganisationId(snapshot: InterestsSnapshot, memberId: string): string | undefined {
  const self = snapshot.members.get(memberId);
  return snapshot.organisations.find((organisation) => canEditInterest(self, organisation.id, snapshot.organisations))?.id;
}

export function formatMoment(timestamp: number, language: string | undefined): string {
  return formatDate(timestamp, 'moment', language);
}
