import { useMemo } from 'react';
import { memberRecords } from '../../../shared/workspace-doc/members';
import { useCollection } from '../read-model/records';

/** Display names of the workspace's members by id; members live in the workspace document, also when the comments are in a room's. */
export function useMemberNames(): Map<string, string> {
  const members = useCollection(memberRecords);
  return useMemo(() => new Map(members.list.flatMap((result) => (result.ok ? [[result.value.memberId, result.value.displayName] as const] : []))), [members]);
}
