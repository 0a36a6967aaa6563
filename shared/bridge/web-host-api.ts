/**
 * The few HTTP endpoints the web host (browser mode) serves beside the
 * renderer, standing in for the IPC bridge where the host must act: the
 * renderer's own signaling hub and its peer hubs. Same origin only.
 */
import { z } from 'zod';
import { HubUrlSchema } from '../sync/hub-address.ts';

export const WEB_HOST_PATHS = {
  /** WebSocket: this host's signaling hub. */
  signal: '/signal',
  /** GET: { reachableAt } */
  hub: '/__stroomkring/hub',
  /** POST: JSON array of hub URLs to connect to. */
  peers: '/__stroomkring/peers',
} as const;

export const WebHostHubInfoSchema = z.object({ reachableAt: z.array(HubUrlSchema).max(16) });
export const WebHostPeersRequestSchema = z.array(HubUrlSchema).max(32);
