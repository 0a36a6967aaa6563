/**
 * The main-process side of the bridge's `files` namespace: writes a copy of a
 * file that the renderer sends in pieces, either to where the user chose in
 * the save dialog, or into the app's own temp folder to open it with the
 * system's app.
 *
 * A save is written beside its target under a ".part" name and renamed into
 * place only when every announced byte has arrived, so a full disk or an
 * aborted export never leaves a half file under the user's chosen name.
 * A copy to open goes into its own random folder under `tempRoot`, keeping
 * its readable name; the resolved path is checked to stay inside `tempRoot`.
 *
 * Electron is injected (the dialog and shell.openPath), so this module is
 * plain Node and tested as such.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { FileExportRequestSchema, FilePieceSchema, FileTokenSchema, type Bridge, type FileOutcome, type FileProblem } from '../../shared/bridge/contract';
import { safeFileName } from './file-export-name';
import { StroomkringError } from '../../shared/errors/stroomkring-error';

/** Exports running at once; the UI does one at a time, so more means a leak or abuse. */
export const MAX_OPEN_EXPORTS = 8;
/** An export with no call for this long is abandoned (renderer reloaded, crashed); its partial file is removed. */
export const EXPORT_IDLE_MS = 5 * 60_000;
/** Copies handed to the system's app stay this long: the app may still read them after we are done. */
export const OPENED_COPY_KEEP_MS = 24 * 60 * 60_000;

export interface FileExportDependencies {
  /** The app's own folder for copies to open, e.g. join(app.getPath('temp'), 'stroomkring-open'). */
  readonly tempRoot: string;
  /** Shows the save dialog with the (already sanitised) name; an absolute path, or undefined when cancelled. */
  readonly showSaveDialog: (suggestedName: string) => Promise<string | undefined>;
  /** shell.openPath: resolves to '' on success, else the system's error text. */
  readonly openPath: (path: string) => Promise<string>;
  readonly now?: () => number;
  /** Told about failures the user only sees as a short problem word. */
  readonly log?: (message: string, error: unknown) => void;
}

export class UnknownExportTokenError extends StroomkringError {
  override readonly name = 'UnknownExportTokenError';
  constructor() {
    super('No export with this token (finished, aborted or expired)');
  }
}

export class ExportSizeError extends StroomkringError {
  override readonly name = 'ExportSizeError';
  constructor(expected: number, actual: number) {
    super(`Export announced ${expected} bytes but got ${actual}`);
  }
}

export class TooManyExportsError extends StroomkringError {
  override readonly name = 'TooManyExportsError';
  constructor() {
    super(`At most ${MAX_OPEN_EXPORTS} exports at once`);
  }
}

export class ExportBusyError extends StroomkringError {
  override readonly name = 'ExportBusyError';
  constructor() {
    super('A call for this export is still running; await each call before the next');
  }
}

export class PathOutsideTempError extends StroomkringError {
  override readonly name = 'PathOutsideTempError';
  constructor(path: string) {
    super(`Refused to write outside the app's temp folder: ${path}`);
  }
}

interface ExportSession {
  readonly kind: 'save' | 'open';
  readonly size: number;
  /** Where the bytes go while arriving. */
  readonly writingPath: string;
  /** Where they end up (the same as writingPath for a copy to open). */
  readonly finalPath: string;
  /** Removed on abort: the partial file, or the copy's own folder. */
  readonly cleanupPath: string;
  readonly handle: FileHandle;
  written: number;
  lastUsed: number;
  busy: boolean;
}

export function classifyFileError(error: unknown): FileProblem {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'no-permission';
  return 'failed';
}

/** Whether `path` lies strictly inside `root` (no "..", no sibling sharing a prefix). */
export function isInside(root: string, path: string): boolean {
  const base = resolve(root) + sep;
  return resolve(path).startsWith(base);
}

export function createFileExports(deps: FileExportDependencies): Bridge['files'] & { readonly abortAll: () => Promise<void>; readonly openCount: () => number } {
  const now = deps.now ?? Date.now;
  const sessions = new Map<string, ExportSession>();

  async function discard(token: string): Promise<void> {
    const session = sessions.get(token);
    if (!session) return;
    sessions.delete(token);
    await session.handle.close().catch(() => undefined);
    await rm(session.cleanupPath, { recursive: true, force: true }).catch((error: unknown) => deps.log?.('removing an unfinished export', error));
  }

  async function expireIdle(): Promise<void> {
    const stale = [...sessions].filter(([, session]) => !session.busy && now() - session.lastUsed > EXPORT_IDLE_MS).map(([token]) => token);
    await Promise.all(stale.map(discard));
  }

  async function start(kind: 'save' | 'open', size: number, writingPath: string, finalPath: string, cleanupPath: string): Promise<string> {
    const handle = await open(writingPath, 'wx');
    const token = randomBytes(16).toString('hex');
    sessions.set(token, { kind, size, writingPath, finalPath, cleanupPath, handle, written: 0, lastUsed: now(), busy: false });
    return token;
  }

  async function admit(): Promise<void> {
    await expireIdle();
    if (sessions.size >= MAX_OPEN_EXPORTS) throw new TooManyExportsError();
  }

  /** Takes the session for one call; a second call before the first settles is refused. */
  function claim(rawToken: string): ExportSession {
    const session = sessions.get(FileTokenSchema.parse(rawToken));
    if (!session) throw new UnknownExportTokenError();
    if (session.busy) throw new ExportBusyError();
    session.busy = true;
    session.lastUsed = now();
    return session;
  }

  async function fail(token: string, error: unknown): Promise<FileOutcome> {
    deps.log?.('writing an export', error);
    await discard(token);
    return { ok: false, problem: classifyFileError(error) };
  }

  return {
    beginSave: async (request) => {
      const { suggestedName, size } = FileExportRequestSchema.parse(request);
      await admit();
      const target = await deps.showSaveDialog(safeFileName(suggestedName));
      if (target === undefined) return { cancelled: true as const };
      if (!isAbsolute(target)) throw new Error(`Save dialog returned a relative path: ${target}`);
      const partial = `${target}.${randomBytes(4).toString('hex')}.part`;
      return { token: await start('save', size, partial, target, partial) };
    },

    beginOpen: async (request) => {
      const { suggestedName, size } = FileExportRequestSchema.parse(request);
      await admit();
      // Each copy gets a folder of its own, so two files with one name never collide and the name stays readable.
      const folder = join(deps.tempRoot, randomBytes(8).toString('hex'));
      const path = join(folder, safeFileName(suggestedName));
      if (!isInside(deps.tempRoot, path) || dirname(path) !== folder) throw new PathOutsideTempError(path);
      await mkdir(folder, { recursive: true });
      return { token: await start('open', size, path, path, folder) };
    },

    write: async (token, piece) => {
      const bytes = FilePieceSchema.parse(piece);
      const session = claim(token);
      if (session.written + bytes.byteLength > session.size) {
        await discard(token);
        throw new ExportSizeError(session.size, session.written + bytes.byteLength);
      }
      try {
        let offset = 0;
        while (offset < bytes.byteLength) {
          const { bytesWritten } = await session.handle.write(bytes, offset, bytes.byteLength - offset, session.written + offset);
          offset += bytesWritten;
        }
        session.written += bytes.byteLength;
        return { ok: true as const };
      } catch (error) {
        return fail(token, error);
      } finally {
        session.busy = false;
      }
    },

    finish: async (token) => {
      const session = claim(token);
      if (session.written !== session.size) {
        await discard(token);
        throw new ExportSizeError(session.size, session.written);
      }
      try {
        await session.handle.sync();
        await session.handle.close();
        if (session.kind === 'save') await rename(session.writingPath, session.finalPath);
      } catch (error) {
        return fail(token, error);
      }
      sessions.delete(token);
      if (session.kind === 'save') return { ok: true as const };
      const problem = await deps.openPath(session.finalPath);
      if (problem === '') return { ok: true as const };
      deps.log?.('opening with the system app', new Error(problem));
      return { ok: false as const, problem: 'no-app' as const };
    },

    abort: async (token) => {
      await discard(FileTokenSchema.parse(token));
    },

    abortAll: async () => {
      await Promise.all([...sessions.keys()].map(discard));
    },

    openCount: () => sessions.size,
  };
}

/**
 * Removes copies handed to the system's app that are older than `keepMs`
 * (run at start-up); only folders directly under `tempRoot`, nothing else.
 */
export async function cleanOpenedCopies(tempRoot: string, keepMs: number = OPENED_COPY_KEEP_MS, now: number = Date.now()): Promise<number> {
  let entries: string[];
  try {
    entries = await readdir(tempRoot);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of entries) {
    if (!/^[0-9a-f]{16}$/.test(name)) continue;
    const path = join(tempRoot, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory() || now - info.mtimeMs <= keepMs) continue;
    await rm(path, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
