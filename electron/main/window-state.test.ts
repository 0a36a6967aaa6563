import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  captureWindowState,
  clampToDisplays,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  saveWindowState,
  windowStatePath,
  type Rect,
  type WindowState,
} from './window-state';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stroomkring-window-'));
  file = windowStatePath(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const saved: WindowState = { version: 1, width: 1400, height: 900, x: 100, y: 50, isMaximized: true };

describe('loading and saving', () => {
  it('round-trips a state', async () => {
    await saveWindowState(file, saved);
    expect(await loadWindowState(file)).toEqual(saved);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(saved);
  });

  it('returns the defaults when there is no file', async () => {
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    expect(await loadWindowState(join(dir, 'missing', 'deeper.json'))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it.each([
    ['truncated JSON', '{"version":1,"width":14'],
    ['not JSON', 'hello'],
    ['empty', ''],
    ['binary garbage', '\u0000\u0001\u00ff'],
    ['wrong shape', '{"width":"wide"}'],
    ['unknown version', '{"version":2,"width":1400,"height":900,"isMaximized":false}'],
    ['negative size', '{"version":1,"width":-5,"height":900,"isMaximized":false}'],
    ['fractional size', '{"version":1,"width":1400.5,"height":900,"isMaximized":false}'],
    ['absurd position', '{"version":1,"width":1400,"height":900,"x":1e12,"y":0,"isMaximized":false}'],
    ['null', 'null'],
    ['an array', '[]'],
  ])('returns the defaults for a corrupt file (%s)', async (_label, content) => {
    await writeFile(file, content);
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('returns the defaults when the path is a directory', async () => {
    expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('replaces the file atomically and leaves no temp files', async () => {
    await writeFile(file, 'corrupt');
    await saveWindowState(file, saved);
    await saveWindowState(file, { ...saved, width: 1000 });
    expect((await loadWindowState(file)).width).toBe(1000);
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it('concurrent saves leave one complete file', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => saveWindowState(file, { ...saved, width: 1000 + i })));
    const state = await loadWindowState(file);
    expect(state.width).toBeGreaterThanOrEqual(1000);
    expect(state.width).toBeLessThan(1020);
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it('refuses to write an invalid state and cleans up after a failed write', async () => {
    await expect(saveWindowState(file, { ...saved, width: Number.NaN })).rejects.toThrow();
    await expect(saveWindowState(join(dir, 'no-such-dir', 'state.json'), saved)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('captureWindowState', () => {
  it('rounds fractional bounds from scaled displays', () => {
    expect(captureWindowState({ x: 10.4, y: 20.6, width: 1200.5, height: 799.2 }, false)).toEqual({
      version: 1,
      x: 10,
      y: 21,
      width: 1201,
      height: 799,
      isMaximized: false,
    });
  });
});

describe('clampToDisplays', () => {
  const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
  const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

  it('keeps a window that fits where it was', () => {
    expect(clampToDisplays(saved, [laptop])).toEqual(saved);
  });

  it('keeps a window on a second monitor that is still there', () => {
    const state: WindowState = { ...saved, x: 2100, y: 100 };
    expect(clampToDisplays(state, [laptop, rightMonitor])).toEqual(state);
  });

  it('centres a window whose monitor was unplugged', () => {
    const state: WindowState = { ...saved, x: 2100, y: 100 };
    expect(clampToDisplays(state, [laptop])).toEqual({ version: 1, width: 1400, height: 900, isMaximized: true });
  });

  it('pulls a window that hangs off the edge back onto the display', () => {
    const state: WindowState = { ...saved, x: 1700, y: 600 };
    expect(clampToDisplays(state, [laptop])).toEqual({ ...state, x: 1920 - 1400, y: 1040 - 900 });
  });

  it('moves a window straddling two displays onto the one it mostly covers', () => {
    const state: WindowState = { ...saved, x: 1800, y: 100 };
    const result = clampToDisplays(state, [laptop, rightMonitor]);
    expect(result.x).toBe(1920);
    expect(result.y).toBe(100);
  });

  it('shrinks a window larger than every display', () => {
    const small: Rect = { x: 0, y: 0, width: 1280, height: 680 };
    const result = clampToDisplays({ ...saved, width: 3000, height: 2000, x: 0, y: 0 }, [small]);
    expect(result).toMatchObject({ width: 1280, height: 680, x: 0, y: 0 });
  });

  it('never makes a window smaller than the minimum when the display allows it', () => {
    const result = clampToDisplays({ ...saved, width: 200, height: 100 }, [laptop]);
    expect(result.width).toBe(MIN_WIDTH);
    expect(result.height).toBe(MIN_HEIGHT);
  });

  it('respects displays at negative coordinates (monitor left of the primary)', () => {
    const left: Rect = { x: -1920, y: 0, width: 1920, height: 1080 };
    const state: WindowState = { ...saved, x: -1800, y: 40 };
    expect(clampToDisplays(state, [laptop, left])).toEqual(state);
  });

  it('leaves the state alone when no display is known', () => {
    expect(clampToDisplays(saved, [])).toEqual(saved);
  });

  it('always returns a state that lies inside one display', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    const displays = [laptop, rightMonitor, { x: -1280, y: 200, width: 1280, height: 984 }];
    for (let i = 0; i < 2000; i++) {
      const state: WindowState = { version: 1, width: 1 + rand(5000), height: 1 + rand(3000), x: rand(10000) - 5000, y: rand(6000) - 3000, isMaximized: false };
      const result = clampToDisplays(state, displays);
      if (result.x === undefined || result.y === undefined) continue;
      const { x, y } = result;
      const inside = displays.some((d) => x >= d.x && y >= d.y && x + result.width <= d.x + d.width && y + result.height <= d.y + d.height);
      expect(inside, JSON.stringify(state)).toBe(true);
    }
  });
});
