/**
 * A `wrtc` implementation for simple-peer whose data channels are framed
 * (see framed-data-channel.ts), so y-webrtc can sync documents of any size:
 *
 *   new WebrtcProvider(room, doc, { peerOpts: { wrtc: createFramingWrtc(), config: { iceServers: [] } } })
 *
 * Only data channels change; everything else is the browser's own WebRTC.
 */
import { FramedDataChannel, type FramingLogger } from './framed-data-channel';

export interface FramingWrtc {
  readonly RTCPeerConnection: typeof RTCPeerConnection;
  readonly RTCSessionDescription: typeof RTCSessionDescription;
  readonly RTCIceCandidate: typeof RTCIceCandidate;
}

/**
 * `onPeerConnection` sees every connection as it is made, so features that
 * ride on the same connection (the file channel) can add channels of their own.
 */
export function createFramingWrtc(log?: FramingLogger, onPeerConnection?: (pc: RTCPeerConnection) => void): FramingWrtc {
  class FramingPeerConnection extends RTCPeerConnection {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      onPeerConnection?.(this);
      // Registered before anyone else can listen, so `ondatachannel` and every later listener
      // read the wrapped channel: an own property shadows the event's prototype getter.
      super.addEventListener('datachannel', (event) => {
        Object.defineProperty(event, 'channel', { value: new FramedDataChannel(event.channel, log), enumerable: true });
      });
    }

    override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
      // simple-peer only uses the RTCDataChannel surface that FramedDataChannel implements.
      return new FramedDataChannel(super.createDataChannel(label, init), log) as unknown as RTCDataChannel;
    }
  }

  return {
    RTCPeerConnection: FramingPeerConnection,
    RTCSessionDescription,
    RTCIceCandidate,
  };
}
