/**
 * The desktop app's signaling hub: on all interfaces so partners in the
 * room reach it, announced by mDNS, on a fixed port so addresses in invites
 * and typed-in addresses stay valid across restarts.
 */
import { DEFAULT_HUB_PORT } from '../../shared/sync/hub-address.ts';
import { inviteHubUrls } from '../signaling/invite-hub-urls.ts';
import { startLocalHub, type LocalHub, type LocalHubOptions } from '../signaling/start-local-hub.ts';

export interface DesktopHub {
  readonly hub: LocalHub;
  /** For the renderer on this machine. */
  readonly signalingUrl: string;
  readonly reachableAt: () => string[];
}

function isAddressInUse(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EADDRINUSE';
}

/** Falls back to any free port when the fixed one is taken (a second app, another program). */
export async function startDesktopHub(options: Partial<LocalHubOptions> = {}): Promise<DesktopHub> {
  const base: LocalHubOptions = { host: '0.0.0.0', discovery: true, ...options };
  let hub: LocalHub;
  try {
    hub = await startLocalHub({ ...base, port: options.port ?? DEFAULT_HUB_PORT });
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    hub = await startLocalHub({ ...base, port: 0 });
  }
  return { hub, signalingUrl: hub.url, reachableAt: () => inviteHubUrls(hub) };
}
