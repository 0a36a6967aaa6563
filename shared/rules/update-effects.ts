/**
 * What a Yjs update would change in a document, named by path, without
 * applying it: the rule check on receive (write-rules.ts) decides on these.
 *
 * A path runs from the root down: [root, record key, field, ...]; a position
 * in an array or text is '#'. An update names where each new item goes only
 * indirectly (the item left or right of it, or its parent type by id), so
 * each item is placed by following those to an item the document or the
 * update itself holds. Deletions name items by id; those the document holds
 * and has not deleted yet are effects. Items the document holds already
 * (a catch-up that overlaps what we have) change nothing and are left out.
 *
 * An item whose place cannot be found (it depends on something neither the
 * document nor the update holds: an update that arrived before one it
 * builds on) is counted in `unresolved`; the caller holds such an update
 * back until what it depends on is in, as Yjs itself does.
 */
import * as Y from 'yjs';

export interface UpdateEffect {
  readonly path: readonly string[];
  readonly op: 'insert' | 'delete';
  /** An inserted plain value (a map field's value, a string); for a new nested type, `{ type }`. */
  readonly value?: unknown;
}

export interface UpdateEffects {
  readonly effects: UpdateEffect[];
  readonly unresolved: number;
}

/** Index marker for a position in an array, text or XML fragment. */
export const POSITION = '#';

type ParentRef = string | Y.ID | Y.AbstractType<unknown>;
interface Place {
  readonly parent: ParentRef;
  readonly sub: string | null;
}

/** Item fields Yjs decodes but does not type publicly. */
interface DecodedItem {
  id: Y.ID;
  length: number;
  origin: Y.ID | null;
  rightOrigin: Y.ID | null;
  parent: string | Y.ID | Y.AbstractType<unknown> | null;
  parentSub: string | null;
  content: unknown;
}

function typeName(type: unknown): string {
  if (type instanceof Y.XmlFragment) return 'xml';
  if (type instanceof Y.Map) return 'map';
  if (type instanceof Y.Array) return 'array';
  if (type instanceof Y.Text) return 'text';
  return 'other';
}

function valueOf(item: DecodedItem): unknown {
  const content: unknown = item.content;
  if (content instanceof Y.ContentType) return { type: typeName(content.type) };
  if (content instanceof Y.ContentString) return content.str;
  if (content instanceof Y.ContentAny) return content.arr[content.arr.length - 1];
  return undefined;
}

/** Where an item goes when what it builds on was garbage-collected: nowhere (Yjs integrates it as GC). */
const GONE = Symbol('gone');

function below(up: string[] | typeof GONE | null, sub: string | null): string[] | typeof GONE | null {
  return up && up !== GONE ? [...up, sub ?? POSITION] : up;
}

/** Whether some struct starts after a clock that neither the document nor the update before it holds (skips hold nothing). */
function hasClockGap(structs: readonly { id: Y.ID; length: number }[], store: Y.Doc['store']): boolean {
  const next = new Map<number, number>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    const expected = next.get(client) ?? Y.getState(store, client);
    if (clock > expected) return true;
    next.set(client, Math.max(expected, clock + struct.length));
  }
  return false;
}

export function updateEffects(doc: Y.Doc, update: Uint8Array): UpdateEffects {
  const { structs, ds } = Y.decodeUpdate(update) as unknown as { structs: DecodedItem[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  const items = structs.filter((s) => s instanceof Y.Item) as DecodedItem[];
  const byClient = new Map<number, DecodedItem[]>();
  for (const item of items) {
    const list = byClient.get(item.id.client) ?? [];
    list.push(item);
    byClient.set(item.id.client, list);
  }
  const store = doc.store;
  const inDoc = (id: Y.ID): boolean => id.clock < Y.getState(store, id.client);
  // An update lists each client's structs in clock order: found by binary search, as Yjs finds them in its store.
  const fromUpdate = (id: Y.ID): DecodedItem | undefined => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const item = list[mid];
      if (!item) return undefined;
      if (item.id.clock + item.length <= id.clock) low = mid + 1;
      else if (item.id.clock > id.clock) high = mid - 1;
      else return item;
    }
    return undefined;
  };

  const places = new Map<DecodedItem, Place | typeof GONE | null>();
  const placeOfUpdateItem = (item: DecodedItem, depth = 0): Place | typeof GONE | null => {
    if (places.has(item)) return places.get(item) ?? null;
    let place: Place | typeof GONE | null = null;
    if (item.parent !== null) place = { parent: item.parent as ParentRef, sub: item.parentSub };
    else if (depth < 10_000) {
      const ref = item.origin ?? item.rightOrigin;
      if (ref) place = placeOfId(ref, depth + 1);
    }
    places.set(item, place);
    return place;
  };
  const placeOfId = (id: Y.ID, depth: number): Place | typeof GONE | null => {
    if (inDoc(id)) {
      const found = Y.getItem(store, id);
      return found instanceof Y.Item ? { parent: found.parent as Y.AbstractType<unknown>, sub: found.parentSub } : GONE;
    }
    const own = fromUpdate(id);
    return own ? placeOfUpdateItem(own, depth) : null;
  };

  const containerPath = (parent: ParentRef, depth = 0): string[] | typeof GONE | null => {
    if (typeof parent === 'string') return [parent];
    if (depth > 64) return null;
    if (parent instanceof Y.AbstractType) {
      const owner = parent._item;
      if (owner === null) return [Y.findRootTypeKey(parent)];
      return below(containerPath(owner.parent as Y.AbstractType<unknown>, depth + 1), owner.parentSub);
    }
    // An id: the item holding the parent type, in the document or in this update.
    if (inDoc(parent)) {
      const owner = Y.getItem(store, parent);
      if (!(owner instanceof Y.Item)) return GONE;
      return below(containerPath(owner.parent as Y.AbstractType<unknown>, depth + 1), owner.parentSub);
    }
    const own = fromUpdate(parent);
    const ownPlace = own && placeOfUpdateItem(own);
    if (!ownPlace || ownPlace === GONE) return ownPlace ?? null;
    return below(containerPath(ownPlace.parent, depth + 1), ownPlace.sub);
  };

  const effects: UpdateEffect[] = [];
  let unresolved = 0;
  // A client's structs after a clock this document lacks wait in Yjs until the gap fills: so do we.
  if (hasClockGap(structs, store)) unresolved += 1;
  for (const item of items) {
    if (item.id.clock + item.length <= Y.getState(store, item.id.client)) continue;
    // Deleted before it was sent: it shows nothing.
    if ((item.content as unknown) instanceof Y.ContentDeleted) continue;
    const place = placeOfUpdateItem(item);
    const path = place && place !== GONE ? containerPath(place.parent) : place;
    // Built on something already collected (a refused change's placeholder, say): Yjs turns it into GC, it shows nothing.
    if (path === GONE) continue;
    if (!path || !place || place === GONE) {
      unresolved += 1;
      continue;
    }
    effects.push({ path: [...path, place.sub ?? POSITION], op: 'insert', value: valueOf(item) });
  }
  for (const [client, ranges] of ds.clients) {
    const structsOfClient = store.clients.get(client);
    if (!structsOfClient) continue;
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (clock >= Y.getState(store, client)) continue;
      for (let i = Y.findIndexSS(structsOfClient, clock); i < structsOfClient.length; i++) {
        const struct = structsOfClient[i];
        if (!struct || struct.id.clock >= end) break;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const path = containerPath(struct.parent as Y.AbstractType<unknown>);
        if (path && path !== GONE) effects.push({ path: [...path, struct.parentSub ?? POSITION], op: 'delete' });
      }
    }
  }
  return { effects, unresolved };
}
