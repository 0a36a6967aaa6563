/**
 * A `wrtc` implementation for simple-peer whose data channels are framed
 * (see framed-data-channel.ts), so y-webrtc can sync documents of any size:
 *
 *   new WebrtcProvider(room, doc, { peerOpts: { wrtc: createFramingWrtc(), config: { iceServers: [] } } })
 *
 * Only data channels change; everything else is the platform's own WebRTC:
 * the browser's, or in Node (the region peer) a package's, passed as `base`.
 */
import { FramedDataChannel, type FramingLogger } from './framed-data-channel';

export interface FramingWrtc {
  readonly RTCPeerConnection: typeof RTCPeerConnection;
  readonly RTCSessionDescription: typeof RTCSessionDescription;
  readonly RTCIceCandidate: typeof RTCIceCandidate;
}

/** The browser's WebRTC; undefined where there is none (Node). */
export function platformWrtc(): FramingWrtc | undefined {
  const scope = globalThis as Partial<FramingWrtc>;
  const { RTCPeerConnection, RTCSessionDescription, RTCIceCandidate } = scope;
  return RTCPeerConnection && RTCSessionDescription && RTCIceCandidate ? { RTCPeerConnection, RTCSessionDescription, RTCIceCandidate } : undefined;
}

/**
 * Sees every connection from creation to close (connection-routes.ts reads
 * why attempts fail). `closing` comes before the close: a connection closed
 * locally fires no event of its own.
 */
export interface PeerConnectionObserver {
  created?(pc: RTCPeerConnection): void;
  closing?(pc: RTCPeerConnection): void;
}

export function createFramingWrtc(log?: FramingLogger, observer?: PeerConnectionObserver, base: FramingWrtc | undefined = platformWrtc()): FramingWrtc {
  if (!base) throw new Error('no WebRTC here: pass an implementation (in Node, @roamhq/wrtc)');
  class FramingPeerConnection extends base.RTCPeerConnection {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      observer?.created?.(this);
      // Registered before anyone else can listen, so `ondatachannel` and every later listener
      // read the wrapped channel: an own property shadows the event's prototype getter.
      super.addEventListener('datachannel', (event) => {
        if (event.channel instanceof FramedDataChannel) return;
        Object.defineProperty(event, 'channel', { value: new FramedDataChannel(event.channel, log), enumerable: true });
      });
    }

    /**
     * Node's WebRTC (@roamhq/wrtc) dispatches its events from JavaScript, with
     * `channel` an own read-only property the listener above cannot shadow: a
     * stand-in with the framed channel goes out instead. (A browser's
     * RTCPeerConnection dispatches natively and never calls this.)
     */
    override dispatchEvent(event: Event): boolean {
      const channel = (event as Partial<RTCDataChannelEvent>).channel;
      if (event.type !== 'datachannel' || channel === undefined || channel instanceof FramedDataChannel) return super.dispatchEvent(event);
      return super.dispatchEvent(Object.create(event, { channel: { value: new FramedDataChannel(channel, log), enumerable: true } }) as Event);
    }

    override close(): void {
      if (this.signalingState !== 'closed') observer?.closing?.(this);
      super.close();
    }

    override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
      // simple-peer only uses the RTCDataChannel surface that FramedDataChannel implements.
      return new FramedDataChannel(super.createDataChannel(label, init), log) as unknown as RTCDataChannel;
    }
  }

  return {
    RTCPeerConnection: FramingPeerConnection,
    RTCSessionDescription: base.RTCSessionDescription,
    RTCIceCandidate: base.RTCIceCandidate,
  };
}
