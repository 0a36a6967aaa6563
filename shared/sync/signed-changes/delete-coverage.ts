/**
 * Whether a peer's delete set (from its snapshot) already holds every
 * deletion a change makes: a state vector cannot say so, and a change that
 * only deletes moves no clock. Delete sets from Y.snapshot are sorted by
 * clock and merged per client, so each range is found by binary search.
 */
import * as Y from 'yjs';

export type Deletions = ReadonlyMap<number, readonly { readonly clock: number; readonly len: number }[]>;

interface DeleteSetLike {
  readonly clients: ReadonlyMap<number, readonly { readonly clock: number; readonly len: number }[]>;
}

/** What an update holds, from one decoding: per client the clock after its last item, and its deletions. */
export function describeUpdate(update: Uint8Array): { readonly to: ReadonlyMap<number, number>; readonly deletions: Deletions } {
  const { structs, ds } = Y.decodeUpdate(update) as unknown as { structs: { id: Y.ID; length: number }[]; ds: DeleteSetLike };
  const to = new Map<number, number>();
  for (const struct of structs) to.set(struct.id.client, Math.max(to.get(struct.id.client) ?? 0, struct.id.clock + struct.length));
  return { to, deletions: ds.clients };
}

function rangeCovered(items: readonly { clock: number; len: number }[], clock: number, len: number): boolean {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = items[mid];
    if (!item) return false;
    if (item.clock + item.len <= clock) low = mid + 1;
    else if (item.clock > clock) high = mid - 1;
    else return clock + len <= item.clock + item.len;
  }
  return false;
}

export function coversDeletions(ds: DeleteSetLike, deletions: Deletions): boolean {
  for (const [client, ranges] of deletions) {
    const items = ds.clients.get(client);
    for (const { clock, len } of ranges) if (!items || !rangeCovered(items, clock, len)) return false;
  }
  return true;
}

/** The union of several changes' deletions, sorted and merged per client as coversDeletions needs. */
export function mergedDeletions(all: readonly Deletions[]): Deletions {
  const byClient = new Map<number, { clock: number; len: number }[]>();
  for (const deletions of all) for (const [client, ranges] of deletions) byClient.set(client, [...(byClient.get(client) ?? []), ...ranges]);
  const merged = new Map<number, { clock: number; len: number }[]>();
  for (const [client, ranges] of byClient) {
    const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
    const out: { clock: number; len: number }[] = [];
    for (const range of sorted) {
      const last = out[out.length - 1];
      if (last && range.clock <= last.clock + last.len) last.len = Math.max(last.len, range.clock + range.len - last.clock);
      else out.push({ clock: range.clock, len: range.len });
    }
    merged.set(client, out);
  }
  return merged;
}

/** Whether `whole` (a checkpoint, or kept changes together) holds everything `part` holds: its items, by clock, and its deletions. */
export function covers(whole: { readonly to: ReadonlyMap<number, number>; readonly deletions: Deletions }, part: { readonly to: ReadonlyMap<number, number>; readonly deletions: Deletions }): boolean {
  for (const [client, clock] of part.to) if (clock > (whole.to.get(client) ?? 0)) return false;
  return coversDeletions({ clients: whole.deletions }, part.deletions);
}
