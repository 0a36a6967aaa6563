import type * as Y from 'yjs';
import type { Organisation } from '../../../shared/domain/organisation';
import { canEditInterest, readInterests, type InterestView } from '../../../shared/workspace-doc/interests';
import { readMembers, type Member } from '../../../shared/workspace-doc/members';
import { readOrganisations } from '../../../shared/workspace-doc/organisations';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';

/** Everything the Belangen section shows, read in one pass per document update. */
export interface InterestsSnapshot {
  readonly organisations: readonly Organisation[];
  readonly members: ReadonlyMap<string, Member>;
  readonly interests: ReadonlyMap<string, ReadResult<InterestView>>;
}

export function readInterestsSnapshot(doc: Y.Doc): InterestsSnapshot {
  const organisations = readOrganisations(doc).flatMap((result) => (result.ok ? [result.value] : []));
  const members = new Map(readMembers(doc).flatMap((result) => (result.ok ? [[result.value.memberId, result.value] as const] : [])));
  return { organisations, members, interests: readInterests(doc) };
}

/** The organisation whose interests this member may edit, if any. */
export function editableOrganisationId(snapshot: InterestsSnapshot, memberId: string): string | undefined {
  const self = snapshot.members.get(memberId);
  return snapshot.organisations.find((organisation) => canEditInterest(self, organisation.id, snapshot.organisations))?.id;
}

export function formatMoment(timestamp: number, language: string | undefined): string {
  return new Date(timestamp).toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short' });
}
