/**
 * Which Chromium permission requests the app grants. The app needs no
 * camera, microphone, location, notifications or clipboard-read, and every
 * grant would be reachable by anything that ever ran in the renderer.
 *
 * Granted, each for one reason:
 * - clipboard-sanitized-write: the "copy invite code" button writes plain text.
 *
 * If a feature turns out to need another (Chromium's Local Network Access
 * checks, 'local-network-access' / 'loopback-network', are the likely
 * candidates for LAN signaling), add it here, with its reason, and a test.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}
