/**
 * Turns a `stroomkring://app/...` request into a Response built from the
 * renderer's output directory. Written against the Fetch API types (global in
 * Node and in Electron's main process) so it runs unchanged in unit tests; the
 * Electron glue only passes it to `protocol.handle`.
 *
 * The file is read here rather than via `net.fetch(file://...)` so that the
 * response carries our headers (CSP, nosniff) and nothing of file://'s.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import { appResponseHeaders, resolveAppRequest } from './app-protocol';

export type ReadFile = (filePath: string) => Promise<Uint8Array>;

/** Errors the file system reports for "there is no such file here", as opposed to real failures. */
const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

export function createAppProtocolHandler(rootDir: string, readFile: ReadFile = fsReadFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const resolution = resolveAppRequest(request.url, rootDir);
    if (!resolution.ok) return plain(resolution.status, resolution.reason);
    let body: Uint8Array;
    try {
      body = await readFile(resolution.filePath);
    } catch (error) {
      if (NOT_FOUND_CODES.has(errorCode(error) ?? '')) return plain(404, 'not found');
      throw error;
    }
    const headers = appResponseHeaders(resolution.filePath);
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
