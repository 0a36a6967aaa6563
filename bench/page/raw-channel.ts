/**
 * Baseline side of the benchmark page: one plain RTCDataChannel (no framing,
 * no Yjs) between two browser processes, SDP relayed by the Node side. The
 * sender keeps the channel full with fixed-size messages under water marks
 * chosen by the Node side (the framing layer's own, so the baseline is the
 * best the sync path could do with the same backpressure).
 */
const CONFIG: RTCConfiguration = { iceServers: [] };

let pc: RTCPeerConnection | null = null;
let channel: RTCDataChannel | null = null;
let arrival: Promise<number> | null = null;

function attach(ch: RTCDataChannel): void {
  ch.binaryType = 'arraybuffer';
  channel = ch;
}

/** Waits for ICE gathering, so one offer/answer round carries every (host) candidate. */
async function gathered(conn: RTCPeerConnection): Promise<string> {
  if (conn.iceGatheringState !== 'complete') {
    await new Promise<void>((resolve) => {
      conn.addEventListener('icegatheringstatechange', () => {
        if (conn.iceGatheringState === 'complete') resolve();
      });
    });
  }
  return JSON.stringify(conn.localDescription);
}

function deadline(timeoutMs: number, what: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no result after ${timeoutMs} ms`)), timeoutMs));
}

export async function rawOffer(): Promise<string> {
  pc = new RTCPeerConnection(CONFIG);
  attach(pc.createDataChannel('bench-raw'));
  await pc.setLocalDescription(await pc.createOffer());
  return gathered(pc);
}

export async function rawAnswer(offer: string): Promise<string> {
  pc = new RTCPeerConnection(CONFIG);
  pc.addEventListener('datachannel', (ev) => attach(ev.channel));
  await pc.setRemoteDescription(JSON.parse(offer) as RTCSessionDescriptionInit);
  await pc.setLocalDescription(await pc.createAnswer());
  return gathered(pc);
}

export async function rawAccept(answer: string): Promise<void> {
  if (!pc) throw new Error('rawAccept before rawOffer');
  await pc.setRemoteDescription(JSON.parse(answer) as RTCSessionDescriptionInit);
}

export async function rawOpened(timeoutMs: number): Promise<void> {
  const opened = (async () => {
    while (channel?.readyState !== 'open') await new Promise((resolve) => setTimeout(resolve, 20));
  })();
  await Promise.race([opened, deadline(timeoutMs, 'raw channel open')]);
}

/** Starts counting incoming bytes; separate from rawArrived so the listener is in place before the sender starts. */
export function rawListen(totalBytes: number, timeoutMs: number): void {
  const ch = channel;
  if (!ch) throw new Error('rawListen without a channel');
  let got = 0;
  const done = new Promise<number>((resolve) => {
    ch.onmessage = (ev: MessageEvent<ArrayBuffer>) => {
      got += ev.data.byteLength;
      if (got >= totalBytes) resolve(Date.now());
    };
  });
  arrival = Promise.race([done, deadline(timeoutMs, `raw receive (${got} of ${totalBytes} bytes)`)]);
  // Keep an unobserved timeout from surfacing as an unhandled rejection; rawArrived reports it.
  arrival.catch(() => undefined);
}

/** Resolves with the time (ms since epoch) the last byte arrived. */
export function rawArrived(): Promise<number> {
  if (!arrival) throw new Error('rawArrived before rawListen');
  return arrival;
}

export interface RawSendOptions {
  readonly totalBytes: number;
  readonly messageBytes: number;
  /** Stop handing messages to the channel while its bufferedAmount is at least this. */
  readonly highWaterBytes: number;
  /** Resume when bufferedAmount drains to this ('bufferedamountlow'). */
  readonly lowWaterBytes: number;
  readonly timeoutMs: number;
}

/** Sends `totalBytes` as `messageBytes`-sized messages; resolves with the start time once all are handed to the channel. */
export async function rawSend({ totalBytes, messageBytes, highWaterBytes, lowWaterBytes, timeoutMs }: RawSendOptions): Promise<number> {
  const ch = channel;
  if (!ch) throw new Error('rawSend without a channel');
  const message = new Uint8Array(messageBytes);
  // getRandomValues fills at most 64 KiB per call; messages may be larger (the file channel's are 128 KiB + header).
  for (let offset = 0; offset < messageBytes; offset += 65_536) crypto.getRandomValues(message.subarray(offset, Math.min(messageBytes, offset + 65_536)));
  ch.bufferedAmountLowThreshold = lowWaterBytes;
  const startedAt = Date.now();
  const giveUp = startedAt + timeoutMs;
  for (let sent = 0; sent < totalBytes; ) {
    for (; ch.bufferedAmount < highWaterBytes && sent < totalBytes; sent += messageBytes) ch.send(message);
    if (sent >= totalBytes) break;
    if (Date.now() > giveUp) throw new Error(`raw send: ${sent} of ${totalBytes} bytes after ${timeoutMs} ms`);
    await new Promise((resolve) => ch.addEventListener('bufferedamountlow', resolve, { once: true }));
  }
  return startedAt;
}

export function rawClose(): void {
  channel?.close();
  pc?.close();
  channel = null;
  pc = null;
}
