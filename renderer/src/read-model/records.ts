import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import type { Organisation } from '../../../shared/domain/organisation';
import { interestRecords, interestView, type InterestView } from '../../../shared/workspace-doc/interests';
import { memberRecords, type Member } from '../../../shared/workspace-doc/members';
import { organisationRecords } from '../../../shared/workspace-doc/organisations';
import { useSyncExternalStoreWithSelector } from 'use-sync-external-store/with-selector';
import type * as Y from 'yjs';
import { recordStoreOf, type CollectionReader, type CollectionView, type RecordStore } from '../../../shared/read-model/record-store';
import { storeRecords, type RecordSource } from '../../../shared/read-model/record-source';
import type { Collection } from '../../../shared/workspace-doc/collection';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';

/** The open workspace's read model (shared/read-model/record-store.ts), one per open document. */
export const RecordStoreContext = createContext<RecordStore | null>(null);

/** The store of `doc` when given (a room's library and comments), else the open workspace's. */
function useRecordStore(doc?: Y.Doc): RecordStore {
  const workspaceStore = useContext(RecordStoreContext);
  const store = doc ? recordStoreOf(doc) : workspaceStore;
  if (!store) throw new Error('the read model is used outside an open workspace');
  return store;
}

/** The open workspace's records for a computation over several collections (the dashboard): read once, kept current. */
export function useRecordSource(): RecordSource {
  const store = useRecordStore();
  return useMemo(() => storeRecords(store), [store]);
}

/** How a component follows one collection of a store: stable while the store and the reader are. */
function useCollectionSource<T>(reader: CollectionReader<T>, doc?: Y.Doc) {
  const store = useRecordStore(doc);
  const subscribe = useCallback((listener: () => void) => store.subscribe(reader as CollectionReader<unknown>, listener), [store, reader]);
  const view = useCallback(() => store.collection(reader), [store, reader]);
  return { subscribe, view };
}

/** Every record of a collection; the component re-renders when any of them changes. */
export function useCollection<T>(reader: CollectionReader<T>, doc?: Y.Doc): CollectionView<T> {
  const { subscribe, view } = useCollectionSource(reader, doc);
  return useSyncExternalStore(subscribe, view);
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * The part of a collection a component shows (`select` must be stable); it
 * re-renders only when that part holds other records. Records are compared
 * by identity: the store keeps a record's object while it is unchanged.
 */
export function useCollectionPart<T, P>(reader: CollectionReader<T>, select: (view: CollectionView<T>) => readonly P[], doc?: Y.Doc): readonly P[] {
  const { subscribe, view } = useCollectionSource(reader, doc);
  return useSyncExternalStoreWithSelector(subscribe, view, undefined, select, sameItems);
}

/** One record; the component re-renders only when that record changes. */
export function useRecord<T>(reader: CollectionReader<T>, id: string): ReadResult<T> | undefined {
  const { subscribe, view } = useCollectionSource(reader);
  return useSyncExternalStore(subscribe, () => view().byId.get(id));
}

/** A collection's records, valid and damaged, in its declared order; the same array until one of them changes. */
export function useOrderedRecords<T>(collection: Collection<T>, doc?: Y.Doc): readonly ReadResult<T>[] {
  const view = useCollection(collection, doc);
  return useMemo(() => [...view.list].sort(collection.order), [view, collection]);
}

/** A collection's valid records in its declared order; the same array until one of them changes. */
export function useValidRecords<T>(collection: Collection<T>): readonly T[] {
  const ordered = useOrderedRecords(collection);
  return useMemo(() => ordered.flatMap((result) => (result.ok ? [result.value] : [])), [ordered]);
}

/** The workspace's valid organisations by name and valid members by id, from the read model; the same objects until one changes. */
export function useOrganisationsAndMembers(): { readonly organisations: readonly Organisation[]; readonly members: ReadonlyMap<string, Member> } {
  const organisations = useValidRecords(organisationRecords);
  const memberResults = useCollection(memberRecords);
  const members = useMemo(() => new Map(memberResults.list.flatMap((result) => (result.ok ? [[result.value.memberId, result.value] as const] : []))), [memberResults]);
  return useMemo(() => ({ organisations, members }), [organisations, members]);
}

/** One organisation's interests with whether their last writer belongs to it; re-read when that record, a member or an organisation changed. */
export function useInterestView(organisationId: string, organisations: readonly Organisation[], members: ReadonlyMap<string, Member>): ReadResult<InterestView> | undefined {
  const record = useRecord(interestRecords, organisationId);
  return useMemo(() => record && interestView(record, [...members.values()], organisations), [record, members, organisations]);
}
