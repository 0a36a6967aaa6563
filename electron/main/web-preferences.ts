/**
 * The webPreferences of every app window, as data so a test pins them.
 * The renderer is an ordinary web page with one narrow bridge: no Node, an
 * isolated preload in Chromium's sandbox, and no way to relax web security.
 */
import { join } from 'node:path';
import type { WebPreferences } from 'electron';

/** Where electron-vite puts the preload, relative to the built main bundle (out/main). */
export function preloadPath(mainBundleDir: string): string {
  return join(mainBundleDir, '..', 'preload', 'index.cjs');
}

export function appWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Dropping a file on the window must not navigate away from the app.
    navigateOnDragDrop: false,
    // On Linux spellcheck fetches Hunspell dictionaries from a Google CDN;
    // the app makes no network request the user did not ask for.
    spellcheck: false,
  };
}
