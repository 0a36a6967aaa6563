/**
 * One peer's end of the file channel: handshake, what the peer holds, and
 * serving the pieces it asks for with backpressure. Receiving is left to the
 * service (file-service.ts), which this link calls for every valid message.
 *
 * This is a network edge: a malformed or unexpected message is logged and
 * dropped here; nothing a peer sends can throw into the service.
 */
import { encodeControl, encodeHave, encodePiece, decodeMessage, type ControlMessage, type PieceMessage } from '../../../shared/files/protocol';
import type { FileChannel } from './file-channel';

/** Keeps the channel busy (~60 ms at the 13–17 MiB/s measured here) without piling memory into its buffer. */
export const HIGH_WATER_MARK_BYTES = 1024 * 1024;
/** Refill when the buffer drains to this: wake-ups are batched and the channel never runs dry meanwhile. */
export const LOW_WATER_MARK_BYTES = 256 * 1024;
/** The other side may open its end later; repeat the hello this often until it answers. Also how often a silently closed channel is noticed. */
export const HELLO_RETRY_MS = 1000;
/** Pieces read from the store ahead of sending (512 KiB), so a read's latency overlaps the sending of the one before. */
export const READ_AHEAD_PIECES = 4;
/** Pieces a peer may have asked for and not yet received; an honest receiver's window is far smaller. */
export const MAX_QUEUED_PIECES = 4096;

export interface LinkHost {
  readonly localPeerId: string;
  /** Files this side announces: complete here and referenced by the library. */
  announced(): readonly string[];
  /** Bytes of a piece this side may serve, or undefined when it will not (not referenced, not complete here). */
  servePiece(hash: string, index: number): Promise<Uint8Array | undefined>;
  onPeerChanged(link: PeerLink): void;
  onPiece(link: PeerLink, piece: PieceMessage): void;
  onRefused(link: PeerLink, hash: string): void;
  onClosed(link: PeerLink): void;
  log(message: string, detail?: unknown): void;
}

export class PeerLink {
  /** The peer's id from its hello; undefined until then. */
  remotePeerId: string | undefined;
  readonly remoteHas = new Set<string>();
  private readonly queue: Array<{ hash: string; index: number }> = [];
  private readonly reads = new Map<string, Promise<Uint8Array | undefined>>();
  private pumping = false;
  private closed = false;
  private heardHello = false;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    readonly channel: FileChannel,
    private readonly host: LinkHost,
  ) {
    channel.bufferedAmountLowThreshold = LOW_WATER_MARK_BYTES;
    channel.addEventListener('message', this.onMessage);
    channel.addEventListener('open', this.onOpen);
    channel.addEventListener('close', this.onClose);
    channel.addEventListener('bufferedamountlow', this.onLow);
    this.timer = setInterval(this.tick, HELLO_RETRY_MS);
    if (channel.readyState === 'open') this.onOpen();
  }

  get open(): boolean {
    return !this.closed && this.channel.readyState === 'open';
  }

  /** Asks the peer for pieces from..from+count-1 of a file. */
  want(hash: string, from: number, count: number): void {
    this.sendControl({ t: 'want', hash, from, count });
  }

  stop(hash: string): void {
    this.sendControl({ t: 'stop', hash });
  }

  /** Re-announces what this side holds (a file completed, or the library changed). */
  announce(): void {
    if (!this.open) return;
    for (const message of encodeHave(this.host.announced())) this.channel.send(message);
  }

  /** Stops using the channel without closing it: another service may take it over. */
  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.queue.length = 0;
    this.reads.clear();
    this.channel.removeEventListener('message', this.onMessage);
    this.channel.removeEventListener('open', this.onOpen);
    this.channel.removeEventListener('close', this.onClose);
    this.channel.removeEventListener('bufferedamountlow', this.onLow);
    this.host.onClosed(this);
  }

  private sendControl(message: ControlMessage): void {
    if (this.open) this.channel.send(encodeControl(message));
  }

  private hello(reply: boolean): void {
    this.sendControl({ t: 'hello', v: 1, peer: this.host.localPeerId, reply });
    this.announce();
  }

  private readonly onOpen = () => this.hello(false);
  private readonly onClose = () => this.dispose();
  private readonly onLow = () => void this.pump();

  private readonly tick = () => {
    if (this.channel.readyState === 'closed' || this.channel.readyState === 'closing') this.dispose();
    else if (!this.heardHello && this.channel.readyState === 'open') this.hello(false);
  };

  private readonly onMessage = (event: MessageEvent) => {
    if (this.closed) return;
    const decoded = decodeMessage(event.data);
    if (!decoded.ok) {
      this.host.log('File channel: dropped a malformed message from a peer', decoded.problem);
      return;
    }
    const message = decoded.message;
    if (message.t !== 'hello' && !this.heardHello) {
      this.host.log('File channel: dropped a message that came before the hello', message.t);
      return;
    }
    switch (message.t) {
      case 'hello':
        this.heardHello = true;
        if (this.remotePeerId !== message.peer) this.remoteHas.clear();
        this.remotePeerId = message.peer;
        if (!message.reply) this.hello(true);
        this.host.onPeerChanged(this);
        return;
      case 'have':
        if (message.reset) this.remoteHas.clear();
        for (const hash of message.hashes) this.remoteHas.add(hash);
        this.host.onPeerChanged(this);
        return;
      case 'want':
        if (this.queue.length + message.count > MAX_QUEUED_PIECES) {
          this.host.log('File channel: a peer asked for more pieces than it may have outstanding', message.count);
          return;
        }
        for (let index = message.from; index < message.from + message.count; index++) this.queue.push({ hash: message.hash, index });
        void this.pump();
        return;
      case 'stop':
        this.dropQueued(message.hash);
        return;
      case 'none':
        this.remoteHas.delete(message.hash);
        this.host.onRefused(this, message.hash);
        return;
      case 'piece':
        this.host.onPiece(this, message);
        return;
    }
  };

  private dropQueued(hash: string): void {
    const keep = this.queue.filter((item) => item.hash !== hash);
    this.queue.length = 0;
    this.queue.push(...keep);
    for (const key of this.reads.keys()) if (key.startsWith(hash)) this.reads.delete(key);
  }

  /** The read of a queued piece, started now if it was not started yet. */
  private read(hash: string, index: number): Promise<Uint8Array | undefined> {
    const key = `${hash}:${index}`;
    let read = this.reads.get(key);
    if (!read) {
      read = this.host.servePiece(hash, index);
      read.catch(() => undefined); // observed where it is awaited; a dropped read must not surface as unhandled
      this.reads.set(key, read);
    }
    return read;
  }

  /** Sends queued pieces while the channel's buffer has room; one loop at a time, so pieces leave in the order asked. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.open && this.queue.length > 0 && this.channel.bufferedAmount < HIGH_WATER_MARK_BYTES) {
        const { hash, index } = this.queue[0] as { hash: string; index: number };
        for (const ahead of this.queue.slice(1, READ_AHEAD_PIECES)) void this.read(ahead.hash, ahead.index);
        const bytes = await this.read(hash, index);
        this.reads.delete(`${hash}:${index}`);
        if (!this.open) return;
        if (this.queue[0]?.hash !== hash || this.queue[0].index !== index) continue; // stopped meanwhile
        this.queue.shift();
        if (bytes) {
          this.channel.send(encodePiece(hash, index, bytes));
        } else {
          this.dropQueued(hash);
          this.sendControl({ t: 'none', hash });
        }
      }
    } catch (error) {
      this.host.log('File channel: could not serve a piece', error);
      this.queue.length = 0;
      this.reads.clear();
    } finally {
      this.pumping = false;
    }
  }
}
