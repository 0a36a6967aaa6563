/**
 * Receiving one file: ask one peer that holds it for a window of pieces,
 * hash them in order as they arrive, write them to the store behind the
 * hasher, and check the whole against the file's hash before the store may
 * call it complete. Memory is bounded by the window: pieces are only asked
 * for while fewer than WINDOW_PIECES are asked-for-but-not-yet-stored.
 *
 * Pieces come from one peer at a time, in order, so the stored prefix and
 * the hasher always agree. When that peer goes (closed channel, refusal,
 * silence) another one continues from the next piece; after a reload the
 * download starts from the stored prefix, re-hashing it first.
 *
 * The only proof of content is the whole-file hash, so a mismatch cannot
 * say which piece was wrong: every stored piece is discarded, every peer
 * that supplied some is marked bad for this file, and the file is fetched
 * again from another peer.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { PIECE_BYTES, bytesInPrefix, nextRequest, pieceCount, pieceLength } from '../../../shared/files/chunking';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { PieceMessage } from '../../../shared/files/protocol';
import type { StroomkringDatabase } from '../storage/database';
import { classifyStorageError } from '../storage/storage-errors';
import { appendPieces, discardFile, ensureFileRow, forEachStoredPiece, markComplete } from './file-store';
import type { PeerLink } from './peer-link';

/** 32 pieces = 4 MiB outstanding: ~250 ms at the measured raw rate, enough to keep the channel full while writes commit. */
export const WINDOW_PIECES = 32;
/** Ask in batches of 1 MiB, so a window is refilled by a handful of messages, not one per piece. */
export const WANT_BATCH_PIECES = 8;
/** A source that delivers nothing for this long while pieces are outstanding is given up (another, or the same later, takes over). */
export const STALL_MS = 15_000;

export type TransferPhase = 'waiting-for-peer' | 'receiving' | 'verifying' | 'failed';
export type TransferProblem = 'mismatch' | 'disk-full' | 'storage';

export interface TransferState {
  readonly phase: TransferPhase;
  readonly problem?: TransferProblem;
  readonly receivedBytes: number;
}

export interface DownloadHost {
  readonly db: StroomkringDatabase;
  /** Open links whose peer announced this file and is not marked bad for it. */
  sources(hash: string): PeerLink[];
  markBad(hash: string, peerId: string): void;
  report(hash: string, state: TransferState): void;
  completed(hash: string): void;
  /** The stored file changed under this download (another writer); start a fresh one. */
  restart(hash: string): void;
  log(message: string, detail?: unknown): void;
}

export class Download {
  private source: PeerLink | undefined;
  private readonly contributors = new Set<string>();
  private hasher = sha256.create();
  private stored = 0;
  /** Index of the next piece expected; pieces before it are hashed, and stored or waiting to be. */
  private received = 0;
  private requestedUpTo = 0;
  private pending: Blob[] = [];
  private writing = false;
  private finished = false;
  /** Until the stored prefix is re-hashed, no source may be asked: the position is not known yet. */
  private started = false;
  private lastPieceAt = Date.now();
  private problem: TransferProblem | undefined;
  private readonly total: number;

  constructor(
    private readonly host: DownloadHost,
    readonly hash: string,
    readonly size: number,
  ) {
    this.total = pieceCount(size, PIECE_BYTES);
  }

  get done(): boolean {
    return this.finished;
  }

  async start(): Promise<void> {
    try {
      const row = await ensureFileRow(this.host.db, this.hash, this.size);
      if (row.complete) return this.finish();
      this.report('receiving');
      await forEachStoredPiece(this.host.db, this.hash, row.storedChunks, (bytes) => this.hasher.update(bytes));
      this.stored = this.received = this.requestedUpTo = row.storedChunks;
      this.started = true;
      if (this.finished) return;
      if (this.stored === this.total) return await this.verify();
      this.pickSource();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Someone asked for peers again, or a peer's holdings changed. */
  peersChanged(): void {
    if (this.started && !this.finished && !this.source) this.pickSource();
  }

  lost(link: PeerLink): void {
    if (link !== this.source) return;
    this.source = undefined;
    this.requestedUpTo = this.received;
    if (this.started && !this.finished) this.pickSource();
  }

  /** Gives up a source that went silent; called periodically by the service. */
  checkStall(now: number): void {
    if (this.finished || !this.source || this.requestedUpTo <= this.received || now - this.lastPieceAt < STALL_MS) return;
    this.host.log('File transfer: a peer stopped sending; asking again', this.hash);
    const stalled = this.source;
    stalled.stop(this.hash);
    this.lost(stalled);
  }

  cancel(): void {
    this.finished = true;
    this.source?.stop(this.hash);
    this.source = undefined;
  }

  onPiece(link: PeerLink, piece: PieceMessage): void {
    if (this.finished) return;
    if (link !== this.source || piece.index !== this.received || piece.index >= this.requestedUpTo) {
      this.host.log('File transfer: dropped a piece that was not asked for', { hash: this.hash, index: piece.index });
      return;
    }
    if (piece.data.byteLength !== pieceLength(this.size, piece.index)) {
      this.host.log('File transfer: a peer sent a piece of the wrong length; trying another', { hash: this.hash, index: piece.index });
      if (link.remotePeerId) this.host.markBad(this.hash, link.remotePeerId);
      link.stop(this.hash);
      this.lost(link);
      return;
    }
    this.hasher.update(piece.data);
    // A Blob holds the bytes outside the JavaScript heap until the write commits. Measured cost: Chromium's browser
    // process keeps a page-made Blob's bytes until this page's garbage collector drops the wrapper (+450 MiB browser
    // RSS for 200 MiB; storing Uint8Arrays instead costs +5 MiB but then every read of a piece lands in page memory).
    this.pending.push(new Blob([piece.data as Uint8Array<ArrayBuffer>]));
    if (link.remotePeerId) this.contributors.add(link.remotePeerId);
    this.received += 1;
    this.lastPieceAt = Date.now();
    this.report('receiving');
    void this.flush();
  }

  private pickSource(): void {
    const candidates = this.host.sources(this.hash);
    this.source = candidates[Math.floor(Math.random() * candidates.length)];
    if (!this.source) {
      this.report('waiting-for-peer');
      return;
    }
    this.requestedUpTo = this.received;
    this.lastPieceAt = Date.now();
    this.report('receiving');
    this.fill();
  }

  private fill(): void {
    if (!this.source || this.finished) return;
    const next = nextRequest(this.size, this.stored, this.requestedUpTo, WINDOW_PIECES);
    if (!next || (next.count < WANT_BATCH_PIECES && next.from + next.count < this.total)) return;
    this.source.want(this.hash, next.from, next.count);
    this.requestedUpTo = next.from + next.count;
  }

  private async flush(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.pending.length > 0 && !this.finished) {
        const batch = this.pending;
        this.pending = [];
        const stored = await appendPieces(this.host.db, this.hash, this.stored, batch);
        if (stored === undefined) {
          this.finished = true;
          this.host.restart(this.hash);
          return;
        }
        this.stored = stored;
        this.fill();
      }
      if (!this.finished && this.stored === this.total) await this.verify();
    } catch (error) {
      this.fail(error);
    } finally {
      this.writing = false;
    }
  }

  private async verify(): Promise<void> {
    this.report('verifying');
    const digest = bytesToHex(this.hasher.digest());
    if (digest === this.hash) {
      await markComplete(this.host.db, this.hash);
      return this.finish();
    }
    this.host.log('File transfer: received bytes do not match the file hash; discarding and fetching elsewhere', { hash: this.hash, from: [...this.contributors] });
    for (const peer of this.contributors) this.host.markBad(this.hash, peer);
    this.problem = 'mismatch';
    this.source?.stop(this.hash);
    this.source = undefined;
    await discardFile(this.host.db, this.hash);
    await ensureFileRow(this.host.db, this.hash, this.size);
    this.hasher = sha256.create();
    this.contributors.clear();
    this.stored = this.received = this.requestedUpTo = 0;
    this.pickSource();
  }

  private finish(): void {
    this.finished = true;
    this.source = undefined;
    this.host.completed(this.hash);
  }

  private fail(error: unknown): void {
    this.host.log('File transfer failed', error);
    this.cancel();
    this.problem = classifyStorageError(error) === 'quota' ? 'disk-full' : 'storage';
    this.report('failed');
  }

  private report(phase: TransferPhase): void {
    const state: TransferState = { phase, receivedBytes: bytesInPrefix(this.size, this.received) };
    this.host.report(this.hash, this.problem ? { ...state, problem: this.problem } : state);
  }
}
