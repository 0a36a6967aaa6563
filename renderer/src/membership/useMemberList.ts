import { useEffect, useState } from 'react';
import type { MemberList } from '../../../shared/membership/member-list';
import type { Roster } from '../../../shared/membership/roster';
import type { WorkspaceMembership } from '../../../shared/membership/workspace-membership';

/** A value read from the workspace's signed member records, read again on every change; undefined until first read. */
function useMembershipRead<T>(membership: WorkspaceMembership | undefined, read: (membership: WorkspaceMembership) => Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    if (!membership) return;
    let live = true;
    const refresh = () => {
      read(membership)
        .then((next) => live && setValue(() => next))
        .catch((error: unknown) => console.error('Member records could not be read', error));
    };
    const stop = membership.onChange(refresh);
    refresh();
    return () => {
      live = false;
      stop();
    };
  }, [membership, read]);
  return value;
}

const readList = (membership: WorkspaceMembership) => membership.list();
const readRoster = (membership: WorkspaceMembership): Promise<Roster> => membership.roster();

/** The workspace's member list as its signed records say, kept current. */
export function useMemberList(membership: WorkspaceMembership | undefined): MemberList | undefined {
  return useMembershipRead(membership, readList);
}

/** The member list with every member's devices (shared/membership/roster.ts), kept current. */
export function useRoster(membership: WorkspaceMembership | undefined): Roster | undefined {
  return useMembershipRead(membership, readRoster);
}
