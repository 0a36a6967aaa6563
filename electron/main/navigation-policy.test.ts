import { describe, expect, it } from 'vitest';
import { appNavigationPolicy, createNavigationPolicy, isAppUrl, isTrustedIpcSender, originOf } from './navigation-policy';

describe('originOf', () => {
  it.each([
    ['stroomkring://app/index.html', 'stroomkring://app'],
    ['STROOMKRING://app/x', 'stroomkring://app'],
    ['http://localhost:5173/src/main.tsx', 'http://localhost:5173'],
    ['https://example.org/a?b#c', 'https://example.org'],
  ])('%s → %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each([undefined, '', 'not a url', 'about:blank', 'data:text/html,hi', 'javascript:alert(1)', 'stroomkring://user@app/', 'stroomkring://:pw@app/'])(
    'has no origin: %s',
    (url) => {
      expect(originOf(url)).toBeUndefined();
    },
  );
});

describe('app navigation policy', () => {
  it('recognises only stroomkring://app as the app', () => {
    expect(isAppUrl('stroomkring://app/index.html')).toBe(true);
    expect(isAppUrl('stroomkring://app/')).toBe(true);
    for (const url of [
      'stroomkring://app.evil.com/index.html',
      'stroomkring://evil/index.html',
      'stroomkring://app:1/index.html',
      'stroomkring://evil@app/index.html',
      'https://app/index.html',
      'file:///index.html',
      'http://localhost:5173/',
      'about:blank',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('allows navigation within the app only', () => {
    expect(appNavigationPolicy.allowNavigation('stroomkring://app/index.html#/regio/3')).toBe(true);
    expect(appNavigationPolicy.allowNavigation('https://example.org/')).toBe(false);
    expect(appNavigationPolicy.allowNavigation('file:///etc/passwd')).toBe(false);
    expect(appNavigationPolicy.allowNavigation('javascript:alert(1)')).toBe(false);
  });

  it('denies every new window, handing http(s) links to the browser', () => {
    expect(appNavigationPolicy.windowOpen('https://www.regionale-energiestrategie.nl/')).toEqual({
      action: 'deny',
      openExternally: 'https://www.regionale-energiestrategie.nl/',
    });
    expect(appNavigationPolicy.windowOpen('http://example.org/')).toEqual({ action: 'deny', openExternally: 'http://example.org/' });
    for (const url of ['stroomkring://app/index.html', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'mailto:a@b.nl', 'smb://server/share', 'about:blank', '']) {
      expect(appNavigationPolicy.windowOpen(url), url).toEqual({ action: 'deny', openExternally: undefined });
    }
  });

  it('trusts IPC only from app frames', () => {
    expect(isTrustedIpcSender('stroomkring://app/index.html')).toBe(true);
    expect(isTrustedIpcSender(undefined)).toBe(false);
    expect(isTrustedIpcSender('')).toBe(false);
    expect(isTrustedIpcSender('https://evil.example/')).toBe(false);
    expect(isTrustedIpcSender('http://localhost:5173/')).toBe(false);
    expect(isTrustedIpcSender('about:blank')).toBe(false);
  });
});

describe('development policy', () => {
  const dev = createNavigationPolicy(['stroomkring://app', 'http://localhost:5173']);

  it('also trusts the dev server origin it was given, and nothing else', () => {
    expect(dev.isTrustedIpcSender('http://localhost:5173/index.html')).toBe(true);
    expect(dev.allowNavigation('http://localhost:5173/')).toBe(true);
    expect(dev.isTrustedIpcSender('http://localhost:5174/')).toBe(false);
    expect(dev.isTrustedIpcSender('http://127.0.0.1:5173/')).toBe(false);
  });
});
