/**
 * The Node WebRTC (@roamhq/wrtc) fires no `bufferedamountlow` of its own:
 * with the emulation, a channel reports its buffer draining, and the
 * framing delivers a message many times its high water mark, as it must
 * when the region peer serves a large workspace. Two real connections in
 * this process, host candidates only.
 */
import wrtc from '@roamhq/wrtc';
import { afterEach, describe, expect, it } from 'vitest';
import { createFramingWrtc, type FramingWrtc } from '../../shared/sync/webrtc/framing-peer-connection';
import { HIGH_WATER_MARK_BYTES } from '../../shared/sync/webrtc/framed-data-channel';
import { emulateBufferedAmountLow } from './buffered-amount-low';

const open: RTCPeerConnection[] = [];
afterEach(() => {
  for (const pc of open.splice(0)) pc.close();
});

/** A connected pair with one channel; `Wrtc` makes both ends. */
async function pair(Wrtc: FramingWrtc): Promise<{ sender: RTCDataChannel; receiver: Promise<RTCDataChannel> }> {
  const a = new Wrtc.RTCPeerConnection({ iceServers: [] });
  const b = new Wrtc.RTCPeerConnection({ iceServers: [] });
  open.push(a, b);
  a.addEventListener('icecandidate', (event) => void (event.candidate && b.addIceCandidate(event.candidate)));
  b.addEventListener('icecandidate', (event) => void (event.candidate && a.addIceCandidate(event.candidate)));
  const receiver = new Promise<RTCDataChannel>((resolve) => b.addEventListener('datachannel', (event) => resolve(event.channel)));
  const sender = a.createDataChannel('test');
  sender.binaryType = 'arraybuffer';
  const opened = new Promise((resolve) => sender.addEventListener('open', resolve));
  await a.setLocalDescription(await a.createOffer());
  await b.setRemoteDescription(a.localDescription as RTCSessionDescriptionInit);
  await b.setLocalDescription(await b.createAnswer());
  await a.setRemoteDescription(b.localDescription as RTCSessionDescriptionInit);
  await opened;
  return { sender, receiver };
}

describe('bufferedamountlow in Node', () => {
  emulateBufferedAmountLow(wrtc.RTCDataChannel);

  it('fires once a burst above the threshold has drained to it', async () => {
    const { sender } = await pair(wrtc as unknown as FramingWrtc);
    const threshold = 64 * 1024;
    let bufferedWhenFired: number | undefined;
    sender.addEventListener('bufferedamountlow', () => (bufferedWhenFired = sender.bufferedAmount));
    sender.bufferedAmountLowThreshold = threshold;
    expect(sender.bufferedAmountLowThreshold).toBe(threshold);
    for (let i = 0; i < 64; i++) sender.send(new Uint8Array(64 * 1024));
    await expect.poll(() => bufferedWhenFired, { timeout: 10_000 }).toBeDefined();
    expect(bufferedWhenFired).toBeLessThanOrEqual(threshold);
  });

  it('lets the framing deliver a message of many times its high water mark', async () => {
    const { sender, receiver } = await pair(createFramingWrtc(undefined, undefined, wrtc as unknown as FramingWrtc));
    const size = 6 * HIGH_WATER_MARK_BYTES;
    const arrived = receiver.then(
      (channel) =>
        new Promise<number>((resolve) => {
          channel.binaryType = 'arraybuffer';
          channel.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => resolve(event.data.byteLength));
        }),
    );
    const message = new Uint8Array(size);
    message[size - 1] = 7;
    sender.send(message);
    expect(await arrived).toBe(size);
  }, 30_000);
});
