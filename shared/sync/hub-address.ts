/**
 * Peer hub addresses as people type them ("192.168.1.20", "laptop.local:4455")
 * turned into the ws:// URL a hub listens on.
 */
import { z } from 'zod';

export const DEFAULT_HUB_PORT = 4455;
export const HUB_PATH = '/signal';

export class HubAddressError extends Error {
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
  if (!url.hostname || url.username || url.password) throw new HubAddressError(`not a host address: ${text}`);
  if (!url.port && url.protocol === 'ws:') url.port = String(DEFAULT_HUB_PORT);
  if (url.pathname === '/' || url.pathname === '') url.pathname = HUB_PATH;
  url.hash = '';
  return url.toString();
}

/** A hub URL as carried in invites and over the bridge. */
export const HubUrlSchema = z
  .string()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'ws:' || url.protocol === 'wss:';
    } catch {
      return false;
    }
  }, 'not a ws:// or wss:// address');
