/**
 * Invite codes: everything a partner needs to join a workspace, as one line
 * of text they can paste (or scan as a QR code).
 *
 *   SK1.<payload>.<signature>
 *
 * payload   base64url of the UTF-8 JSON of an InvitePayload (below)
 * signature base64url Ed25519 signature by the inviter's member key over the
 *           payload's bytes; the inviter's public key is inside the payload
 *
 * The signature makes any change to a code detectable (a flipped character,
 * a truncated copy, an edited hub address); it does not prove who the
 * inviter is, which the user knows from how they received the code.
 */
import { z } from 'zod';
import { fromBase64Url, toBase64Url } from '../crypto/base64url';
import { SIGNING_ALGORITHM } from '../crypto/identity-keys';
import { LIMITS } from '../domain/limits';
import { regionIds } from '../regions';
import { HubUrlSchema } from '../sync/hub-address';
import { WorkspaceKeySchema } from './workspace-key';

const PREFIX = 'SK1';
/** Generous for a few LAN addresses and names; a QR code holds about 2.9 kB. */
const MAX_CODE_LENGTH = 4000;
const MAX_HUBS = 8;

export const InvitePayloadSchema = z.object({
  v: z.literal(1),
  inviteId: z.string().min(1).max(64),
  workspaceId: z.string().min(1).max(64),
  regionId: z.enum(regionIds),
  workspaceName: z.string().max(LIMITS.workspaceName),
  key: WorkspaceKeySchema,
  hubs: z.array(HubUrlSchema).max(MAX_HUBS),
  inviter: z.object({
    memberId: z.string().min(1).max(64),
    displayName: z.string().min(1).max(LIMITS.displayName),
    organisationName: z.string().min(1).max(LIMITS.organisationName),
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  }),
  createdAt: z.number().int().nonnegative(),
});
export type InvitePayload = z.infer<typeof InvitePayloadSchema>;

export type InviteProblem = 'empty' | 'notAnInvite' | 'truncated' | 'tampered' | 'unsupportedVersion' | 'invalid';

export class InviteCodeError extends Error {
  override readonly name = 'InviteCodeError';
  constructor(
    readonly problem: InviteProblem,
    detail: string,
  ) {
    super(`Invite code ${problem}: ${detail}`);
  }
}

export async function encodeInvite(payload: InvitePayload, privateKey: CryptoKey): Promise<string> {
  const valid = InvitePayloadSchema.parse(payload);
  const bytes = new TextEncoder().encode(JSON.stringify(valid));
  const signature = new Uint8Array(await crypto.subtle.sign(SIGNING_ALGORITHM, privateKey, bytes));
  return `${PREFIX}.${toBase64Url(bytes)}.${toBase64Url(signature)}`;
}

/** Whitespace and line breaks from mail clients and chat apps are ignored. */
function normalise(code: string): string {
  return code.replace(/\s+/g, '');
}

/** Decodes strictly: a non-canonical last character (unused bits set) is a change to the code too. */
function decodePart(text: string, what: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(text);
  } catch {
    throw new InviteCodeError('truncated', `${what} is not valid base64url`);
  }
  if (toBase64Url(bytes) !== text) throw new InviteCodeError('tampered', `${what} is not canonical base64url`);
  return bytes;
}

/** Decodes and verifies an invite code; throws InviteCodeError saying what is wrong. */
export async function decodeInvite(code: string): Promise<InvitePayload> {
  const text = normalise(code);
  if (text === '') throw new InviteCodeError('empty', 'no code given');
  if (text.length > MAX_CODE_LENGTH) throw new InviteCodeError('notAnInvite', 'far too long');
  const parts = text.split('.');
  const [prefix, payloadText, signatureText] = parts;
  if (!prefix?.startsWith('SK')) throw new InviteCodeError('notAnInvite', 'does not start with SK1');
  if (prefix !== PREFIX) throw new InviteCodeError('unsupportedVersion', `version ${prefix} is not supported`);
  if (parts.length > 3) throw new InviteCodeError('notAnInvite', 'too many parts');
  if (!payloadText || !signatureText) throw new InviteCodeError('truncated', 'a part is missing');

  const payloadBytes = decodePart(payloadText, 'payload');
  const signature = decodePart(signatureText, 'signature');
  if (signature.length !== 64) throw new InviteCodeError('truncated', 'signature has the wrong length');

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes));
  } catch {
    throw new InviteCodeError('tampered', 'payload is not readable');
  }
  const parsed = InvitePayloadSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { v?: unknown } | null)?.v;
    if (typeof version === 'number' && version !== 1) throw new InviteCodeError('unsupportedVersion', `payload version ${version}`);
    throw new InviteCodeError('invalid', parsed.error.issues[0]?.message ?? 'payload does not match');
  }

  let verified = false;
  try {
    const publicKey = await crypto.subtle.importKey('raw', fromBase64Url(parsed.data.inviter.publicKey) as Uint8Array<ArrayBuffer>, SIGNING_ALGORITHM, false, ['verify']);
    verified = await crypto.subtle.verify(SIGNING_ALGORITHM, publicKey, signature as Uint8Array<ArrayBuffer>, payloadBytes as Uint8Array<ArrayBuffer>);
  } catch {
    verified = false;
  }
  if (!verified) throw new InviteCodeError('tampered', 'signature does not match');
  return parsed.data;
}
