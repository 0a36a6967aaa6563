/**
 * Injected into the app's page before any of its scripts (Playwright's
 * addInitScript) by `npm run bench:open`. It watches the app as React
 * DevTools would, through the DevTools hook (bippy installs it), so the
 * app's code is measured unchanged:
 * - `renders`: which components rendered (mounted or re-rendered) since the
 *   last reset, by name;
 * - `firstScreenAt`: when the workspace's landing section was first usable,
 *   on the page's clock (performance.now(), 0 at navigation start): the
 *   first idle moment after React committed it, so work its effects start
 *   at once (the views they compute) is counted; `firstCommitAt`, when it
 *   was committed;
 * - `textShownAt(selector, text)`: resolves with the epoch time at which an
 *   element matching `selector` first contains `text`, watched on every
 *   animation frame, so a change from another process can be timed.
 */
import { getDisplayName, instrument, isCompositeFiber, traverseRenderedFibers } from 'bippy';

export interface RenderProbe {
  firstCommitAt: number | undefined;
  firstScreenAt: number | undefined;
  commits: number;
  renders: Map<string, number>;
  reset(): void;
  snapshot(): { commits: number; renders: Record<string, number> };
  textShownAt(selector: string, text: string, timeoutMs: number): Promise<number>;
}

declare global {
  interface Window {
    renderProbe: RenderProbe;
  }
}

/** The landing section's heading (ActivityPanel); present only once the workspace's document is loaded and read. */
const FIRST_SCREEN_SELECTOR = '#activity-heading';

const probe: RenderProbe = {
  firstCommitAt: undefined,
  firstScreenAt: undefined,
  commits: 0,
  renders: new Map(),
  reset() {
    probe.commits = 0;
    probe.renders.clear();
  },
  snapshot() {
    return { commits: probe.commits, renders: Object.fromEntries(probe.renders) };
  },
  textShownAt(selector, text, timeoutMs) {
    return new Promise((resolve, reject) => {
      const until = performance.now() + timeoutMs;
      const look = () => {
        const shown = [...document.querySelectorAll(selector)].some((element) => element.textContent?.includes(text));
        if (shown) resolve(performance.timeOrigin + performance.now());
        else if (performance.now() > until) reject(new Error(`"${text}" did not show in ${selector} within ${timeoutMs} ms`));
        else requestAnimationFrame(look);
      };
      look();
    });
  },
};
window.renderProbe = probe;

instrument({
  onCommitFiberRoot(_rendererId, root) {
    probe.commits += 1;
    traverseRenderedFibers(root, (fiber, phase) => {
      if (phase === 'unmount' || !isCompositeFiber(fiber)) return;
      const name = getDisplayName(fiber.type) ?? 'Anonymous';
      probe.renders.set(name, (probe.renders.get(name) ?? 0) + 1);
    });
    if (probe.firstCommitAt === undefined && document.querySelector(FIRST_SCREEN_SELECTOR)) {
      probe.firstCommitAt = performance.now();
      requestIdleCallback(() => (probe.firstScreenAt = performance.now()));
    }
  },
});
