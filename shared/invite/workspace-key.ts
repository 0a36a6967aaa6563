/**
 * A workspace key: 256 random bits, base64url. It is the y-webrtc password
 * (encrypting signaling) and part of the room-name derivation; it is stored
 * only on the devices of the workspace's members and travels only inside an
 * invite code the user hands over.
 */
import { z } from 'zod';
import { toBase64Url } from '../crypto/base64url';

const KEY_BYTES = 32;

export const WorkspaceKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a 256-bit base64url key');

export function generateWorkspaceKey(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
}

/**
 * The room name the signaling servers see: a hash over the key and the
 * workspace id, so neither can be learned from it and two workspaces never
 * share a room.
 */
export async function roomNameFor(workspaceId: string, key: string): Promise<string> {
  const input = new TextEncoder().encode(`stroomkring/room/v1\u0000${key}\u0000${workspaceId}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
  return `sk-${toBase64Url(digest)}`;
}
