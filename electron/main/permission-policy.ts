/**
 * Which Chromium permission requests the app grants: none. The app needs no
 * camera, microphone, location, notifications or clipboard-read, and every
 * grant would be reachable by anything that ever ran in the renderer.
 *
 * If a feature turns out to need one (Chromium's Local Network Access checks,
 * 'local-network-access' / 'loopback-network', are the likely candidates for
 * LAN signaling), add it here, with its reason, and a test.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}
