/**
 * File transfer for one library (the workspace's, or one confidential
 * room's) over the peer connections of that library's own sync: it serves
 * and fetches only files the library refers to, so a room's file is never
 * offered over the workspace's connections and the other way round.
 *
 * Files the library refers to that are no larger than the automatic limit
 * are fetched as soon as a peer has them; larger ones when someone calls
 * `request`. State per file is published for the UI through `subscribe`.
 */
import type * as Y from 'yjs';
import type { PieceMessage } from '../../../shared/files/protocol';
import { recordStoreOf } from '../../../shared/read-model/record-store';
import { filesReferencedBy, libraryRecords, type LibraryDocument, type LibraryScope } from '../../../shared/workspace-doc/documents';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';
import type { StroomkringDatabase } from '../storage/database';
import { Download, type DownloadHost, type TransferState } from './download';
import { DEFAULT_FILE_SETTINGS, type FileSettings } from './file-settings-store';
import { onFileCompleted, readPiece } from './file-store';
import { whenFileChannel, type FileChannel } from './file-channel';
import { PeerLink, type LinkHost } from './peer-link';

/** A burst of library changes (or a big initial sync) is looked at once per this. */
const LIBRARY_DEBOUNCE_MS = 250;
/** How often stalled sources are looked for. */
const WATCHDOG_MS = 2_000;
/** Files received at once; more would split one peer's bandwidth without finishing anything sooner. */
const MAX_CONCURRENT_DOWNLOADS = 2;

export interface FileServiceOptions {
  readonly db: StroomkringDatabase;
  readonly doc: Y.Doc;
  readonly scope: LibraryScope;
  readonly settings?: FileSettings;
  readonly peerId?: string;
  readonly log?: (message: string, detail?: unknown) => void;
}

export class FileService implements LinkHost, DownloadHost {
  readonly db: StroomkringDatabase;
  readonly localPeerId: string;
  /** The library's records in the read model: validated once, shared with the library screen. */
  private readonly library: () => readonly ReadResult<LibraryDocument>[];
  private readonly stopLibrary: () => void;
  private settings: FileSettings;
  private readonly links = new Set<PeerLink>();
  private referenced = new Map<string, number>();
  private complete = new Set<string>();
  private readonly requested = new Set<string>();
  private readonly downloads = new Map<string, Download>();
  private readonly states = new Map<string, TransferState>();
  private readonly bad = new Map<string, Set<string>>();
  private readonly listeners = new Set<() => void>();
  private readonly mismatchListeners = new Set<(hash: string) => void>();
  private readonly stopWaiting = new Set<() => void>();
  private readonly logger: (message: string, detail?: unknown) => void;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private readonly watchdog: ReturnType<typeof setInterval>;
  private readonly stopCompletions: () => void;
  private destroyed = false;
  /** Resolves when the library has been read at least once. */
  readonly ready: Promise<void>;

  constructor(options: FileServiceOptions) {
    this.db = options.db;
    const store = recordStoreOf(options.doc);
    const records = libraryRecords(options.scope);
    this.library = () => store.collection(records).list;
    this.stopLibrary = store.subscribe(records, this.onLibraryChange);
    this.settings = options.settings ?? DEFAULT_FILE_SETTINGS;
    this.localPeerId = options.peerId ?? crypto.randomUUID();
    this.logger = options.log ?? ((message, detail) => console.warn(message, detail));
    this.watchdog = setInterval(() => {
      const now = Date.now();
      for (const download of this.downloads.values()) download.checkStall(now);
    }, WATCHDOG_MS);
    this.stopCompletions = onFileCompleted((db, hash) => {
      if (db !== this.db || this.complete.has(hash)) return;
      this.downloads.get(hash)?.cancel();
      this.completed(hash);
    });
    this.ready = this.refreshLibrary();
  }

  // ---- wiring -------------------------------------------------------------

  /** Uses this peer connection's file channel once it can exist. */
  attachPeerConnection(pc: RTCPeerConnection): void {
    if (this.destroyed) return;
    // The channel may exist at once (the connection is handed over once its peer is proven): then there is nothing to stop.
    let opened = false;
    const stop = whenFileChannel(pc, (channel) => {
      opened = true;
      this.attachChannel(channel);
    });
    if (!opened) this.stopWaiting.add(stop);
  }

  attachChannel(channel: FileChannel): PeerLink | undefined {
    if (this.destroyed) return undefined;
    const link = new PeerLink(channel, this);
    this.links.add(link);
    return link;
  }

  setSettings(settings: FileSettings): void {
    this.settings = settings;
    this.startWanted();
  }

  /** Fetch this file even though it is above the automatic limit (or retry after a failure). */
  request(hash: string): void {
    if (!this.referenced.has(hash)) return;
    this.requested.add(hash);
    const download = this.downloads.get(hash);
    if (download?.done) this.downloads.delete(hash);
    else download?.peersChanged();
    this.startWanted();
  }

  transferState(hash: string): TransferState | undefined {
    return this.states.get(hash);
  }

  /** Called when a peer's bytes for a file failed verification (they were discarded). */
  onMismatch(listener: (hash: string) => void): () => void {
    this.mismatchListeners.add(listener);
    return () => this.mismatchListeners.delete(listener);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopLibrary();
    this.stopCompletions();
    clearTimeout(this.debounce);
    clearInterval(this.watchdog);
    for (const stop of this.stopWaiting) stop();
    for (const download of this.downloads.values()) download.cancel();
    for (const link of [...this.links]) link.dispose();
    this.listeners.clear();
    this.mismatchListeners.clear();
  }

  // ---- the library --------------------------------------------------------

  private readonly onLibraryChange = () => {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.refreshLibrary(), LIBRARY_DEBOUNCE_MS);
  };

  private async refreshLibrary(): Promise<void> {
    const referenced = filesReferencedBy(this.library());
    const hashes = [...referenced.keys()];
    const rows = await this.db.files.bulkGet(hashes);
    if (this.destroyed) return;
    this.referenced = referenced;
    this.complete = new Set(rows.filter((row) => row?.complete).map((row) => row!.hash));
    // A partly received file was asked for before (automatically or by the user): after a reload it continues by itself.
    for (const row of rows) if (row && !row.complete) this.requested.add(row.hash);
    for (const [hash, download] of this.downloads) {
      if (!referenced.has(hash)) {
        download.cancel();
        this.downloads.delete(hash);
        this.setState(hash, undefined);
      }
    }
    this.announceAll();
    this.startWanted();
  }

  private announceAll(): void {
    for (const link of this.links) link.announce();
  }

  private startWanted(): void {
    if (this.destroyed) return;
    let active = [...this.downloads.values()].filter((d) => !d.done).length;
    for (const [hash, size] of this.referenced) {
      if (active >= MAX_CONCURRENT_DOWNLOADS) break;
      if (this.complete.has(hash) || this.downloads.has(hash)) continue;
      if (size > this.settings.autoDownloadBytes && !this.requested.has(hash)) continue;
      const download = new Download(this, hash, size);
      this.downloads.set(hash, download);
      active += 1;
      void download.start();
    }
  }

  // ---- LinkHost -----------------------------------------------------------

  announced(): string[] {
    return [...this.referenced.keys()].filter((hash) => this.complete.has(hash));
  }

  async servePiece(hash: string, index: number): Promise<Uint8Array | undefined> {
    if (!this.referenced.has(hash) || !this.complete.has(hash)) return undefined;
    return readPiece(this.db, hash, index);
  }

  onPeerChanged(): void {
    for (const download of this.downloads.values()) download.peersChanged();
  }

  onPiece(link: PeerLink, piece: PieceMessage): void {
    const download = this.downloads.get(piece.hash);
    if (download) download.onPiece(link, piece);
    else this.log('File channel: dropped a piece of a file not being fetched', piece.hash);
  }

  onRefused(link: PeerLink, hash: string): void {
    this.downloads.get(hash)?.lost(link);
  }

  onClosed(link: PeerLink): void {
    this.links.delete(link);
    for (const download of this.downloads.values()) download.lost(link);
  }

  log(message: string, detail?: unknown): void {
    this.logger(message, detail);
  }

  // ---- DownloadHost -------------------------------------------------------

  sources(hash: string): PeerLink[] {
    const bad = this.bad.get(hash);
    return [...this.links].filter((link) => link.open && link.remoteHas.has(hash) && link.remotePeerId !== undefined && !bad?.has(link.remotePeerId));
  }

  markBad(hash: string, peerId: string): void {
    const set = this.bad.get(hash) ?? new Set<string>();
    set.add(peerId);
    this.bad.set(hash, set);
  }

  report(hash: string, state: TransferState): void {
    const before = this.states.get(hash);
    this.setState(hash, state);
    if (state.problem === 'mismatch' && before?.problem !== 'mismatch') for (const listener of this.mismatchListeners) listener(hash);
  }

  completed(hash: string): void {
    this.downloads.delete(hash);
    this.requested.delete(hash);
    this.complete.add(hash);
    this.setState(hash, undefined);
    this.announceAll();
    this.startWanted();
  }

  restart(hash: string): void {
    this.downloads.delete(hash);
    void this.refreshLibrary();
  }

  private setState(hash: string, state: TransferState | undefined): void {
    if (state) this.states.set(hash, state);
    else this.states.delete(hash);
    for (const listener of this.listeners) listener();
  }
}
