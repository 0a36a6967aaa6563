/**
 * Which way a connection runs, and why none could be made (issue 15, item 3).
 *
 * - The route of a live connection is read from its own statistics, as the
 *   WebRTC statistics spec defines them: the transport's selected candidate
 *   pair (or, where a browser gives no transport entry, the nominated pair
 *   that succeeded), and the types of its two candidates. Either end on a
 *   `relay` candidate means the data goes through a TURN server ("via
 *   relay"); otherwise the two reach each other directly (host, or a
 *   server-reflexive address from STUN). Nothing is guessed from settings.
 * - Why no connection could be made is read from the attempts themselves:
 *   every peer connection is watched from creation (the framing's observer)
 *   until it closes. One that closes without ever connecting, after the
 *   two ends had exchanged descriptions (so it was a real attempt, not a
 *   partner who left mid-offer), is a failed attempt. If a TURN server was
 *   configured and no relay candidate was ever gathered, the TURN server
 *   could not be reached (stopped, wrong address, refused credentials: the
 *   browser does not tell these apart reliably); otherwise there is no path
 *   between the two networks. A failure counts for FAILURE_MEMORY_MS, long
 *   enough to outlast the next attempt, and any connection that opens
 *   clears it.
 */
import type { PeerConnectionObserver } from './framing-peer-connection';

export type ConnectionRoute = 'direct' | 'relay';
export type ConnectProblem = 'relayUnreachable' | 'noPath';

/** About three connect timeouts: y-webrtc tries again within that, and a fresh failure renews it. */
export const FAILURE_MEMORY_MS = 60_000;

interface StatsEntry {
  readonly id: string;
  readonly type: string;
  readonly [field: string]: unknown;
}

/** The route of the pair a connection's statistics say it uses; undefined before one is chosen. */
export function routeOf(report: Iterable<StatsEntry>): ConnectionRoute | undefined {
  const entries = new Map([...report].map((entry) => [entry.id, entry]));
  const transport = [...entries.values()].find((entry) => entry.type === 'transport' && typeof entry.selectedCandidatePairId === 'string');
  const pair =
    (transport ? entries.get(transport.selectedCandidatePairId as string) : undefined) ??
    [...entries.values()].find((entry) => entry.type === 'candidate-pair' && entry.state === 'succeeded' && (entry.nominated === true || entry.selected === true));
  if (!pair) return undefined;
  const types = [pair.localCandidateId, pair.remoteCandidateId].map((id) => (typeof id === 'string' ? entries.get(id)?.candidateType : undefined));
  if (types.some((type) => type === undefined)) return undefined;
  return types.includes('relay') ? 'relay' : 'direct';
}

/** The route of one live connection, or undefined when its statistics cannot be read (it is closing). */
export async function connectionRoute(pc: RTCPeerConnection): Promise<ConnectionRoute | undefined> {
  try {
    const report = await pc.getStats();
    return routeOf(report.values() as Iterable<StatsEntry>);
  } catch {
    return undefined;
  }
}

interface Attempt {
  relayGathered: boolean;
  connected: boolean;
}

const isUp = (state: string): boolean => state === 'connected' || state === 'completed';

/** Watches every connection attempt (pass it to createFramingWrtc) and says why the recent ones failed. */
export class ConnectAttempts implements PeerConnectionObserver {
  private readonly attempts = new WeakMap<RTCPeerConnection, Attempt>();
  private failure: { readonly problem: ConnectProblem; readonly at: number } | undefined;

  constructor(
    private readonly relayConfigured: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  created(pc: RTCPeerConnection): void {
    const attempt: Attempt = { relayGathered: false, connected: false };
    this.attempts.set(pc, attempt);
    pc.addEventListener('icecandidate', (event) => {
      if (/ typ relay\b/.test(event.candidate?.candidate ?? '')) attempt.relayGathered = true;
    });
    const noteUp = (): void => {
      if (!isUp(pc.iceConnectionState) && pc.connectionState !== 'connected') return;
      attempt.connected = true;
      this.failure = undefined;
    };
    pc.addEventListener('iceconnectionstatechange', noteUp);
    pc.addEventListener('connectionstatechange', noteUp);
  }

  closing(pc: RTCPeerConnection): void {
    const attempt = this.attempts.get(pc);
    if (!attempt || attempt.connected || !pc.remoteDescription) return;
    this.failure = { problem: this.relayConfigured && !attempt.relayGathered ? 'relayUnreachable' : 'noPath', at: this.now() };
  }

  /** Why the latest attempts failed, while that is recent. */
  problem(): ConnectProblem | undefined {
    return this.failure && this.now() - this.failure.at < FAILURE_MEMORY_MS ? this.failure.problem : undefined;
  }
}
