/**
 * Asking neighbours for state, one request at a time: a joiner or a peer
 * back from offline asks the one neighbour known (by the state vector it
 * last reported) to hold most of what we lack, and only when that answer is
 * in — or given up after STATE_REQUEST_TIMEOUT_MS — looks again at who may
 * hold what is still missing. So state is received once, not once per link.
 *
 * The commonest case needs no request at all: the neighbour on a peer's
 * first link sends it the difference unasked, right after the HELLOs (both
 * ends know which link is whose first: HELLO carries the degree). The peer
 * counts that answer as pending from the moment the link opens (`expect`).
 */
import * as Y from 'yjs';
import { stateVectorGap, type StateVector } from '../state-vector-gap';
import type { Scheduler } from './scheduler';

/** New links within this window are compared before one is asked for state, so a joiner picks the best neighbour. */
export const CATCH_UP_DELAY_MS = 150;
/** An unanswered state request is given up after this (10 MB over a slow link), and another neighbour asked. */
export const STATE_REQUEST_TIMEOUT_MS = 60_000;

export interface StateRequestHost {
  readonly doc: Y.Doc;
  /** Every neighbour and the state vector it last reported, if any. */
  neighbourStates(): Iterable<[string, StateVector | undefined]>;
  /** Sends STATE_REQUEST with this peer's snapshot (state vector and delete set). */
  sendRequest(to: string): void;
}

export class StateRequests {
  private pending: { to: string; timer: unknown } | undefined;
  private catchUpTimer: unknown;
  private stopped = false;

  constructor(
    private readonly host: StateRequestHost,
    private readonly scheduler: Scheduler,
  ) {}

  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** Looks, after CATCH_UP_DELAY_MS, for a neighbour holding what we lack, and asks it. */
  scheduleCatchUp(): void {
    if (this.catchUpTimer !== undefined || this.stopped) return;
    this.catchUpTimer = this.scheduler.setTimeout(() => {
      this.catchUpTimer = undefined;
      this.catchUp();
    }, CATCH_UP_DELAY_MS);
  }

  /** Asks one neighbour now (a digest that stayed different), unless a request is out. Returns whether it asked. */
  request(to: string): boolean {
    if (this.pending || this.stopped) return false;
    const timer = this.scheduler.setTimeout(() => {
      this.pending = undefined;
      this.catchUp();
    }, STATE_REQUEST_TIMEOUT_MS);
    this.pending = { to, timer };
    this.host.sendRequest(to);
    return true;
  }

  /** An answer is coming from `from` without a request (its link is our first); wait for it like for one asked. */
  expect(from: string): void {
    if (this.pending || this.stopped) return;
    const timer = this.scheduler.setTimeout(() => {
      this.pending = undefined;
      this.catchUp();
    }, STATE_REQUEST_TIMEOUT_MS);
    this.pending = { to: from, timer };
  }

  /** The neighbour answered, or left: the next request may go out. */
  settled(from: string): void {
    if (this.pending?.to !== from) return;
    this.scheduler.clearTimeout(this.pending.timer);
    this.pending = undefined;
    this.scheduleCatchUp();
  }

  stop(): void {
    this.stopped = true;
    this.scheduler.clearTimeout(this.catchUpTimer);
    this.scheduler.clearTimeout(this.pending?.timer);
  }

  private catchUp(): void {
    if (this.pending || this.stopped) return;
    const local = Y.decodeStateVector(Y.encodeStateVector(this.host.doc));
    let best: string | undefined;
    let bestLack = 0;
    for (const [id, stateVector] of this.host.neighbourStates()) {
      if (!stateVector) continue;
      const lack = stateVectorGap(local, stateVector).localLacks;
      if (lack > bestLack) {
        best = id;
        bestLack = lack;
      }
    }
    if (best !== undefined) this.request(best);
  }
}
