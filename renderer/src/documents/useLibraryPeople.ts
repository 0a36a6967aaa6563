import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { Organisation } from '../../../shared/domain/organisation';
import { readRoomMeta } from '../../../shared/rooms/room-doc';
import type { LibraryScope } from '../../../shared/workspace-doc/documents';
import { memberRecords, organisationIdOf } from '../../../shared/workspace-doc/members';
import { organisationRecords } from '../../../shared/workspace-doc/organisations';
import { useDocValue } from '../hooks/useDocValue';
import { useValidRecords } from '../read-model/records';
import { useWorkspace } from '../contexts/workspace-context';

/** The organisations taking part in a room (from its own document); undefined when unknown, then all are offered. */
function readRoomOrganisations(doc: Y.Doc): readonly string[] | undefined {
  const meta = readRoomMeta(doc);
  return meta.ok ? meta.meta.organisationIds : undefined;
}

const noRoom = () => undefined;

export interface LibraryPeople {
  /** The organisations a document may belong to: in a room only those taking part in it. */
  readonly organisations: readonly Organisation[];
  readonly organisationName: (id: string) => string | undefined;
  readonly memberName: (id: string) => string | undefined;
  /** The organisation a new document defaults to: the user's own when known, else the first. */
  readonly defaultOrganisationId: string | undefined;
}

/** Organisations and members always come from the workspace document, also for a room's library (a room has neither). */
export function useLibraryPeople(libraryDoc: Y.Doc, scope: LibraryScope): LibraryPeople {
  const { identity } = useWorkspace();
  const all = useValidRecords(organisationRecords);
  const members = useValidRecords(memberRecords);
  const roomOrganisationIds = useDocValue(libraryDoc, scope === 'room' ? readRoomOrganisations : noRoom);
  return useMemo(() => {
    // Names resolve against every workspace organisation; choices are limited to the room's.
    const orgNames = new Map(all.map((organisation) => [organisation.id, organisation.name]));
    const organisations = roomOrganisationIds ? all.filter((organisation) => roomOrganisationIds.includes(organisation.id)) : all;
    const memberNames = new Map(members.map((member) => [member.memberId, member.displayName]));
    const self = members.find((member) => member.memberId === identity.memberId);
    const own = self ? organisationIdOf(self, organisations) : undefined;
    return {
      organisations,
      organisationName: (id) => orgNames.get(id),
      memberName: (id) => memberNames.get(id),
      defaultOrganisationId: own ?? organisations[0]?.id,
    };
  }, [all, roomOrganisationIds, members, identity.memberId]);
}
