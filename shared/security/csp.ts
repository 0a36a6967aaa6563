/**
 * The renderer's Content-Security-Policy, shared by the Electron protocol
 * handler (as a response header) and the web build (as a meta tag).
 *
 * style-src allows 'unsafe-inline' because Mantine writes its CSS variables
 * into a <style> element at run time; scripts stay strictly 'self'.
 * connect-src: 'self' (in browser mode the page's own host, including its
 * ws:// signaling hub), the desktop app's own hub on loopback, and wss: for
 * signaling servers the user adds for partners outside the LAN. WebRTC data
 * channels are not subject to connect-src. The app loads no remote content.
 *
 * PDF previews (pdf.js) need nothing beyond this: its worker is a bundled file
 * of the app (worker-src 'self'), it gets the bytes as an array (no fetch),
 * WebAssembly decoders are switched off (so no 'wasm-unsafe-eval'), fonts are
 * loaded from memory through the FontFace API, pages are drawn on <canvas>,
 * and images and previews use blob: URLs (img-src blob:).
 */
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self' ws://127.0.0.1:* wss:"],
  ['worker-src', "'self' blob:"],
  ['manifest-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a <meta> CSP may not carry (browsers ignore them there and warn). */
const HEADER_ONLY = new Set(['frame-ancestors']);

export function contentSecurityPolicy(delivery: 'header' | 'meta'): string {
  return directives
    .filter(([name]) => delivery === 'header' || !HEADER_ONLY.has(name))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
