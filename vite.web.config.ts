import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from './vite.renderer.ts';

/** Port for `npm run web` and the end-to-end tests; loopback only. */
export const WEB_PORT = 5178;

export default defineConfig({
  ...rendererConfig(resolve(import.meta.dirname, 'dist-web')),
  server: { host: '127.0.0.1', port: WEB_PORT, strictPort: true },
  preview: { host: '127.0.0.1', port: WEB_PORT, strictPort: true },
});
