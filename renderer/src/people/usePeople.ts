import { useMemo } from 'react';
import type { Organisation } from '../../../shared/domain/organisation';
import { introductionRecords, withInvites, type Introduction } from '../../../shared/workspace-doc/introductions';
import { memberRecords, type Member } from '../../../shared/workspace-doc/members';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';
import { useOrderedRecords, useOrganisationsAndMembers } from '../read-model/records';
import { useSyncField } from '../sync/sync-view';
import { useWorkspace } from '../contexts/workspace-context';

const valid = <T,>(results: readonly ReadResult<T>[]): T[] => results.flatMap((result) => (result.ok ? [result.value] : []));
const damaged = <T,>(results: readonly ReadResult<T>[]) => results.flatMap((result) => (result.ok ? [] : [result]));

/** Everyone and everything the Verbinden screens show, validated; damaged entries are kept apart so the screens can warn about them. */
export interface People {
  readonly members: Member[];
  readonly organisations: Organisation[];
  /** Stored introductions and those derived from invites, newest first. */
  readonly introductions: Introduction[];
  readonly damagedMembers: { id: string; problem: string }[];
  readonly damagedIntroductions: { id: string; problem: string }[];
  readonly memberById: ReadonlyMap<string, Member>;
  readonly organisationById: ReadonlyMap<string, Organisation>;
}

/** From the read model: recomputed when a member, organisation or introduction changed, not on other edits. */
export function usePeople(): People {
  const rawMembers = useOrderedRecords(memberRecords);
  const { organisations } = useOrganisationsAndMembers();
  const rawIntroductions = useOrderedRecords(introductionRecords);
  return useMemo(() => {
    const members = valid(rawMembers);
    return {
      members,
      organisations: [...organisations],
      introductions: withInvites(valid(rawIntroductions), members),
      damagedMembers: damaged(rawMembers),
      damagedIntroductions: damaged(rawIntroductions),
      memberById: new Map(members.map((member) => [member.memberId, member])),
      organisationById: new Map(organisations.map((organisation) => [organisation.id, organisation])),
    };
  }, [rawMembers, organisations, rawIntroductions]);
}

/** Member ids online now: the partners present, and this device unless it works offline. */
export function useOnline(): ReadonlySet<string> {
  const { sync, identity } = useWorkspace();
  const present = useSyncField(sync.view, 'present');
  const offline = useSyncField(sync.view, 'status').kind === 'offline';
  return useMemo(() => {
    const ids = new Set(present.map((user) => user.memberId));
    if (!offline) ids.add(identity.memberId);
    return ids;
  }, [present, offline, identity.memberId]);
}
