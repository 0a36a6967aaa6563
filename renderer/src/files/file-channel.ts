/**
 * The file channel on a peer connection: a negotiated RTCDataChannel with a
 * fixed id (FILE_CHANNEL_ID) that both sides create themselves, so it needs
 * no extra signaling and never appears as a `datachannel` event to
 * simple-peer. It is created only once the connection has negotiated its
 * data section (signaling stable, SCTP transport present): creating a data
 * channel before that would fire `negotiationneeded` and make simple-peer
 * renegotiate.
 */
import { FILE_CHANNEL_ID, FILE_CHANNEL_LABEL } from '../../../shared/files/protocol';

/** The part of RTCDataChannel the file link uses; tests supply an in-memory pair. */
export interface FileChannel {
  readonly readyState: RTCDataChannelState;
  readonly bufferedAmount: number;
  bufferedAmountLowThreshold: number;
  send(data: string | Uint8Array<ArrayBuffer>): void;
  addEventListener(type: 'open' | 'close' | 'bufferedamountlow', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'open' | 'close' | 'bufferedamountlow', listener: () => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** One channel per connection even if a service is started twice on it: the id can be in use only once. */
const channels = new WeakMap<RTCPeerConnection, RTCDataChannel>();

function dataSectionNegotiated(pc: RTCPeerConnection): boolean {
  if (pc.signalingState !== 'stable') return false;
  if (pc.sctp) return true;
  return pc.remoteDescription?.sdp.includes('m=application') ?? false;
}

/**
 * Calls `onChannel` with the connection's file channel as soon as it can exist;
 * returns a function that stops waiting.
 */
export function whenFileChannel(pc: RTCPeerConnection, onChannel: (channel: RTCDataChannel) => void): () => void {
  const existing = channels.get(pc);
  if (existing) {
    onChannel(existing);
    return () => undefined;
  }
  // Hoisted: the connection may already be negotiated (it is handed over once its peer is proven), so tryOpen runs at once.
  function stop(): void {
    pc.removeEventListener('signalingstatechange', tryOpen);
  }
  const tryOpen = () => {
    if (pc.signalingState === 'closed') return stop();
    if (!dataSectionNegotiated(pc)) return;
    stop();
    // The prototype's method, not the connection's: ours must not be wrapped by the sync channel's framing.
    const channel = RTCPeerConnection.prototype.createDataChannel.call(pc, FILE_CHANNEL_LABEL, { negotiated: true, id: FILE_CHANNEL_ID });
    channel.binaryType = 'arraybuffer';
    channels.set(pc, channel);
    onChannel(channel);
  };
  pc.addEventListener('signalingstatechange', tryOpen);
  tryOpen();
  return stop;
}
