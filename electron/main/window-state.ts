/**
 * Remembers where the main window was: size, position, maximized.
 *
 * File format (`window-state.json` in userData), version 1:
 *   { "version": 1, "width": 1280, "height": 800, "x": 40, "y": 30, "isMaximized": false }
 * x and y are absent when the window should simply be centred. Bounds are the
 * *normal* (unmaximized) bounds, so un-maximizing restores a sensible size.
 *
 * Losing this file costs the user nothing but a window position, so reading
 * never throws: a missing, unreadable or corrupt file yields the defaults.
 * Writing is atomic (temp file + rename) so a crash mid-write cannot leave a
 * half-written file behind.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';

/** Below this the app's layout stops being usable. */
export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;
/** How much of a window must be on a display before we trust the saved position (enough to grab the title bar). */
export const MIN_VISIBLE = 80;

const Coordinate = z.number().int().min(-100_000).max(100_000);
const Extent = z.number().int().min(1).max(100_000);

export const WindowStateSchema = z.object({
  version: z.literal(1),
  width: Extent,
  height: Extent,
  x: Coordinate.optional(),
  y: Coordinate.optional(),
  isMaximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { version: 1, width: 1280, height: 800, isMaximized: false };

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function windowStatePath(userDataDir: string): string {
  return join(userDataDir, WINDOW_STATE_FILE);
}

export async function loadWindowState(filePath: string): Promise<WindowState> {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(await readFile(filePath, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export async function saveWindowState(filePath: string, state: WindowState): Promise<void> {
  const valid = WindowStateSchema.parse(state);
  const tempPath = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tempPath, `${JSON.stringify(valid, null, 2)}\n`, 'utf8');
    await rename(tempPath, filePath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clampNumber(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Fits a saved state onto the displays present now (their work areas, i.e.
 * without taskbar or dock). The window moves onto the display it overlaps
 * most and shrinks to fit it; if it is not visibly on any display (a monitor
 * was unplugged) its position is dropped and it opens centred.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const usable = workAreas.filter((area) => area.width > 0 && area.height > 0);
  if (usable.length === 0) return state;
  const largestWidth = Math.max(...usable.map((area) => area.width));
  const largestHeight = Math.max(...usable.map((area) => area.height));
  const width = clampNumber(state.width, Math.min(MIN_WIDTH, largestWidth), largestWidth);
  const height = clampNumber(state.height, Math.min(MIN_HEIGHT, largestHeight), largestHeight);
  const { x, y, ...rest } = state;
  const unplaced: WindowState = { ...rest, width, height };
  if (x === undefined || y === undefined) return unplaced;

  const saved: Rect = { x, y, width: state.width, height: state.height };
  let best: { area: Rect; visible: number } | undefined;
  for (const area of usable) {
    const { width: w, height: h } = overlap(saved, area);
    if (w >= Math.min(MIN_VISIBLE, saved.width) && h >= Math.min(MIN_VISIBLE, saved.height) && (!best || w * h > best.visible)) {
      best = { area, visible: w * h };
    }
  }
  if (!best) return unplaced;

  const { area } = best;
  const fitWidth = Math.min(width, area.width);
  const fitHeight = Math.min(height, area.height);
  return {
    ...unplaced,
    width: fitWidth,
    height: fitHeight,
    x: clampNumber(x, area.x, area.x + area.width - fitWidth),
    y: clampNumber(y, area.y, area.y + area.height - fitHeight),
  };
}

/** Builds the state to save from what BrowserWindow reports (getNormalBounds, isMaximized). */
export function captureWindowState(normalBounds: Rect, isMaximized: boolean): WindowState {
  return {
    version: 1,
    width: Math.max(1, Math.round(normalBounds.width)),
    height: Math.max(1, Math.round(normalBounds.height)),
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    isMaximized,
  };
}
