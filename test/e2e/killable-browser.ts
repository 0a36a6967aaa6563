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
 * It runs in a process group of its own, and a kill takes the whole group at
 * once, as a crash or a power cut would. Killing the browser process alone
 * left its renderers and utility processes to die a moment later, still
 * writing into the profile: the next round could start beside them, and
 * removing the profile failed (ENOTEMPTY) while they wrote.
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
      process.kill(-group, 'SIGKILL');
      await exited;
      await groupGone(group);
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

/** SIGKILL ends every process at once; this only waits for the kernel to have taken them all down. */
async function groupGone(group: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await liveInGroup(group)) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${await liveInGroup(group)} Chromium processes still run 5 s after SIGKILL to their group`);
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
