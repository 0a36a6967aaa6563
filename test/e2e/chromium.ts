/**
 * How the tests start Debian's Chromium on these machines: no sandbox (root),
 * no GPU, no background traffic, and WebRTC host candidates as plain IPs so
 * nothing is resolved by multicast DNS.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumArgs(extra: string[] = []): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-features=WebRtcHideLocalIpsWithMdns',
    ...extra,
  ];
}
