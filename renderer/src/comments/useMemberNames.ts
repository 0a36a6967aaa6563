import { useCallback } from 'react';
import type * as Y from 'yjs';
import { readMembers } from '../../../shared/workspace-doc/members';
import { useDocValue } from '../hooks/useDocValue';
import { useWorkspace } from '../workspace/workspace-context';

function memberNames(doc: Y.Doc): Map<string, string> {
  const names = new Map<string, string>();
  for (const result of readMembers(doc)) if (result.ok) names.set(result.value.memberId, result.value.displayName);
  return names;
}

/** Display names of the workspace's members by id; members live in the workspace document, also when the comments are in a room's. */
export function useMemberNames(): Map<string, string> {
  const { doc } = useWorkspace();
  const read = useCallback((d: Y.Doc) => memberNames(d), []);
  return useDocValue(doc, read);
}
