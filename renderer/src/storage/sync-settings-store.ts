import { z } from 'zod';
import { HubUrlSchema } from '../../../shared/sync/hub-address';
import type { StroomkringDatabase } from './database';

/** A STUN or TURN server as RTCPeerConnection takes it. */
export const IceServerSchema = z.object({
  urls: z
    .string()
    .max(300)
    .regex(/^(stun|stuns|turn|turns):/, 'not a stun: or turn: address'),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional(),
});
export type IceServer = z.infer<typeof IceServerSchema>;

/**
 * How this device syncs. Defaults keep everything on the local network:
 * no extra signaling servers and no STUN/TURN, so nothing reaches for the
 * internet unless the user adds a server.
 */
export const SyncSettingsSchema = z.object({
  workOffline: z.boolean(),
  extraSignaling: z.array(HubUrlSchema).max(8),
  iceServers: z.array(IceServerSchema).max(8),
  /** Connect only through a TURN relay: partners never learn this device's addresses (settings from before have none). */
  relayOnly: z.boolean().default(false),
});
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

export const DEFAULT_SYNC_SETTINGS: SyncSettings = { workOffline: false, extraSignaling: [], iceServers: [], relayOnly: false };

const KEY = 'sync';

export async function loadSyncSettings(db: StroomkringDatabase): Promise<SyncSettings> {
  const row = await db.settings.get(KEY);
  const parsed = SyncSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_SYNC_SETTINGS;
}

export async function saveSyncSettings(db: StroomkringDatabase, settings: SyncSettings): Promise<void> {
  await db.settings.put({ key: KEY, value: SyncSettingsSchema.parse(settings) });
}
