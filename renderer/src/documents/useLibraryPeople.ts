import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import type { Organisation } from '../../../shared/domain/organisation';
import { organisationIdOf, readMembers, type Member } from '../../../shared/workspace-doc/members';
import { readOrganisations } from '../../../shared/workspace-doc/organisations';
import { useDocValue } from '../hooks/useDocValue';
import { useWorkspace } from '../workspace/workspace-context';

function readPeople(doc: Y.Doc): { organisations: Organisation[]; members: Member[] } {
  return {
    organisations: readOrganisations(doc).flatMap((result) => (result.ok ? [result.value] : [])),
    members: readMembers(doc).flatMap((result) => (result.ok ? [result.value] : [])),
  };
}

export interface LibraryPeople {
  readonly organisations: readonly Organisation[];
  readonly organisationName: (id: string) => string | undefined;
  readonly memberName: (id: string) => string | undefined;
  /** The organisation a new document defaults to: the user's own when known, else the first. */
  readonly defaultOrganisationId: string | undefined;
}

/** Organisations and members always come from the workspace document, also for a room's library (a room has neither). */
export function useLibraryPeople(): LibraryPeople {
  const { doc, identity } = useWorkspace();
  const read = useCallback((d: Y.Doc) => readPeople(d), []);
  const { organisations, members } = useDocValue(doc, read);
  return useMemo(() => {
    const orgNames = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
    const memberNames = new Map(members.map((member) => [member.memberId, member.displayName]));
    const self = members.find((member) => member.memberId === identity.memberId);
    const own = self ? organisationIdOf(self, organisations) : undefined;
    return {
      organisations,
      organisationName: (id) => orgNames.get(id),
      memberName: (id) => memberNames.get(id),
      defaultOrganisationId: own ?? organisations[0]?.id,
    };
  }, [organisations, members, identity.memberId]);
}
