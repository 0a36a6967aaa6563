/**
 * Interface stub: the file store (content-addressed bytes in Dexie) lands with the file-transfer work.
 */
import type { StroomkringDatabase } from '../storage/database';

export interface StoredFile {
  readonly hash: string;
  readonly size: number;
  readonly type: string;
  readonly fileName: string;
}

export class EmptyFileError extends Error {
  override readonly name = 'EmptyFileError';
}

export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`File is larger than ${limitBytes} bytes`);
  }
}

export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
}

/** Reads a local file piece by piece, hashes it and stores it under its SHA-256. */
export function storeLocalFile(_db: StroomkringDatabase, _file: File, _options: { hardLimitBytes: number; onProgress?: (bytes: number) => void }): Promise<StoredFile> {
  return Promise.reject(new Error('not yet implemented'));
}

/** The whole file as a Blob (backed by the stored pieces), or undefined when it is not complete here. */
export function readFileBlob(_db: StroomkringDatabase, _hash: string, _type: string): Promise<Blob | undefined> {
  return Promise.resolve(undefined);
}
