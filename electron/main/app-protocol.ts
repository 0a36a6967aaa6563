/**
 * The privileged custom scheme the renderer is served from.
 *
 * IndexedDB, and so every local workspace, belongs to an origin. The origin is
 * therefore chosen once and never changes: `stroomkring://app`. A standard,
 * secure scheme gives the renderer a real origin (file:// would not), a secure
 * context for WebCrypto, and fetch() against its own files.
 *
 * URL shape: `stroomkring://app/<path>`; `/` serves index.html. Anything that
 * could leave the renderer's output directory is refused, not normalised, so
 * a bug that builds such a URL shows up instead of being silently "fixed".
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp';

export const APP_SCHEME = 'stroomkring';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Passed to protocol.registerSchemesAsPrivileged before the app is ready. */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

export type AppRequestResolution =
  | { readonly ok: true; readonly filePath: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

/** `..` as a path segment, literally or percent-encoded in any mix (`.%2e`, `%2E%2E`, ...). */
const DOT_DOT_SEGMENT = /(?:^|[/\\])(?:\.|%2e){2}(?:[/\\]|$)/i;
/** Characters that mean something to a file system but never appear in the renderer's asset names. */
const FORBIDDEN_IN_PATH = /[\\:\0]/;

function refuse(status: 400 | 403 | 404, reason: string): AppRequestResolution {
  return { ok: false, status, reason };
}

/** Maps a request URL to an absolute file path inside `rootDir`, or says why not. */
export function resolveAppRequest(requestUrl: string, rootDir: string): AppRequestResolution {
  // Checked on the raw text: the URL parser would quietly collapse the segments.
  const rawPath = requestUrl.replace(/^[^:]*:\/\/[^/]*/, '').split(/[?#]/, 1)[0] ?? '';
  if (DOT_DOT_SEGMENT.test(rawPath)) return refuse(403, 'path traversal');

  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refuse(400, 'malformed URL');
  }
  if (url.protocol !== `${APP_SCHEME}:`) return refuse(403, `scheme ${url.protocol} is not served here`);
  if (url.host !== APP_HOST || url.username !== '' || url.password !== '') return refuse(403, `host ${url.host} is not served here`);

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  if (FORBIDDEN_IN_PATH.test(pathname) || pathname.startsWith('//')) return refuse(403, 'forbidden characters in path');
  const segments = pathname.slice(1).split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return refuse(403, 'path traversal');
  if (segments.some((segment) => segment === '')) return refuse(404, 'not a file');

  const root = resolve(rootDir);
  const filePath = resolve(root, ...segments);
  // Last line of defence, independent of the checks above.
  const rel = relative(root, filePath);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return refuse(403, 'outside the app directory');
  return { ok: true, filePath };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Unknown types are served as opaque bytes; with nosniff the renderer will not execute them. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers of every successful response; the CSP header is what protects the packaged app. */
export function appResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(filePath),
    'Content-Security-Policy': contentSecurityPolicy('header'),
    'X-Content-Type-Options': 'nosniff',
    // Assets are replaced wholesale on update; never serve a stale index.html.
    'Cache-Control': 'no-cache',
  };
}
