import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import type { Organisation } from '../../../shared/domain/organisation';
import { interestRecords, interestView, type InterestView } from '../../../shared/workspace-doc/interests';
import { memberRecords, type Member } from '../../../shared/workspace-doc/members';
import { byOrganisationName, organisationRecords } from '../../../shared/workspace-doc/organisations';
import type { CollectionReader, CollectionView, RecordStore } from '../../../shared/read-model/record-store';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';

/** The open workspace's read model (shared/read-model/record-store.ts), one per open document. */
export const RecordStoreContext = createContext<RecordStore | null>(null);

function useRecordStore(): RecordStore {
  const store = useContext(RecordStoreContext);
  if (!store) throw new Error('the read model is used outside an open workspace');
  return store;
}

/** Every record of a collection; the component re-renders when any of them changes. */
export function useCollection<T>(reader: CollectionReader<T>): CollectionView<T> {
  const store = useRecordStore();
  const subscribe = useCallback((listener: () => void) => store.subscribe(reader as CollectionReader<unknown>, listener), [store, reader]);
  return useSyncExternalStore(subscribe, () => store.collection(reader));
}

/** One record; the component re-renders only when that record changes. */
export function useRecord<T>(reader: CollectionReader<T>, id: string): ReadResult<T> | undefined {
  const store = useRecordStore();
  const subscribe = useCallback((listener: () => void) => store.subscribe(reader as CollectionReader<unknown>, listener), [store, reader]);
  return useSyncExternalStore(subscribe, () => store.collection(reader).byId.get(id));
}

/** The workspace's valid organisations by name and valid members by id, from the read model; the same objects until one changes. */
export function useOrganisationsAndMembers(): { readonly organisations: readonly Organisation[]; readonly members: ReadonlyMap<string, Member> } {
  const organisationResults = useCollection(organisationRecords);
  const memberResults = useCollection(memberRecords);
  const organisations = useMemo(() => [...organisationResults.list].sort(byOrganisationName).flatMap((result) => (result.ok ? [result.value] : [])), [organisationResults]);
  const members = useMemo(() => new Map(memberResults.list.flatMap((result) => (result.ok ? [[result.value.memberId, result.value] as const] : []))), [memberResults]);
  return useMemo(() => ({ organisations, members }), [organisations, members]);
}

/** One organisation's interests with whether their last writer belongs to it; re-read when that record, a member or an organisation changed. */
export function useInterestView(organisationId: string, organisations: readonly Organisation[], members: ReadonlyMap<string, Member>): ReadResult<InterestView> | undefined {
  const record = useRecord(interestRecords, organisationId);
  return useMemo(() => record && interestView(record, [...members.values()], organisations), [record, members, organisations]);
}
