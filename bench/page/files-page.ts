/**
 * Entry of the file-transfer benchmark page (bundled by bench/harness.ts).
 * It wires the app's real file store and file service to one plain
 * RTCPeerConnection whose SDP the Node side relays, as y-webrtc's would be:
 * a small channel makes the data section, and the service adds its own
 * negotiated file channel once signaling is stable, as in the app.
 */
import * as Y from 'yjs';
import { PIECE_BYTES } from '../../shared/files/chunking';
import { pseudoRandomBytes } from '../../shared/sync/pseudo-random-bytes';
import { addDocument } from '../../shared/workspace-doc/documents';
import { WINDOW_PIECES } from '../../renderer/src/files/download';
import { FileService } from '../../renderer/src/files/file-service';
import { onFileCompleted, storeLocalFile } from '../../renderer/src/files/file-store';
import { openDatabase, type StroomkringDatabase } from '../../renderer/src/storage/database';

const CONFIG: RTCConfiguration = { iceServers: [] };
/** Blocks of the generated file; each is seeded differently so the file does not repeat. */
const BLOCK_BYTES = 8 * 1024 * 1024;

let db: StroomkringDatabase | null = null;
let service: FileService | null = null;
let pc: RTCPeerConnection | null = null;
let warnings = 0;

function libraryFor(hash: string, size: number): Y.Doc {
  const doc = new Y.Doc();
  addDocument(doc, 'workspace', { title: 'Bench', description: '', tags: [], organisationId: 'bench', sensitivity: 'intern' }, { hash, size, type: 'application/octet-stream', fileName: 'bench.bin', addedAt: 1, addedBy: 'bench' }, 'bench');
  return doc;
}

function startService(hash: string, size: number): void {
  db ??= openDatabase(`bench-files-${crypto.randomUUID()}`);
  // Automatic fetching off: the receiver starts when the Node side says so, and the clock starts with it.
  service = new FileService({
    db,
    doc: libraryFor(hash, size),
    scope: 'workspace',
    settings: { autoDownloadBytes: 0, hardLimitBytes: 2 ** 40 },
    log: (message, detail) => {
      warnings += 1;
      console.warn(message, detail);
    },
  });
}

async function gathered(conn: RTCPeerConnection): Promise<string> {
  if (conn.iceGatheringState !== 'complete') {
    await new Promise<void>((resolve) => conn.addEventListener('icegatheringstatechange', () => conn.iceGatheringState === 'complete' && resolve()));
  }
  return JSON.stringify(conn.localDescription);
}

/** Sender: generates and stores the file with the app's store; returns its hash and how long adding it took. */
async function filesPrepareSender(size: number): Promise<{ hash: string; storeSeconds: number }> {
  const blocks: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0, seed = 1; offset < size; offset += BLOCK_BYTES, seed++) blocks.push(pseudoRandomBytes(Math.min(BLOCK_BYTES, size - offset), seed * 7919));
  db = openDatabase(`bench-files-${crypto.randomUUID()}`);
  const started = performance.now();
  const { hash } = await storeLocalFile(db, new File(blocks, 'bench.bin'), { hardLimitBytes: 2 ** 40 });
  const storeSeconds = (performance.now() - started) / 1000;
  startService(hash, size);
  await service?.ready;
  return { hash, storeSeconds };
}

async function filesPrepareReceiver(hash: string, size: number): Promise<void> {
  startService(hash, size);
  await service?.ready;
}

async function filesOffer(): Promise<string> {
  pc = new RTCPeerConnection(CONFIG);
  pc.createDataChannel('sync');
  service?.attachPeerConnection(pc);
  await pc.setLocalDescription(await pc.createOffer());
  return gathered(pc);
}

async function filesAnswer(offer: string): Promise<string> {
  pc = new RTCPeerConnection(CONFIG);
  service?.attachPeerConnection(pc);
  await pc.setRemoteDescription(JSON.parse(offer) as RTCSessionDescriptionInit);
  await pc.setLocalDescription(await pc.createAnswer());
  return gathered(pc);
}

async function filesAccept(answer: string): Promise<void> {
  if (!pc) throw new Error('filesAccept before filesOffer');
  await pc.setRemoteDescription(JSON.parse(answer) as RTCSessionDescriptionInit);
}

/** Resolves once the peer has announced the file (handshake done), so the timed part is the transfer only. */
async function filesPeerReady(hash: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!service || service.sources(hash).length === 0) {
    if (Date.now() > end) throw new Error('file channel handshake did not complete');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Receiver: asks for the file and resolves with start and end times (ms since epoch) once it is stored and verified. */
async function filesFetch(hash: string, timeoutMs: number): Promise<{ startedAt: number; completedAt: number; warnings: number }> {
  const current = service;
  if (!current) throw new Error('filesFetch before filesPrepareReceiver');
  const done = new Promise<number>((resolve, reject) => {
    const stop = onFileCompleted((_, completed) => {
      if (completed !== hash) return;
      stop();
      resolve(Date.now());
    });
    setTimeout(() => reject(new Error(`not complete after ${timeoutMs} ms: ${JSON.stringify(current.transferState(hash))}`)), timeoutMs);
  });
  const startedAt = Date.now();
  current.request(hash);
  const completedAt = await done;
  return { startedAt, completedAt, warnings };
}

function filesConstants(): { pieceBytes: number; windowPieces: number } {
  return { pieceBytes: PIECE_BYTES, windowPieces: WINDOW_PIECES };
}

const api = { filesPrepareSender, filesPrepareReceiver, filesOffer, filesAnswer, filesAccept, filesPeerReady, filesFetch, filesConstants };

export type FilesPageApi = typeof api;

declare global {
  interface Window {
    benchFiles: FilesPageApi;
  }
}

window.benchFiles = api;
// openBenchPage waits for `bench` to appear.
(window as unknown as { bench: unknown }).bench = api;
