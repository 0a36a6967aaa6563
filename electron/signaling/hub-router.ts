/**
 * Who receives a publish. Holds the topic table of one hub and implements the
 * federation rules described in signaling-hub.ts:
 * - a publish from an ordinary client goes to every subscriber (hubs get the
 *   relay-tagged form) and is pushed over every outbound peer link;
 * - a relayed publish goes to ordinary clients only, once, never back to the
 *   hub it came from;
 * - each client's first publish per topic (y-webrtc's announce) is kept for
 *   replay to hubs that link up later.
 */
import type { HubConnection } from './hub-connection.ts';
import type { PublishMessage, RelayTag } from './hub-protocol.ts';
import { toClientPublish, toRelayedPublish } from './hub-protocol.ts';

/** The parts of an outbound peer link the router drives. */
export interface RouterLink {
  subscribe(topics: readonly string[]): void;
  unsubscribe(topics: readonly string[]): void;
  send(message: Record<string, unknown>): void;
}

export type SubscribeOutcome = 'ok' | 'too-many-topics';

export class HubRouter {
  /** topic → every connection subscribed to it, ordinary clients and hubs alike. */
  private readonly subscribers = new Map<string, Set<HubConnection>>();
  /** topic → how many ordinary clients hold it: exactly what we subscribe to at peer hubs. */
  private readonly clientTopicCounts = new Map<string, number>();
  private readonly connections = new Set<HubConnection>();
  private seq = 0;

  constructor(
    private readonly hubId: string,
    private readonly maxReplayBytes: number,
    private readonly links: () => Iterable<RouterLink>,
  ) {}

  add(conn: HubConnection): void {
    this.connections.add(conn);
  }

  remove(conn: HubConnection): void {
    this.unsubscribe(conn, [...conn.topics]);
    this.connections.delete(conn);
  }

  allConnections(): Iterable<HubConnection> {
    return this.connections;
  }

  /** Topics held by ordinary clients: what a new peer link subscribes to. */
  clientTopics(): string[] {
    return [...this.clientTopicCounts.keys()];
  }

  subscribe(conn: HubConnection, topics: readonly string[]): SubscribeOutcome {
    const fresh = [...new Set(topics)].filter((t) => !conn.topics.has(t));
    if (conn.topics.size + fresh.length > conn.maxTopics) return 'too-many-topics';
    const newForPeers: string[] = [];
    for (const topic of fresh) {
      conn.topics.add(topic);
      let set = this.subscribers.get(topic);
      if (!set) this.subscribers.set(topic, (set = new Set()));
      set.add(conn);
      if (conn.isHub) {
        // The hub just learned of this topic: introduce our clients already in it.
        for (const replay of this.announcesFor(topic)) conn.send(replay);
      } else {
        conn.announces.set(topic, 'pending');
        const count = (this.clientTopicCounts.get(topic) ?? 0) + 1;
        this.clientTopicCounts.set(topic, count);
        if (count === 1) newForPeers.push(topic);
      }
    }
    for (const link of this.links()) link.subscribe(newForPeers);
    return 'ok';
  }

  unsubscribe(conn: HubConnection, topics: readonly string[]): void {
    const goneForPeers: string[] = [];
    for (const topic of new Set(topics)) {
      if (!conn.topics.delete(topic)) continue;
      conn.announces.delete(topic);
      const set = this.subscribers.get(topic);
      set?.delete(conn);
      if (set?.size === 0) this.subscribers.delete(topic);
      if (conn.isHub) continue;
      const count = (this.clientTopicCounts.get(topic) ?? 1) - 1;
      if (count > 0) this.clientTopicCounts.set(topic, count);
      else {
        this.clientTopicCounts.delete(topic);
        goneForPeers.push(topic);
      }
    }
    for (const link of this.links()) link.unsubscribe(goneForPeers);
  }

  /** A publish from an inbound connection. */
  publish(conn: HubConnection, message: PublishMessage): void {
    if (conn.isHub || message.relay) this.deliverRelayed(message, conn);
    else this.publishFromClient(conn, message);
  }

  /** A publish that came from another hub (inbound, or over an outbound link when `from` is undefined). */
  deliverRelayed(message: PublishMessage, from: HubConnection | undefined): void {
    if (message.relay?.hub === this.hubId) return; // our own publish, echoed back
    const id = message.relay ? `${message.relay.hub}\u0000${message.relay.seq}` : undefined;
    const receivers = [...(this.subscribers.get(message.topic) ?? [])].filter((c) => !c.isHub && c !== from);
    const outgoing = toClientPublish(message, receivers.length);
    for (const receiver of receivers) {
      // Per receiver, not per hub: a copy over a second link is dropped, but an
      // announce replayed for a client that joined since still reaches it.
      if (id === undefined || receiver.relayed.addIfNew(id)) receiver.send(outgoing);
    }
  }

  /** Every kept announce (of one topic, or all), tagged for another hub. */
  announcesFor(topic: string | undefined): Array<Record<string, unknown>> {
    const out: Array<Record<string, unknown>> = [];
    for (const conn of this.connections) {
      for (const [t, stored] of conn.announces) {
        if (typeof stored !== 'object' || (topic !== undefined && t !== topic)) continue;
        out.push(toRelayedPublish(stored.message, { hub: this.hubId, seq: stored.seq }));
      }
    }
    return out;
  }

  private publishFromClient(conn: HubConnection, message: PublishMessage): void {
    const relay: RelayTag = { hub: this.hubId, seq: ++this.seq };
    if (conn.announces.get(message.topic) === 'pending') {
      const small = JSON.stringify(message).length <= this.maxReplayBytes;
      conn.announces.set(message.topic, small ? { message, seq: relay.seq } : 'none');
    }
    const receivers = this.subscribers.get(message.topic) ?? new Set<HubConnection>();
    const forClients = toClientPublish(message, receivers.size);
    const forHubs = toRelayedPublish(message, relay);
    for (const receiver of receivers) receiver.send(receiver.isHub ? forHubs : forClients);
    for (const link of this.links()) link.send(forHubs);
  }
}
