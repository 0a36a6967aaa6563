/**
 * electron-vite build for the three Electron targets. The renderer section
 * reuses vite.renderer.ts so the desktop app and the web build ship the same
 * bundle; only main and preload are Electron-specific.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.ts';

const here = import.meta.dirname;
const renderer = rendererConfig(resolve(here, 'out/renderer'));

export default defineConfig({
  main: {
    build: {
      outDir: resolve(here, 'out/main'),
      // package.json "main" points at out/main/index.js; ESM because "type": "module".
      lib: { entry: resolve(here, 'electron/main/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    },
  },
  preload: {
    build: {
      outDir: resolve(here, 'out/preload'),
      // A sandboxed preload is loaded by Electron's own CommonJS loader and may
      // only require('electron'): it must be a single self-contained CJS file,
      // so zod (used by the bridge contract) is bundled in, not externalised.
      externalizeDeps: false,
      lib: { entry: resolve(here, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  },
  renderer: {
    ...renderer,
    build: {
      ...renderer.build,
      // electron-vite takes the entry from rolldownOptions only (it looks for
      // src/renderer/index.html otherwise), so it is named here explicitly.
      rolldownOptions: { input: resolve(renderer.root ?? resolve(here, 'renderer'), 'index.html') },
    },
  },
});
