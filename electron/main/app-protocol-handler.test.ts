import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { createAppProtocolHandler } from './app-protocol-handler';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'stroomkring-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Stroomkring</title>');
  await writeFile(join(root, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'workspace key');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('app protocol handler', () => {
  it('serves index.html for the root with the security headers', async () => {
    const response = await createAppProtocolHandler(root)(new Request('stroomkring://app/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Stroomkring</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy('header'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await createAppProtocolHandler(root)(new Request('stroomkring://app/assets/main.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const response = await createAppProtocolHandler(root)(new Request('stroomkring://app/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 404 for missing files and directories', async () => {
    const handler = createAppProtocolHandler(root);
    expect((await handler(new Request('stroomkring://app/nope.js'))).status).toBe(404);
    expect((await handler(new Request('stroomkring://app/assets'))).status).toBe(404);
    expect((await handler(new Request('stroomkring://app/index.html/x'))).status).toBe(404);
  });

  it('never reads a file outside the renderer directory', async () => {
    const reads: string[] = [];
    const handler = createAppProtocolHandler(root, (path) => {
      reads.push(path);
      return Promise.resolve(new TextEncoder().encode('x'));
    });
    // Request (like Chromium) already collapses literal and %2e dot segments,
    // so those arrive as /secret.txt inside the root; encoded slashes do not.
    for (const url of ['stroomkring://app/../secret.txt', 'stroomkring://app/%2e%2e/secret.txt', 'stroomkring://app/..%2fsecret.txt', 'stroomkring://app/..%5csecret.txt']) {
      await handler(new Request(url));
    }
    expect(reads.every((path) => path.startsWith(`${root}${sep}`))).toBe(true);
    expect((await handler(new Request('stroomkring://app/..%2fsecret.txt'))).status).toBe(403);
  });

  it('does not serve files next to the renderer directory', async () => {
    const response = await createAppProtocolHandler(root)(new Request('stroomkring://app/../secret.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('workspace key');
  });

  it('refuses other methods', async () => {
    const response = await createAppProtocolHandler(root)(new Request('stroomkring://app/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('fails loudly on real read errors', async () => {
    const failure = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const handler = createAppProtocolHandler(root, () => Promise.reject(failure));
    await expect(handler(new Request('stroomkring://app/index.html'))).rejects.toBe(failure);
  });
});
