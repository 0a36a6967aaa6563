/**
 * Where a computation over several collections (the dashboard's figures, an
 * organisation's checklist, the files a library refers to) takes its
 * records from. A one-off (an export, a test, a benchmark) reads them from
 * the document now; a screen takes the read model's (record-store.ts),
 * which were validated once and are kept current, so a recomputation after
 * a partner's keystroke re-reads nothing.
 */
import type * as Y from 'yjs';
import type { Collection } from '../workspace-doc/collection';
import type { ReadResult } from '../workspace-doc/read-result';
import type { CollectionView, RecordStore } from './record-store';

export interface RecordSource {
  /** Every entry, valid and damaged, in the collection's order. */
  records<T>(collection: Collection<T>): readonly ReadResult<T>[];
}

export function documentRecords(doc: Y.Doc): RecordSource {
  return { records: (collection) => collection.readAll(doc) };
}

/** Sorted once per view: a view is replaced, never changed, when one of its records changes. */
const SORTED = new WeakMap<CollectionView<unknown>, readonly ReadResult<unknown>[]>();

export function storeRecords(store: RecordStore): RecordSource {
  return {
    records<T>(collection: Collection<T>) {
      const view = store.collection(collection) as CollectionView<unknown>;
      let sorted = SORTED.get(view);
      if (!sorted) {
        sorted = [...view.list].sort(collection.order as (a: ReadResult<unknown>, b: ReadResult<unknown>) => number);
        SORTED.set(view, sorted);
      }
      return sorted as readonly ReadResult<T>[];
    },
  };
}

/** The valid records only: a damaged entry is shown as a warning where it lives, and left out of what is computed from it. */
export function validRecords<T>(source: RecordSource, collection: Collection<T>): T[] {
  return source.records(collection).flatMap((result) => (result.ok ? [result.value] : []));
}
