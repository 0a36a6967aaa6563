/**
 * Logging for the signaling hub's network edges. The hub swallows bad input
 * from the network (it must keep serving everyone else), and these are the
 * only places where that is reported. Each edge names itself, and a given
 * kind of trouble is reported once per connection or link, so a flood of
 * garbage cannot become a flood of log lines.
 */

export type HubEdge = 'signaling-hub' | 'peer-hub-link' | 'hub-discovery';

export interface HubLogEvent {
  edge: HubEdge;
  /** What went wrong, e.g. "malformed", "rate-limit", "oversize". */
  kind: string;
  /** Remote address or URL of the connection concerned. */
  remote?: string;
  detail?: string;
}

export type HubLogger = (event: HubLogEvent) => void;

export const consoleHubLogger: HubLogger = (event) => {
  const where = event.remote ? ` ${event.remote}` : '';
  const detail = event.detail ? `: ${event.detail}` : '';
  console.warn(`[${event.edge}]${where} ${event.kind}${detail}`);
};

/** Remembers which kinds were already logged for one connection or link. */
export class LogOnce {
  private readonly seen = new Set<string>();

  constructor(
    private readonly log: HubLogger,
    private readonly edge: HubEdge,
    private readonly remote: string,
  ) {}

  report(kind: string, detail?: string): void {
    if (this.seen.has(kind)) return;
    this.seen.add(kind);
    this.log({ edge: this.edge, kind, remote: this.remote, ...(detail === undefined ? {} : { detail }) });
  }

  /** Lets a kind be reported again, e.g. after a link that failed came back. */
  reset(kind: string): void {
    this.seen.delete(kind);
  }
}
