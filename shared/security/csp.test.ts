import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

describe('content security policy', () => {
  it('allows scripts only from the app itself, never eval or inline', () => {
    const policy = contentSecurityPolicy('header');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('lets the renderer reach only its own host, its loopback hub and secure signaling servers', () => {
    expect(contentSecurityPolicy('header')).toContain("connect-src 'self' ws://127.0.0.1:* wss:");
  });

  it('leaves header-only directives out of the meta tag', () => {
    expect(contentSecurityPolicy('meta')).not.toContain('frame-ancestors');
  });

  it('lets the PDF preview run its bundled worker without any eval, WebAssembly or remote source', () => {
    const policy = contentSecurityPolicy('header');
    expect(policy).toMatch(/worker-src 'self'/);
    expect(policy).toMatch(/img-src [^;]*blob:/);
    expect(policy).not.toMatch(/wasm-unsafe-eval|unsafe-eval|https?:/);
    expect(policy).toContain("font-src 'self'");
  });
});
