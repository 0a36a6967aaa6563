import { useMemo } from 'react';
import { workspaceDocumentRecords } from '../../../shared/workspace-doc/documents';
import { goalRecords } from '../../../shared/workspace-doc/goals';
import { ideaRecords } from '../../../shared/workspace-doc/ideas';
import { memberRecords } from '../../../shared/workspace-doc/members';
import { organisationRecords } from '../../../shared/workspace-doc/organisations';
import { workingGroupRecords } from '../../../shared/workspace-doc/working-groups';
import { useOrderedRecords, useValidRecords } from '../read-model/records';
import type { GroupsSnapshot } from './groups-view';

/** What the Werkgroepen screens show, from the read model: a new snapshot only when one of its collections changed. */
export function useGroupsSnapshot(): GroupsSnapshot {
  const groups = useOrderedRecords(workingGroupRecords);
  const members = useValidRecords(memberRecords);
  const organisations = useValidRecords(organisationRecords);
  const goals = useValidRecords(goalRecords);
  const documents = useValidRecords(workspaceDocumentRecords);
  const ideas = useValidRecords(ideaRecords);
  return useMemo(() => ({ groups, members, organisations, goals, documents, ideas }), [groups, members, organisations, goals, documents, ideas]);
}
