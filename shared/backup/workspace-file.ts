/**
 * The whole workspace in one file (issue 13, item 2): its archive
 * (workspace-archive.ts), encrypted with age (age-encryption.org/v1, the
 * typage implementation), framed so a damaged file is told from a wrong
 * passphrase. Layout, frame version 1:
 *
 *   line      "STROOMKRING-WORKSPACE 1\n" (ASCII): what the file is, and the
 *             frame version
 *   age file  a standard age file whose plaintext is the ZIP archive,
 *             encrypted to one scrypt recipient:
 *               - with a passphrase the user chose (scrypt work factor 2^17,
 *                 as the identity backup), or
 *               - with the workspace key as the passphrase (it is 256 random
 *                 bits, so a work factor of 2^10 is plenty): any partner who
 *                 holds the workspace can open it without typing anything
 *   sum       32 bytes: SHA-256 over everything before it
 *
 * So without the app: `tail -c +25 FILE | head -c -32 | age -d > ws.zip`
 * asks for the passphrase (or the workspace key) and gives the archive.
 *
 * age authenticates the header and every 64 KiB chunk, and marks the last
 * one, so a changed or cut-off file never decrypts to wrong data; the sum
 * lets the app say "damaged" where age can only say "no identity matched"
 * (a changed header looks like a wrong passphrase to it).
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { errorDetail, StroomkringError } from '../errors/stroomkring-error';

export const FRAME_VERSION = 1;
const FRAME_PREFIX = 'STROOMKRING-WORKSPACE ';
const FRAME_LINE = new TextEncoder().encode(`${FRAME_PREFIX}${FRAME_VERSION}\n`);
const SUM_LENGTH = 32;

/** The file name's ending the app writes and looks for. */
export const WORKSPACE_FILE_EXTENSION = '.stroomkring';

/** age's recommended work factor is 2^18; 2^17 (128 MB, under a second) matches the identity backup. */
export const PASSPHRASE_WORK_FACTOR = 17;
/** The workspace key is 256 random bits: the work factor adds nothing to it. */
export const KEY_WORK_FACTOR = 10;

/** Plaintext pieces handed to age, so encryption can report progress. */
const PIECE = 1 << 20;

export type FileProtection = { readonly kind: 'passphrase'; readonly passphrase: string } | { readonly kind: 'workspaceKey'; readonly key: string };

export type WorkspaceFileProblem = 'notWorkspaceFile' | 'newerVersion' | 'damaged' | 'wrongSecret';

export class WorkspaceFileError extends StroomkringError {
  override readonly name = 'WorkspaceFileError';
  constructor(
    readonly problem: WorkspaceFileProblem,
    detail: string,
  ) {
    super(`Workspace file ${problem}: ${detail}`);
  }
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** Reads a stream to its end; `expected` is only for progress (age tells the size ahead). */
async function readAll(stream: ReadableStream<Uint8Array>, expected: number, onProgress?: (done: number) => void): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pieces.push(value);
    length += value.length;
    onProgress?.(Math.min(1, length / Math.max(1, expected)));
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  onProgress?.(1);
  return out;
}

function piecesOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.subarray(at, at + PIECE));
        at += PIECE;
      }
    },
  });
}

const secretOf = (protection: FileProtection) => (protection.kind === 'passphrase' ? protection.passphrase.normalize('NFC') : protection.key);

/** Encrypts an archive into a workspace file; `onProgress` gets 0..1 as it goes. */
export async function sealWorkspaceFile(archive: Uint8Array, protection: FileProtection, onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(secretOf(protection));
  encrypter.setScryptWorkFactor(protection.kind === 'passphrase' ? PASSPHRASE_WORK_FACTOR : KEY_WORK_FACTOR);
  const sealed = await encrypter.encrypt(piecesOf(archive));
  const age = await readAll(sealed, sealed.size(archive.length), onProgress);
  const out = new Uint8Array(FRAME_LINE.length + age.length + SUM_LENGTH);
  out.set(FRAME_LINE);
  out.set(age, FRAME_LINE.length);
  out.set(await sha256(out.subarray(0, FRAME_LINE.length + age.length)), FRAME_LINE.length + age.length);
  return out;
}

/** The age file inside a workspace file, once its frame and sum hold; throws WorkspaceFileError. */
export async function unframe(file: Uint8Array): Promise<Uint8Array> {
  const head = new TextDecoder().decode(file.subarray(0, Math.min(file.length, 64)));
  if (!head.startsWith(FRAME_PREFIX)) throw new WorkspaceFileError('notWorkspaceFile', 'does not start as a Stroomkring workspace file');
  const newline = head.indexOf('\n');
  const version = Number(head.slice(FRAME_PREFIX.length, newline));
  if (newline < 0 || !Number.isInteger(version) || version < 1) throw new WorkspaceFileError('damaged', 'the first line is damaged');
  if (version > FRAME_VERSION) throw new WorkspaceFileError('newerVersion', `frame version ${version}, this app reads ${FRAME_VERSION}`);
  const bodyEnd = file.length - SUM_LENGTH;
  if (bodyEnd <= FRAME_LINE.length) throw new WorkspaceFileError('damaged', 'cut off');
  const sum = await sha256(file.subarray(0, bodyEnd));
  if (!sum.every((byte, i) => byte === file[bodyEnd + i])) throw new WorkspaceFileError('damaged', 'its checksum does not match: changed or cut off');
  return file.subarray(newline + 1, bodyEnd);
}

/**
 * How a (framed, checked) file is protected, read from its age header's
 * scrypt stanza without decrypting: the workspace key's low work factor, or
 * a passphrase's. Trying every local key on a passphrase file would cost a
 * full scrypt each, so the caller asks first.
 */
export function protectionKindOf(age: Uint8Array): FileProtection['kind'] {
  const header = new TextDecoder().decode(age.subarray(0, 256)).split('\n');
  const stanza = header.find((line) => line.startsWith('-> scrypt '));
  const logN = Number(stanza?.split(' ')[3]);
  if (!Number.isInteger(logN)) throw new WorkspaceFileError('notWorkspaceFile', 'not protected by a passphrase or a workspace key');
  return logN <= KEY_WORK_FACTOR ? 'workspaceKey' : 'passphrase';
}

/**
 * Decrypts a workspace file with the first secret that opens it (workspace
 * keys this device holds, or a passphrase typed in); `onProgress` gets 0..1.
 */
export async function openWorkspaceFile(file: Uint8Array, secrets: readonly string[], onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  return openUnframed(await unframe(file), secrets, onProgress);
}

/** openWorkspaceFile for the age file `unframe` already checked and took out (a caller that asked protectionKindOf first). */
export async function openUnframed(age: Uint8Array, secrets: readonly string[], onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  if (secrets.length === 0) throw new WorkspaceFileError('wrongSecret', 'no passphrase or key given');
  const decrypter = new Decrypter();
  for (const secret of secrets) decrypter.addPassphrase(secret.normalize('NFC'));
  let plain: Awaited<ReturnType<Decrypter['decrypt']>>;
  try {
    plain = await decrypter.decrypt(piecesOf(age));
  } catch (error) {
    const message = errorDetail(error);
    if (message.includes('no identity matched')) throw new WorkspaceFileError('wrongSecret', 'neither the passphrase nor a workspace key here opens it');
    if (message.includes('invalid version')) throw new WorkspaceFileError('newerVersion', message);
    throw new WorkspaceFileError('damaged', message);
  }
  try {
    return await readAll(plain, age.length, onProgress);
  } catch (error) {
    throw new WorkspaceFileError('damaged', errorDetail(error));
  }
}
