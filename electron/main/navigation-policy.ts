/**
 * Where the app's windows may go, and whom the main process listens to.
 *
 * The renderer holds every workspace key, so the only page that may ever run
 * in a window (and call the bridge) is the app itself. Navigation away is
 * refused; new windows are refused, with http(s) links handed to the user's
 * browser instead. Everything here is pure so it can be tested exhaustively.
 */
import { ExternalUrlSchema } from '../../shared/bridge/contract';
import { APP_ORIGIN } from './app-protocol';

/**
 * `scheme://host[:port]` of a URL, or undefined when it has none.
 * Computed by hand because Node's URL.origin is "null" for custom schemes
 * while Chromium treats our standard scheme as a real origin. URLs with
 * credentials get no origin: `stroomkring://evil@app` must not pass as ours.
 */
export function originOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.host === '' || url.username !== '' || url.password !== '') return undefined;
  return `${url.protocol}//${url.host}`;
}

export interface WindowOpenDecision {
  readonly action: 'deny';
  /** The http(s) URL to hand to the system browser, if any. */
  readonly openExternally: string | undefined;
}

export interface NavigationPolicy {
  /** True when the URL belongs to one of the app's own origins. */
  isAppUrl(url: string | undefined): boolean;
  /** will-navigate / will-redirect: stay on the app, never leave it. */
  allowNavigation(url: string): boolean;
  /** setWindowOpenHandler: never a new Electron window; maybe the system browser. */
  windowOpen(url: string): WindowOpenDecision;
  /** IPC: only frames showing the app may call the bridge. */
  isTrustedIpcSender(senderFrameUrl: string | undefined): boolean;
}

/**
 * `trustedOrigins` is the app origin, plus the electron-vite dev server's
 * origin in an unpackaged development run (the glue decides that, never a
 * packaged build).
 */
export function createNavigationPolicy(trustedOrigins: readonly string[] = [APP_ORIGIN]): NavigationPolicy {
  const trusted = new Set(trustedOrigins);
  const isAppUrl = (url: string | undefined): boolean => {
    const origin = originOf(url);
    return origin !== undefined && trusted.has(origin);
  };
  return {
    isAppUrl,
    allowNavigation: isAppUrl,
    windowOpen: (url) => ({ action: 'deny', openExternally: ExternalUrlSchema.safeParse(url).success ? url : undefined }),
    isTrustedIpcSender: isAppUrl,
  };
}

/** The policy of a packaged app: only `stroomkring://app`. */
export const appNavigationPolicy: NavigationPolicy = createNavigationPolicy();

export const isAppUrl = (url: string | undefined): boolean => appNavigationPolicy.isAppUrl(url);
export const isTrustedIpcSender = (senderFrameUrl: string | undefined): boolean => appNavigationPolicy.isTrustedIpcSender(senderFrameUrl);
