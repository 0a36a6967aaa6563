import { useMemo } from 'react';
import { commentRecords } from '../../../shared/workspace-doc/comments';
import { goalRecords } from '../../../shared/workspace-doc/goals';
import { ideaRecords } from '../../../shared/workspace-doc/ideas';
import { memberRecords } from '../../../shared/workspace-doc/members';
import { organisationRecords } from '../../../shared/workspace-doc/organisations';
import { workingGroupRecords } from '../../../shared/workspace-doc/working-groups';
import { useCollection } from '../read-model/records';
import { ideasSnapshotOf, type IdeasSnapshot } from './ideas-view';

/** The Ideeën section's records from the read model: read again when one of them changed, not on every edit in the workspace. */
export function useIdeasSnapshot(): IdeasSnapshot {
  const ideas = useCollection(ideaRecords);
  const members = useCollection(memberRecords);
  const organisations = useCollection(organisationRecords);
  const goals = useCollection(goalRecords);
  const groups = useCollection(workingGroupRecords);
  const comments = useCollection(commentRecords);
  return useMemo(
    () => ideasSnapshotOf({ ideas: ideas.list, members: members.list, organisations: organisations.list, goals: goals.list, groups: groups.list, comments: comments.list }),
    [ideas, members, organisations, goals, groups, comments],
  );
}
