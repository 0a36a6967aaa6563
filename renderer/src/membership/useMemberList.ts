import { useEffect, useState } from 'react';
import type { MemberList } from '../../../shared/membership/member-list';
import type { WorkspaceMembership } from '../../../shared/membership/workspace-membership';

/** The workspace's member list as its signed records say, kept current; undefined until first read. */
export function useMemberList(membership: WorkspaceMembership | undefined): MemberList | undefined {
  const [list, setList] = useState<MemberList>();
  useEffect(() => {
    if (!membership) return;
    let live = true;
    const read = () => {
      membership
        .list()
        .then((next) => live && setList(next))
        .catch((error: unknown) => console.error('Member list could not be read', error));
    };
    const stop = membership.onChange(read);
    read();
    return () => {
      live = false;
      stop();
    };
  }, [membership]);
  return list;
}
