import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appWebPreferences, preloadPath } from './web-preferences';

describe('web preferences', () => {
  it('isolate and sandbox the renderer', () => {
    const prefs = appWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('never enables anything that weakens isolation', () => {
    const prefs = appWebPreferences('/p.cjs');
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('points at the CommonJS preload electron-vite emits next to out/main', () => {
    expect(preloadPath(join('/app', 'out', 'main'))).toBe(join('/app', 'out', 'preload', 'index.cjs'));
  });
});
