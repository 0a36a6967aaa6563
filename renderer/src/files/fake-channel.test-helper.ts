/** An in-memory pair of file channels for unit tests: ordered, asynchronous, never full. */
import type { FileChannel } from './file-channel';

export class FakeChannel implements FileChannel {
  private readonly events = new EventTarget();
  readyState: RTCDataChannelState = 'connecting';
  bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  peer: FakeChannel | undefined;
  /** Every frame this end sent, for assertions. */
  readonly sent: Array<string | Uint8Array> = [];
  /** Rewrites outgoing frames (a lying peer); returning undefined drops the frame. */
  tamper: ((data: string | Uint8Array<ArrayBuffer>) => string | Uint8Array<ArrayBuffer> | undefined) | undefined;

  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.events.addEventListener(type, listener as EventListener);
  }

  removeEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.events.removeEventListener(type, listener as EventListener);
  }

  dispatchEvent(event: Event): void {
    this.events.dispatchEvent(event);
  }

  send(data: string | Uint8Array<ArrayBuffer>): void {
    if (this.readyState !== 'open') throw new Error('channel not open');
    this.sent.push(data);
    const out = this.tamper ? this.tamper(data) : data;
    if (out === undefined) return;
    const payload = typeof out === 'string' ? out : out.slice().buffer;
    const peer = this.peer;
    setTimeout(() => {
      if (peer?.readyState === 'open') peer.dispatchEvent(new MessageEvent('message', { data: payload }));
    }, 0);
  }

  open(): void {
    this.readyState = 'open';
    this.dispatchEvent(new Event('open'));
  }

  close(): void {
    for (const end of [this, this.peer]) {
      if (!end || end.readyState === 'closed') continue;
      end.readyState = 'closed';
      end.dispatchEvent(new Event('close'));
    }
  }
}

export function channelPair(): [FakeChannel, FakeChannel] {
  const a = new FakeChannel();
  const b = new FakeChannel();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
