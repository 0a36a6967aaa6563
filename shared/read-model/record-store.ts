/**
 * The workspace read model (issue 14, item 1): one store per open document
 * between the Y.Doc and the screens.
 *
 * Before, every screen read and validated whole roots on every document
 * update (25 useDocValue sites), so one remote keystroke in one interest
 * re-read every organisation, member and interest on every visible screen,
 * and re-rendered them all. Here each collection (a root map of records
 * keyed by id) is read once, when a screen first asks for it, and then
 * observed once (observeDeep on its root): a change re-reads only the
 * records it touched, keyed by the event's path. A record whose content did
 * not change keeps its object; a changed one gets a new object and the
 * collection a new list and map (structural sharing), so a component that
 * subscribes to one record (useRecord) re-renders only when that record
 * changed, and derived views memoised on the records they read recompute
 * only then. Damaged entries are records too (ReadResult), as before.
 *
 * The readers are the collections' own (shared/workspace-doc): the same
 * validation the screens used, entry by entry.
 */
import type * as Y from 'yjs';
import type { ReadResult } from '../workspace-doc/read-result';

/** How one collection's records are read: its root map, and one entry of it. */
export interface CollectionReader<T> {
  readonly root: string;
  read(id: string, entry: unknown): ReadResult<T>;
}

export interface CollectionView<T> {
  readonly byId: ReadonlyMap<string, ReadResult<T>>;
  /** In the root map's order; screens sort as they show. */
  readonly list: readonly ReadResult<T>[];
}

interface Held {
  view: CollectionView<unknown>;
  readonly reader: CollectionReader<unknown>;
  readonly listeners: Set<() => void>;
  readonly stop: () => void;
}

/** For plain data (validated records, zod's output, and arrays of them): equal content is equal JSON. */
export const samePlainData = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

export class RecordStore {
  private readonly held = new Map<string, Held>();

  constructor(private readonly doc: Y.Doc) {}

  /** The collection's records now; the same object until one of them changes. */
  collection<T>(reader: CollectionReader<T>): CollectionView<T> {
    return this.hold(reader).view as CollectionView<T>;
  }

  /** Calls `listener` after a change to the collection's records. */
  subscribe(reader: CollectionReader<unknown>, listener: () => void): () => void {
    const held = this.hold(reader);
    held.listeners.add(listener);
    return () => held.listeners.delete(listener);
  }

  destroy(): void {
    for (const held of this.held.values()) held.stop();
    this.held.clear();
  }

  private hold(reader: CollectionReader<unknown>): Held {
    const existing = this.held.get(reader.root);
    if (existing) {
      if (existing.reader !== reader) throw new Error(`two readers for root ${reader.root}`);
      return existing;
    }
    const root = this.doc.getMap<unknown>(reader.root);
    const byId = new Map<string, ReadResult<unknown>>();
    root.forEach((entry, id) => byId.set(id, reader.read(id, entry)));
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => this.refresh(held, root, touchedKeys(root, events));
    const held: Held = { view: { byId, list: [...byId.values()] }, reader, listeners: new Set(), stop: () => root.unobserveDeep(observer) };
    root.observeDeep(observer);
    this.held.set(reader.root, held);
    return held;
  }

  private refresh(held: Held, root: Y.Map<unknown>, keys: ReadonlySet<string>): void {
    let byId: Map<string, ReadResult<unknown>> | undefined;
    for (const id of keys) {
      const before = held.view.byId.get(id);
      const entry = root.get(id);
      const after = entry === undefined && !root.has(id) ? undefined : held.reader.read(id, entry);
      if (before === undefined ? after === undefined : after !== undefined && samePlainData(before, after)) continue;
      byId ??= new Map(held.view.byId);
      if (after === undefined) byId.delete(id);
      else byId.set(id, after);
    }
    if (!byId) return;
    // Keep the root's order: a re-read record stays where it was, a new one comes last.
    held.view = { byId, list: [...byId.values()] };
    for (const listener of held.listeners) listener();
  }
}

/** The record keys a batch of deep events touched: the root's own keys, or the first step of a nested event's path. */
function touchedKeys(root: Y.Map<unknown>, events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
  const keys = new Set<string>();
  for (const event of events) {
    if (event.target === root) for (const key of event.changes.keys.keys()) keys.add(key);
    else {
      const [first] = event.path;
      if (typeof first === 'string') keys.add(first);
    }
  }
  return keys;
}

const STORES = new WeakMap<Y.Doc, RecordStore>();

/**
 * The one store of a document: the open workspace's and each confidential
 * room's (a room's library and comments live in the room's own document).
 * Kept as long as the document is; its observers live on the document, so
 * nothing outlives it.
 */
export function recordStoreOf(doc: Y.Doc): RecordStore {
  let store = STORES.get(doc);
  if (!store) {
    store = new RecordStore(doc);
    STORES.set(doc, store);
  }
  return store;
}
