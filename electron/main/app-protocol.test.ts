import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { APP_ENTRY_URL, APP_ORIGIN, appResponseHeaders, appSchemePrivileges, contentTypeFor, resolveAppRequest } from './app-protocol';

const root = resolve('/srv/stroomkring/out/renderer');

function served(url: string): string {
  const result = resolveAppRequest(url, root);
  if (!result.ok) throw new Error(`expected ${url} to be served, got ${String(result.status)} ${result.reason}`);
  return result.filePath;
}

function refused(url: string): number {
  const result = resolveAppRequest(url, root);
  if (result.ok) throw new Error(`expected ${url} to be refused, got ${result.filePath}`);
  return result.status;
}

describe('app scheme', () => {
  it('is a privileged standard, secure scheme with fetch support', () => {
    expect(appSchemePrivileges).toEqual({ scheme: 'stroomkring', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(APP_ORIGIN).toBe('stroomkring://app');
    expect(APP_ENTRY_URL).toBe('stroomkring://app/index.html');
  });
});

describe('resolveAppRequest', () => {
  it('maps the root to index.html', () => {
    expect(served('stroomkring://app/')).toBe(join(root, 'index.html'));
    expect(served('stroomkring://app')).toBe(join(root, 'index.html'));
    expect(served('stroomkring://app/index.html')).toBe(join(root, 'index.html'));
  });

  it('serves nested assets and ignores query and fragment', () => {
    expect(served('stroomkring://app/assets/index-AbC123.js')).toBe(join(root, 'assets', 'index-AbC123.js'));
    expect(served('stroomkring://app/assets/app.css?v=2#x')).toBe(join(root, 'assets', 'app.css'));
  });

  it('decodes percent-encoded names', () => {
    expect(served('stroomkring://app/fonts/Inter%20Var.woff2')).toBe(join(root, 'fonts', 'Inter Var.woff2'));
  });

  it.each([
    'stroomkring://app/../secret.txt',
    'stroomkring://app/assets/../../secret.txt',
    'stroomkring://app/%2e%2e/secret.txt',
    'stroomkring://app/%2E%2E/secret.txt',
    'stroomkring://app/.%2e/secret.txt',
    'stroomkring://app/%2e./secret.txt',
    'stroomkring://app/assets/..',
    'stroomkring://app/..%2f..%2fetc/passwd',
    'stroomkring://app/..%5c..%5cwindows%5cwin.ini',
    'stroomkring://app/assets%2f..%2f..%2fsecret',
    'stroomkring://app/a\\..\\..\\secret',
  ])('refuses traversal: %s', (url) => {
    expect(refused(url)).toBe(403);
  });

  it.each([
    'stroomkring://app//etc/passwd',
    'stroomkring://app/%2fetc%2fpasswd',
    'stroomkring://app/C:/Windows/win.ini',
    'stroomkring://app/C%3a%5cWindows%5cwin.ini',
    'stroomkring://app/index.html%00.png',
  ])('refuses absolute or device paths: %s', (url) => {
    expect(refused(url)).toBe(403);
  });

  it.each([
    'stroomkring://evil/index.html',
    'stroomkring://app.evil/index.html',
    'stroomkring://app:8080/index.html',
    'stroomkring://user@app/index.html',
    'file:///etc/passwd',
    'https://app/index.html',
  ])('refuses other hosts and schemes: %s', (url) => {
    expect(refused(url)).toBe(403);
  });

  it('answers 400 for malformed input', () => {
    expect(refused('not a url')).toBe(400);
    expect(refused('stroomkring://app/%E0%A4%A')).toBe(400);
  });

  it('answers 404 for directories', () => {
    expect(refused('stroomkring://app/assets/')).toBe(404);
  });

  it('never resolves outside the root, whatever the input', () => {
    const pieces = ['..', '.', '%2e', '%2E', '%2f', '%5c', '/', '\\', 'a', 'index.html', '%00', ':', '%3a'];
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 5000; i++) {
      let path = '';
      const length = 1 + (next() % 8);
      for (let j = 0; j < length; j++) path += pieces[next() % pieces.length] ?? '';
      const result = resolveAppRequest(`stroomkring://app/${path}`, root);
      if (result.ok) expect(result.filePath.startsWith(root + '/') || result.filePath.startsWith(root + '\\')).toBe(true);
    }
  });
});

describe('response headers', () => {
  it('carry the CSP header, nosniff and the content type', () => {
    const headers = appResponseHeaders('/x/index.html');
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy('header'));
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it.each([
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.CSS', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.json', 'application/json; charset=utf-8'],
    ['noext', 'application/octet-stream'],
    ['a.exe', 'application/octet-stream'],
  ])('content type of %s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
