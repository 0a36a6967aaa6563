import { useMemo } from 'react';
import { useOrganisationsAndMembers } from '../read-model/records';
import { goalsWorkspaceOf, type GoalsWorkspace } from './goals-view';

/** The people and organisations the goal screens name, from the read model: the same object until one of them changed. */
export function useGoalsWorkspace(): GoalsWorkspace {
  const { organisations, members } = useOrganisationsAndMembers();
  return useMemo(() => goalsWorkspaceOf(organisations, members.values()), [organisations, members]);
}
