/**
 * node-webrtc, and so @roamhq/wrtc, never fires `bufferedamountlow` and has
 * no `bufferedAmountLowThreshold` (node-webrtc/node-webrtc#305, open since
 * 2017). The framing (shared/sync/webrtc/framed-data-channel.ts) holds its
 * queue while a channel's buffer is above the high water mark and sends on
 * at that event, so in Node a large catch-up (a partner joining a 10 MB
 * workspace served by the region peer) stopped after the first megabyte.
 *
 * Emulated on the channel's prototype, as the issue's own workaround does,
 * but only while it matters: every send starts a short poll of
 * `bufferedAmount` (unless one runs), which fires the event once the buffer
 * is at or below the threshold and then stops. The event may come when the
 * buffer never rose above the threshold: the binding counts a send into
 * `bufferedAmount` from its network thread, a moment later, so the poll
 * cannot tell reliably whether it did, and a missed event would stall a
 * sender for good, while an extra one only makes it look at the buffer
 * again (the framing and the benchmark's sender both do just that). A
 * closed channel stops the poll.
 */

/** Draining 768 KiB (high to low water) takes 10–40 ms here: a few polls per drain. */
const POLL_MS = 5;

interface NodeDataChannel {
  bufferedAmount: number;
  readyState: string;
  send(data: unknown): void;
  dispatchEvent(event: Event): boolean;
}

const MARK = Symbol.for('stroomkring.bufferedAmountLow');

/** Gives `Channel` (wrtc's RTCDataChannel) a working `bufferedAmountLowThreshold` and `bufferedamountlow`; once. */
export function emulateBufferedAmountLow(Channel: { prototype: object }): void {
  const proto = Channel.prototype as NodeDataChannel & { [MARK]?: true };
  if (proto[MARK]) return;
  proto[MARK] = true;
  const thresholds = new WeakMap<object, number>();
  const polling = new WeakSet<object>();
  Object.defineProperty(proto, 'bufferedAmountLowThreshold', {
    configurable: true,
    get(this: object) {
      return thresholds.get(this) ?? 0;
    },
    set(this: object, value: number) {
      thresholds.set(this, Math.max(0, Number(value) || 0));
    },
  });
  const watch = (channel: NodeDataChannel): void => {
    if (polling.has(channel)) return;
    polling.add(channel);
    const tick = (): void => {
      if (channel.readyState !== 'open') return void polling.delete(channel);
      if (channel.bufferedAmount > (thresholds.get(channel) ?? 0)) return void setTimeout(tick, POLL_MS);
      polling.delete(channel);
      channel.dispatchEvent(new Event('bufferedamountlow'));
    };
    setTimeout(tick, POLL_MS);
  };
  const send = proto.send;
  proto.send = function sendAndWatch(this: NodeDataChannel, data: unknown): void {
    send.call(this, data);
    watch(this);
  };
}
