import { mkdtemp, open, readdir, readFile, rm, utimes, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatchBridgeCall, FILE_PIECE_MAX_BYTES } from '../../shared/bridge/contract';
import { cleanOpenedCopies, createFileExports, EXPORT_IDLE_MS, ExportBusyError, ExportSizeError, isInside, MAX_OPEN_EXPORTS, TooManyExportsError, UnknownExportTokenError, classifyFileError } from './file-export';

let dir: string;
let tempRoot: string;
let saveTarget: string | undefined;
let opened: string[];
let clock: number;

function exports(openPath: (path: string) => Promise<string> = (path) => (opened.push(path), Promise.resolve(''))) {
  return createFileExports({ tempRoot, showSaveDialog: () => Promise.resolve(saveTarget), openPath, now: () => clock });
}

function tokenOf(start: { token: string } | { cancelled: true }): string {
  if (!('token' in start)) throw new Error('cancelled');
  return start.token;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stroomkring-export-'));
  tempRoot = join(dir, 'open');
  saveTarget = join(dir, 'Netkaart.pdf');
  opened = [];
  clock = 1_000;
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('saving a copy in pieces', () => {
  it('writes the pieces in order and renames into place only at the end', async () => {
    const files = exports();
    const token = tokenOf(await files.beginSave({ suggestedName: 'Netkaart.pdf', size: 6 }));
    expect(await files.write(token, new Uint8Array([1, 2, 3]))).toEqual({ ok: true });
    // Nothing under the chosen name yet: only the partial file.
    expect((await readdir(dir)).filter((name) => name.startsWith('Netkaart'))).toEqual([expect.stringMatching(/^Netkaart\.pdf\.[0-9a-f]{8}\.part$/)]);
    expect(await files.write(token, new Uint8Array([4, 5, 6]))).toEqual({ ok: true });
    expect(await files.finish(token)).toEqual({ ok: true });
    expect([...(await readFile(join(dir, 'Netkaart.pdf')))]).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await readdir(dir)).some((name) => name.endsWith('.part'))).toBe(false);
    await expect(files.write(token, new Uint8Array([7]))).rejects.toBeInstanceOf(UnknownExportTokenError);
  });

  it('says cancelled when the user closes the dialog, and writes nothing', async () => {
    saveTarget = undefined;
    const files = exports();
    expect(await files.beginSave({ suggestedName: 'x.txt', size: 1 })).toEqual({ cancelled: true });
    expect(files.openCount()).toBe(0);
  });

  it('hands the dialog a sanitised name', async () => {
    const asked: string[] = [];
    const files = createFileExports({ tempRoot, openPath: () => Promise.resolve(''), showSaveDialog: (name) => (asked.push(name), Promise.resolve(undefined)) });
    await files.beginSave({ suggestedName: '../../CON.txt', size: 1 });
    expect(asked).toEqual(['_.._CON.txt']);
  });

  it('refuses more bytes than announced, and a finish short of them, removing the partial file', async () => {
    const files = exports();
    const token = tokenOf(await files.beginSave({ suggestedName: 'a', size: 2 }));
    await expect(files.write(token, new Uint8Array(3))).rejects.toBeInstanceOf(ExportSizeError);
    expect(await readdir(dir)).toEqual([]);
    const short = tokenOf(await files.beginSave({ suggestedName: 'a', size: 2 }));
    await files.write(short, new Uint8Array(1));
    await expect(files.finish(short)).rejects.toBeInstanceOf(ExportSizeError);
    expect(await readdir(dir)).toEqual([]);
    expect(files.openCount()).toBe(0);
  });

  it('saves an empty file', async () => {
    const files = exports();
    const token = tokenOf(await files.beginSave({ suggestedName: 'leeg.txt', size: 0 }));
    expect(await files.finish(token)).toEqual({ ok: true });
    expect((await readFile(saveTarget as string)).byteLength).toBe(0);
  });

  it('validates tokens and pieces through the bridge, so no bad call reaches the disk', async () => {
    const files = exports();
    const handlers = { files } as never;
    await expect(dispatchBridgeCall(handlers, 'files:write', ['../../etc', new Uint8Array(1)])).rejects.toThrow(/token/);
    await expect(dispatchBridgeCall(handlers, 'files:write', ['0'.repeat(32), 'not bytes'])).rejects.toThrow(/Uint8Array/);
    await expect(dispatchBridgeCall(handlers, 'files:write', ['0'.repeat(32), new Uint8Array(FILE_PIECE_MAX_BYTES + 1)])).rejects.toThrow(/at most/);
    await expect(dispatchBridgeCall(handlers, 'files:beginSave', [{ suggestedName: 'a', size: -1 }])).rejects.toThrow();
    await expect(files.write('0'.repeat(32), new Uint8Array(1))).rejects.toBeInstanceOf(UnknownExportTokenError);
    await expect(files.finish('not-a-token')).rejects.toThrow();
  });

  it('refuses a second call on one export while the first is running', async () => {
    const files = exports();
    const token = tokenOf(await files.beginSave({ suggestedName: 'a', size: 2 }));
    const first = files.write(token, new Uint8Array(1));
    await expect(files.write(token, new Uint8Array(1))).rejects.toBeInstanceOf(ExportBusyError);
    await first;
  });

  it('limits exports at once and drops ones left idle', async () => {
    const files = exports();
    for (let n = 0; n < MAX_OPEN_EXPORTS; n += 1) {
      saveTarget = join(dir, `f${n}`);
      await files.beginSave({ suggestedName: 'a', size: 1 });
    }
    await expect(files.beginSave({ suggestedName: 'a', size: 1 })).rejects.toBeInstanceOf(TooManyExportsError);
    clock += EXPORT_IDLE_MS + 1;
    saveTarget = join(dir, 'late');
    tokenOf(await files.beginSave({ suggestedName: 'a', size: 1 }));
    expect(files.openCount()).toBe(1);
    expect((await readdir(dir)).filter((name) => name.endsWith('.part'))).toHaveLength(1);
  });

  it('abort removes what was written', async () => {
    const files = exports();
    const token = tokenOf(await files.beginSave({ suggestedName: 'a', size: 4 }));
    await files.write(token, new Uint8Array(2));
    await files.abort(token);
    expect(await readdir(dir)).toEqual([]);
    await files.abort(token);
  });
});

describe('a full disk or a refused folder', () => {
  it('comes back as a problem the user can act on, and the partial file is gone', async () => {
    const files = exports();
    const token = tokenOf(await files.beginSave({ suggestedName: 'a', size: 8 }));
    // Node's FileHandle class is not exported; reach its prototype through a handle.
    const probe = await open(join(dir, 'probe'), 'w');
    const fileHandlePrototype = Object.getPrototypeOf(probe) as { write: () => Promise<never> };
    await probe.close();
    await rm(join(dir, 'probe'));
    vi.spyOn(fileHandlePrototype, 'write').mockRejectedValue(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    expect(await files.write(token, new Uint8Array(8))).toEqual({ ok: false, problem: 'disk-full' });
    expect(await readdir(dir)).toEqual([]);
    await expect(files.finish(token)).rejects.toBeInstanceOf(UnknownExportTokenError);
  });

  it('classifies operating-system errors', () => {
    expect(classifyFileError(Object.assign(new Error(), { code: 'ENOSPC' }))).toBe('disk-full');
    expect(classifyFileError(Object.assign(new Error(), { code: 'EDQUOT' }))).toBe('disk-full');
    expect(classifyFileError(Object.assign(new Error(), { code: 'EACCES' }))).toBe('no-permission');
    expect(classifyFileError(Object.assign(new Error(), { code: 'EROFS' }))).toBe('no-permission');
    expect(classifyFileError(new Error('x'))).toBe('failed');
    expect(classifyFileError(null)).toBe('failed');
  });

  it('reports a folder that cannot be written when the export starts', async () => {
    saveTarget = join(dir, 'missing-folder', 'a.pdf');
    await expect(exports().beginSave({ suggestedName: 'a.pdf', size: 1 })).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('opening with the system app', () => {
  it('writes a readable-named copy inside the temp folder and opens it', async () => {
    const files = exports();
    const { token } = await files.beginOpen({ suggestedName: '../../../evil/..\\Netkaart.pdf', size: 3 });
    await files.write(token, new Uint8Array([9, 8, 7]));
    expect(await files.finish(token)).toEqual({ ok: true });
    expect(opened).toHaveLength(1);
    const path = opened[0] as string;
    expect(isInside(tempRoot, path)).toBe(true);
    expect(path.endsWith('_.._.._evil_.._Netkaart.pdf')).toBe(true);
    expect([...(await readFile(path))]).toEqual([9, 8, 7]);
  });

  it('gives two copies with one name folders of their own', async () => {
    const files = exports();
    for (let n = 0; n < 2; n += 1) {
      const { token } = await files.beginOpen({ suggestedName: 'zelfde.txt', size: 1 });
      await files.write(token, new Uint8Array([n]));
      await files.finish(token);
    }
    expect(new Set(opened).size).toBe(2);
  });

  it('says so when no app opens the file', async () => {
    const files = exports(() => Promise.resolve('No application is associated with the specified file'));
    const { token } = await files.beginOpen({ suggestedName: 'x.onbekend', size: 1 });
    await files.write(token, new Uint8Array(1));
    expect(await files.finish(token)).toEqual({ ok: false, problem: 'no-app' });
  });

  it('abort removes the copy and its folder', async () => {
    const files = exports();
    const { token } = await files.beginOpen({ suggestedName: 'x.txt', size: 2 });
    await files.write(token, new Uint8Array(1));
    await files.abort(token);
    expect(await readdir(tempRoot)).toEqual([]);
  });
});

describe('containment and clean-up', () => {
  it('knows inside from a sibling with the same prefix and from traversal', () => {
    expect(isInside('/tmp/open', '/tmp/open/ab/x.pdf')).toBe(true);
    expect(isInside('/tmp/open', '/tmp/open')).toBe(false);
    expect(isInside('/tmp/open', '/tmp/open-evil/x')).toBe(false);
    expect(isInside('/tmp/open', '/tmp/open/../x')).toBe(false);
  });

  it('removes only old copy folders of its own naming', async () => {
    await mkdir(tempRoot, { recursive: true });
    const old = join(tempRoot, 'aaaaaaaaaaaaaaaa');
    const fresh = join(tempRoot, 'bbbbbbbbbbbbbbbb');
    const foreign = join(tempRoot, 'iets-anders');
    for (const folder of [old, fresh, foreign]) {
      await mkdir(folder);
      await writeFile(join(folder, 'x'), 'x');
    }
    const now = Date.now();
    await utimes(old, new Date(now - 3 * 86_400_000), new Date(now - 3 * 86_400_000));
    await utimes(foreign, new Date(now - 3 * 86_400_000), new Date(now - 3 * 86_400_000));
    expect(await cleanOpenedCopies(tempRoot, 86_400_000, now)).toBe(1);
    expect((await readdir(tempRoot)).sort()).toEqual(['bbbbbbbbbbbbbbbb', 'iets-anders']);
    expect(await cleanOpenedCopies(join(dir, 'does-not-exist'))).toBe(0);
  });
});
