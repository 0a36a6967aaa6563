/**
 * What a refused change leaves in the document: nothing it wrote, but its
 * place in its author's clock.
 *
 * Yjs integrates a client's items strictly in clock order; an update whose
 * items start after a missing clock waits (pending) until the gap fills. So
 * leaving a refused change out would freeze every later change of the same
 * Yjs client on every honest peer: a member's one refused edit would make all
 * their later edits vanish, and their state vector would never match ours
 * again (the status would never read "even"). Instead the receiver applies
 * this placeholder: the refused change's clock ranges as garbage-collected
 * structs (GC, what Yjs itself leaves of deleted content) and an empty delete
 * set. The clocks advance, nothing is shown or deleted, and a later item that
 * builds on a refused one becomes GC too when Yjs integrates it (its origin
 * is gone), on every peer alike.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

interface ClockRun {
  readonly from: number;
  readonly to: number;
}

/** Per client, the clock runs an update's structs occupy (skips excluded), in order. */
export function clockRuns(update: Uint8Array): Map<number, ClockRun[]> {
  const { structs } = Y.decodeUpdate(update) as unknown as { structs: (Y.Item | Y.GC | Y.Skip)[] };
  const runs = new Map<number, ClockRun[]>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    const list = runs.get(client) ?? [];
    const last = list[list.length - 1];
    if (last && last.to === clock) list[list.length - 1] = { from: last.from, to: clock + struct.length };
    else list.push({ from: clock, to: clock + struct.length });
    runs.set(client, list);
  }
  return runs;
}

/** A Yjs update (v1) that occupies the same clocks as `update` with GC structs and deletes nothing. */
export function refusedPlaceholder(update: Uint8Array): Uint8Array {
  const runs = clockRuns(update);
  const encoder = new Y.UpdateEncoderV1();
  const rest = encoder.restEncoder;
  encoding.writeVarUint(rest, runs.size);
  for (const [client, list] of runs) {
    const first = list[0];
    if (!first) continue;
    // One client's structs are consecutive from their first clock: a gap between runs is written as a skip.
    encoding.writeVarUint(rest, list.length * 2 - 1);
    encoder.writeClient(client);
    encoding.writeVarUint(rest, first.from);
    list.forEach((run, index) => {
      const previous = list[index - 1];
      if (previous) new Y.Skip(Y.createID(client, previous.to), run.from - previous.to).write(encoder, 0);
      new Y.GC(Y.createID(client, run.from), run.to - run.from).write(encoder, 0);
    });
  }
  // The delete set: none.
  encoding.writeVarUint(rest, 0);
  return encoder.toUint8Array();
}
