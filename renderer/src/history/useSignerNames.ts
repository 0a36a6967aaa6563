import { useMemo } from 'react';
import { personOf } from '../../../shared/membership/devices';
import type { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import type { Roster } from '../../../shared/membership/roster';
import { useRoster } from '../membership/useMemberList';

export interface SignerNames {
  /** The person a signing key acts for: itself, or the person whose device it is. */
  personOf(signer: string): string;
  /** That person's name as the member list has it (also once removed), or undefined. */
  nameOf(signer: string): string | undefined;
  /** Whether a key acts for an administrator. */
  isAdmin(key: string | undefined): boolean;
  /** Everyone who appears in the member list, now or before, by person key. */
  readonly people: readonly { readonly key: string; readonly name: string }[];
}

function namesFrom(roster: Roster | undefined): SignerNames {
  const person = (signer: string) => (roster && !roster.list.members.has(signer) ? (personOf(roster.devices, signer) ?? signer) : signer);
  const listed = (key: string) => roster?.list.members.get(key) ?? roster?.list.formerMembers.get(key);
  const people = new Map<string, string>();
  for (const [key, member] of [...(roster?.list.formerMembers ?? []), ...(roster?.list.members ?? [])]) people.set(key, member.displayName);
  return {
    personOf: person,
    nameOf: (signer) => listed(person(signer))?.displayName,
    isAdmin: (key) => key !== undefined && roster !== undefined && roster.adminKeys.has(key),
    people: [...people].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Names for the keys that signed changes, from the workspace's signed member records; kept current. */
export function useSignerNames(membership: WorkspaceMembership | undefined): SignerNames {
  const roster = useRoster(membership);
  return useMemo(() => namesFrom(roster), [roster]);
}
