import { useMemo } from 'react';
import type { MemberList } from '../../../shared/membership/member-list';
import { OPEN_AUTHORITY, type MandateAuthority } from '../../../shared/mandates/mandate-state';
import { useMemberList } from '../membership/useMemberList';
import { useWorkspace } from '../contexts/workspace-context';

/** Which mandates count depends on who is a member and of which organisation (mandate-state.ts); undefined until the member list is read. */
export function mandateAuthorityOf(open: boolean | undefined, list: MemberList | undefined): MandateAuthority | undefined {
  if (open === true) return OPEN_AUTHORITY;
  return open === undefined || list === undefined ? undefined : { kind: 'proven', members: list.members };
}

/** The open workspace's mandate authority, kept current with its member list. */
export function useMandateAuthority(): MandateAuthority | undefined {
  const { membership } = useWorkspace();
  const list = useMemberList(membership);
  const open = membership?.open;
  return useMemo(() => mandateAuthorityOf(open, list), [open, list]);
}
