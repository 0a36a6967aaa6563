import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs } from './chromium';

/**
 * A Chromium this test starts itself, on a profile directory of its own, so
 * it can be killed for real (SIGKILL, no shutdown) and started again on the
 * same profile: what IndexedDB had committed is all that is left.
 *
 * A kill is SIGKILL to the browser process, as a user's "force quit" is;
 * its renderers and utility processes then end on their own a moment later
 * (the storage service finishing what it had been handed). The kill waits
 * for that: Chromium runs in a process group of its own, and the kill
 * returns only once no process of the group runs, so the next round never
 * starts beside the last one's stragglers and the profile is removed only
 * when nothing writes into it any more (ENOTEMPTY in CI before). Killing the
 * whole group at once would be a different test: no app can keep what it
 * shows less than a few milliseconds before every process stops.
 */
export interface KillableBrowser {
  readonly page: Page;
  kill(): Promise<void>;
}

async function devToolsPort(profile: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const text = await readFile(join(profile, 'DevToolsActivePort'), 'utf8').catch(() => '');
    const port = Number(text.split('\n')[0]);
    if (port > 0) return port;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('Chromium did not open its DevTools port');
}

export async function startKillableBrowser(profile: string): Promise<KillableBrowser> {
  // A port file left by the previous, killed run would point at a dead port.
  await rm(join(profile, 'DevToolsActivePort'), { force: true });
  const proc: ChildProcess = spawn(CHROMIUM_PATH, chromiumArgs(['--headless=new', '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--lang=nl-NL', 'about:blank']), { stdio: 'ignore', detached: true });
  const group = proc.pid;
  if (group === undefined) throw new Error('Chromium did not start');
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const browser: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${await devToolsPort(profile)}`);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default context');
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    kill: async () => {
      proc.kill('SIGKILL');
      await exited;
      if (await groupGone(group, STRAGGLERS_MS)) return;
      // A straggler that outlived its browser by this long is not finishing anything: it goes too.
      process.kill(-group, 'SIGKILL');
      if (!(await groupGone(group, STRAGGLERS_MS))) throw new Error(`${await liveInGroup(group)} Chromium processes still run after SIGKILL to their group`);
    },
  };
}

/** Processes of process group `group` that still run (a zombie runs nothing: it only waits to be reaped). */
async function liveInGroup(group: number): Promise<number> {
  let live = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so read after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z') live += 1;
  }
  return live;
}

/** A browser's child processes end within a second of it here; five is far beyond that. */
const STRAGGLERS_MS = 5_000;

/** Whether no process of the group runs any more, within `withinMs`. */
async function groupGone(group: number, withinMs: number): Promise<boolean> {
  const giveUpAt = Date.now() + withinMs;
  while ((await liveInGroup(group)) > 0) {
    if (Date.now() > giveUpAt) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/** A seeded delay of 0–30 ms for each round (a linear congruential generator: the seed replays a failing run). */
export function killDelays(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) % 31;
}

/**
 * Crashes only the page's renderer (DevTools Page.crash) while the browser
 * process, and IndexedDB's backend in it, lives on; returns a new page at `url`.
 */
export async function crashRendererAndReopen(page: Page, url: string): Promise<Page> {
  const crashed = page.waitForEvent('crash');
  const session = await page.context().newCDPSession(page);
  // Page.crash never answers: the renderer it would answer from is gone.
  void session.send('Page.crash').catch(() => undefined);
  await crashed;
  const reopened = await page.context().newPage();
  await reopened.goto(url);
  return reopened;
}
