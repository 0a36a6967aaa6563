/**
 * Vite settings for the renderer, shared by the web build (vite.web.config.ts)
 * and the Electron build (electron.vite.config.ts), so both serve the very
 * same app.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { contentSecurityPolicy } from './shared/security/csp.ts';

const root = resolve(import.meta.dirname, 'renderer');
const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

/** Adds the CSP meta tag to production builds; the dev server needs React's inline refresh preamble. */
function cspMetaTag(): Plugin {
  return {
    name: 'stroomkring-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy('meta') }, injectTo: 'head-prepend' },
    ],
  };
}

export function rendererConfig(outDir: string): UserConfig {
  return {
    root,
    base: './',
    plugins: [react(), cspMetaTag()],
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome120',
      // Screens, dialogs and the English strings load when first shown (renderer/src/components/lazy-screen.tsx);
      // the start screen's own chunk is still about 1 MB, read from the local disk, never downloaded.
      chunkSizeWarningLimit: 1500,
      rolldownOptions: { input: resolve(root, 'index.html') },
    },
  };
}
