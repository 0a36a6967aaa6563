/**
 * Room invite codes: what one invited member needs to join a confidential
 * room, as one line of text handed over by the inviter (never through the
 * workspace document, which every partner receives).
 *
 *   SKR1.<payload>.<signature>
 *
 * payload   base64url of the UTF-8 JSON of a RoomInvitePayload (below)
 * signature base64url Ed25519 signature by the inviter's member key over the
 *           payload's bytes; the inviter's public key is inside the payload
 *
 * A prefix of its own (not a kind field in SK1) so a workspace invite pasted
 * as a room code, or the other way round, is recognised and named as such.
 * The code carries the room's key, so whoever holds it can read the room: the
 * signature detects a changed or truncated code, not a forwarded one. The
 * `invitee` field lets the app refuse a code meant for someone else.
 */
import { z } from 'zod';
import { fromBase64Url, toBase64Url } from '../crypto/base64url';
import { SIGNING_ALGORITHM } from '../crypto/identity-keys';
import { LIMITS } from '../domain/limits';
import { WorkspaceKeySchema } from '../invite/workspace-key';
import { HubUrlSchema } from '../sync/hub-address';
import { ROOM_LIMITS } from './room-doc';

export const ROOM_INVITE_PREFIX = 'SKR1';
const WORKSPACE_INVITE_PREFIX = 'SK1';
/** Room codes are shorter than workspace invites; the same ceiling keeps them QR-sized. */
const MAX_CODE_LENGTH = 4000;
const MAX_HUBS = 8;

export const RoomInvitePayloadSchema = z.object({
  v: z.literal(1),
  inviteId: z.string().min(1).max(64),
  workspaceId: z.string().min(1).max(64),
  roomId: z.string().min(1).max(64),
  /** Shown to the joiner before the room's content has arrived from a peer. */
  roomTitle: z.string().min(1).max(ROOM_LIMITS.title),
  key: WorkspaceKeySchema,
  hubs: z.array(HubUrlSchema).max(MAX_HUBS),
  invitee: z.string().min(1).max(64),
  inviter: z.object({
    memberId: z.string().min(1).max(64),
    displayName: z.string().min(1).max(LIMITS.displayName),
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  }),
  createdAt: z.number().int().nonnegative(),
});
export type RoomInvitePayload = z.infer<typeof RoomInvitePayloadSchema>;

export type RoomInviteProblem = 'empty' | 'notACode' | 'workspaceInvite' | 'truncated' | 'tampered' | 'unsupportedVersion' | 'invalid';

export class RoomInviteError extends Error {
  override readonly name = 'RoomInviteError';
  constructor(
    readonly problem: RoomInviteProblem,
    detail: string,
  ) {
    super(`Room invite code ${problem}: ${detail}`);
  }
}

export async function encodeRoomInvite(payload: RoomInvitePayload, privateKey: CryptoKey): Promise<string> {
  const valid = RoomInvitePayloadSchema.parse(payload);
  const bytes = new TextEncoder().encode(JSON.stringify(valid));
  const signature = new Uint8Array(await crypto.subtle.sign(SIGNING_ALGORITHM, privateKey, bytes));
  return `${ROOM_INVITE_PREFIX}.${toBase64Url(bytes)}.${toBase64Url(signature)}`;
}

/** Strict: a non-canonical encoding (unused bits set) is a change to the code too. */
function decodePart(text: string, what: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(text);
  } catch {
    throw new RoomInviteError('truncated', `${what} is not valid base64url`);
  }
  if (toBase64Url(bytes) !== text) throw new RoomInviteError('tampered', `${what} is not canonical base64url`);
  return bytes;
}

function checkPrefix(prefix: string | undefined): void {
  if (prefix === ROOM_INVITE_PREFIX) return;
  if (prefix === WORKSPACE_INVITE_PREFIX) throw new RoomInviteError('workspaceInvite', 'this is a workspace invite');
  if (prefix?.startsWith('SKR')) throw new RoomInviteError('unsupportedVersion', `version ${prefix} is not supported`);
  throw new RoomInviteError('notACode', 'does not start with SKR1');
}

/** Decodes and verifies a room invite code; throws RoomInviteError saying what is wrong. */
export async function decodeRoomInvite(code: string): Promise<RoomInvitePayload> {
  // Whitespace and line breaks from mail clients and chat apps are ignored.
  const text = code.replace(/\s+/g, '');
  if (text === '') throw new RoomInviteError('empty', 'no code given');
  if (text.length > MAX_CODE_LENGTH) throw new RoomInviteError('notACode', 'far too long');
  const parts = text.split('.');
  const [prefix, payloadText, signatureText] = parts;
  checkPrefix(prefix);
  if (parts.length > 3) throw new RoomInviteError('notACode', 'too many parts');
  if (!payloadText || !signatureText) throw new RoomInviteError('truncated', 'a part is missing');

  const payloadBytes = decodePart(payloadText, 'payload');
  const signature = decodePart(signatureText, 'signature');
  if (signature.length !== 64) throw new RoomInviteError('truncated', 'signature has the wrong length');

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes));
  } catch {
    throw new RoomInviteError('tampered', 'payload is not readable');
  }
  const parsed = RoomInvitePayloadSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { v?: unknown } | null)?.v;
    if (typeof version === 'number' && version !== 1) throw new RoomInviteError('unsupportedVersion', `payload version ${version}`);
    throw new RoomInviteError('invalid', parsed.error.issues[0]?.message ?? 'payload does not match');
  }

  let verified = false;
  try {
    const publicKey = await crypto.subtle.importKey('raw', fromBase64Url(parsed.data.inviter.publicKey) as Uint8Array<ArrayBuffer>, SIGNING_ALGORITHM, false, ['verify']);
    verified = await crypto.subtle.verify(SIGNING_ALGORITHM, publicKey, signature as Uint8Array<ArrayBuffer>, payloadBytes as Uint8Array<ArrayBuffer>);
  } catch {
    verified = false;
  }
  if (!verified) throw new RoomInviteError('tampered', 'signature does not match');
  return parsed.data;
}
