/**
 * Peer hub addresses as people type them ("192.168.1.20", "laptop.local:4444")
 * turned into the ws:// URL a hub listens on.
 */
import { z } from 'zod';
import { StroomkringError } from '../errors/stroomkring-error.ts';

/**
 * The one port every Stroomkring hub (desktop app and `npm run signal`) tries
 * first, and what a typed address without a port means: y-webrtc's own default
 * (its bin/server.js), so a stock signaling server is reached the same way.
 */
export const DEFAULT_HUB_PORT = 4444;
export const HUB_PATH = '/signal';

/**
 * Host names as they may appear in a hub address: a DNS name (letters,
 * digits, hyphens, dots), an IPv4 address, or a bracketed IPv6 address.
 * Checked explicitly because browsers' URL parsers percent-encode spaces and
 * other junk in ws:// hosts instead of refusing them.
 */
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])$/i;

/** A ws:// or wss:// URL with a plain host and no credentials. */
export function isHubUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'ws:' || url.protocol === 'wss:') && HOST_PATTERN.test(url.hostname) && !url.username && !url.password;
}

export class HubAddressError extends StroomkringError {
  override readonly name = 'HubAddressError';
}

export function normaliseHubAddress(input: string): string {
  const text = input.trim();
  if (text === '') throw new HubAddressError('empty address');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `ws://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new HubAddressError(`not an address: ${text}`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new HubAddressError(`not a ws:// or wss:// address: ${text}`);
  if (!HOST_PATTERN.test(url.hostname) || url.username || url.password) throw new HubAddressError(`not a host address: ${text}`);
  if (!url.port && url.protocol === 'ws:') url.port = String(DEFAULT_HUB_PORT);
  if (url.pathname === '/' || url.pathname === '') url.pathname = HUB_PATH;
  url.hash = '';
  return url.toString();
}

/** A hub URL as carried in invites and over the bridge. */
export const HubUrlSchema = z.string().max(200).refine(isHubUrl, 'not a ws:// or wss:// address with a plain host');
