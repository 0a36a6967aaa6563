import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { Organisation } from '../../../shared/domain/organisation';
import { readIntroductions, withInvites, type Introduction, type StoredIntroduction } from '../../../shared/workspace-doc/introductions';
import { readMembers, type Member } from '../../../shared/workspace-doc/members';
import { readOrganisations } from '../../../shared/workspace-doc/organisations';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';
import { useDocValue } from '../hooks/useDocValue';
import { useSyncField } from '../sync/sync-view';
import { useWorkspace } from '../workspace/workspace-context';

interface RawPeople {
  readonly members: ReadResult<Member>[];
  readonly organisations: ReadResult<Organisation>[];
  readonly introductions: ReadResult<StoredIntroduction>[];
}

function readPeople(doc: Y.Doc): RawPeople {
  return { members: readMembers(doc), organisations: readOrganisations(doc), introductions: readIntroductions(doc) };
}

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

export function usePeople(): People {
  const { doc } = useWorkspace();
  const raw = useDocValue(doc, readPeople);
  return useMemo(() => {
    const members = valid(raw.members);
    const organisations = valid(raw.organisations);
    return {
      members,
      organisations,
      introductions: withInvites(valid(raw.introductions), members),
      damagedMembers: damaged(raw.members),
      damagedIntroductions: damaged(raw.introductions),
      memberById: new Map(members.map((member) => [member.memberId, member])),
      organisationById: new Map(organisations.map((organisation) => [organisation.id, organisation])),
    };
  }, [raw]);
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
