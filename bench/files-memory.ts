/**
 * Memory of one Chromium process tree while a phase runs: the resident set
 * of its renderer and browser processes read from /proc (pids from CDP's
 * SystemInfo.getProcessInfo), and the page's JavaScript heap from CDP
 * Performance.getMetrics. Reported as growth over the level just before.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';

/** Often enough to catch a short peak, rarely enough not to load the machine being measured. */
const SAMPLE_MS = 100;

export interface MemoryFigures {
  /** Sum of the renderer processes' resident sets before the phase, and the largest growth over it seen during the phase. */
  readonly rendererBaselineBytes: number;
  readonly rendererPeakGrowthBytes: number;
  readonly browserBaselineBytes: number;
  readonly browserPeakGrowthBytes: number;
  readonly jsHeapBaselineBytes: number;
  readonly jsHeapPeakGrowthBytes: number;
  readonly samples: number;
}

async function rssBytes(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

export async function startMemorySampler(browser: Browser, page: Page): Promise<() => Promise<MemoryFigures>> {
  const browserSession = await browser.newBrowserCDPSession();
  const pageSession = await page.context().newCDPSession(page);
  await pageSession.send('Performance.enable');
  const processes = async (type: string): Promise<number> => {
    const info = (await browserSession.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
    const sizes = await Promise.all(info.processInfo.filter((p) => p.type === type).map((p) => rssBytes(p.id)));
    return sizes.reduce((sum, size) => sum + size, 0);
  };
  const heap = async (): Promise<number> => {
    const { metrics } = await pageSession.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  };
  const [rendererBaselineBytes, browserBaselineBytes, jsHeapBaselineBytes] = await Promise.all([processes('renderer'), processes('browser'), heap()]);
  const peak = { renderer: rendererBaselineBytes, browser: browserBaselineBytes, heap: jsHeapBaselineBytes };
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const [renderer, browserRss, jsHeap] = await Promise.all([processes('renderer'), processes('browser'), heap()]);
      peak.renderer = Math.max(peak.renderer, renderer);
      peak.browser = Math.max(peak.browser, browserRss);
      peak.heap = Math.max(peak.heap, jsHeap);
      samples += 1;
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await Promise.allSettled([browserSession.detach(), pageSession.detach()]);
    return {
      rendererBaselineBytes,
      rendererPeakGrowthBytes: peak.renderer - rendererBaselineBytes,
      browserBaselineBytes,
      browserPeakGrowthBytes: peak.browser - browserBaselineBytes,
      jsHeapBaselineBytes,
      jsHeapPeakGrowthBytes: peak.heap - jsHeapBaselineBytes,
      samples,
    };
  };
}
