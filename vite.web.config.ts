import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { webHostPlugin } from './electron/web-host/web-host-plugin.ts';
import { rendererConfig } from './vite.renderer.ts';

/** Port for `npm run web` and the end-to-end tests; loopback only. */
export const WEB_PORT = 5178;

const renderer = rendererConfig(resolve(import.meta.dirname, 'dist-web'));

export default defineConfig({
  ...renderer,
  // The web host: this device's signaling hub and its endpoints, beside the page (browser mode only).
  plugins: [...(renderer.plugins ?? []), webHostPlugin()],
  server: { host: '127.0.0.1', port: WEB_PORT, strictPort: true },
  preview: { host: '127.0.0.1', port: WEB_PORT, strictPort: true },
});
