/**
 * How far two replicas of one Yjs document are apart, judged by their state
 * vectors (per client, the next clock not yet held). A peer reports its state
 * vector in every sync step 1 it sends, so this is what one peer can *know*
 * about another's copy, never a guess.
 *
 * State vectors do not cover deletions; deletions travel in every update and
 * every sync step 2 (which carries the whole delete set), so a gap in them
 * closes with the next exchange.
 */
export type StateVector = ReadonlyMap<number, number>;

export interface StateVectorGap {
  /** Clock units (roughly: inserted characters or entries) the remote lacks of ours. */
  readonly remoteLacks: number;
  /** Clock units we lack of the remote's. */
  readonly localLacks: number;
}

export function stateVectorGap(local: StateVector, remote: StateVector): StateVectorGap {
  let remoteLacks = 0;
  let localLacks = 0;
  for (const [client, clock] of local) remoteLacks += Math.max(0, clock - (remote.get(client) ?? 0));
  for (const [client, clock] of remote) localLacks += Math.max(0, clock - (local.get(client) ?? 0));
  return { remoteLacks, localLacks };
}
