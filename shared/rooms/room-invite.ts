/**
 * Room invite codes: what one invited member needs to join a confidential
 * room, as one line of text handed over by the inviter (never through the
 * workspace document, which every partner receives).
 *
 *   SKR1.<payload>.<signature>   (envelope and signature: ../invite/signed-code.ts)
 *
 * payload   a RoomInvitePayload (below), signed by the inviter
 *
 * A prefix of its own (not a kind field in SK1) so a workspace invite pasted
 * as a room code, or the other way round, is recognised and named as such.
 * The code carries the room's key, so whoever holds it can read the room: the
 * signature detects a changed or truncated code, not a forwarded one. The
 * `invitee` field lets the app refuse a code meant for someone else.
 */
import { z } from 'zod';
import { LIMITS } from '../domain/limits';
import { SignedCodeError, decodeSignedCode, encodeSignedCode, type SignedCodeFormat, type SignedCodeProblem } from '../invite/signed-code';
import { WorkspaceKeySchema } from '../invite/workspace-key';
import { HubUrlSchema } from '../sync/hub-address';
import { ROOM_LIMITS } from './room-doc';
import { StroomkringError } from '../errors/stroomkring-error';

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

export class RoomInviteError extends StroomkringError {
  override readonly name = 'RoomInviteError';
  constructor(
    readonly problem: RoomInviteProblem,
    detail: string,
  ) {
    super(`Room invite code ${problem}: ${detail}`);
  }
}

const FORMAT: SignedCodeFormat<RoomInvitePayload> = {
  prefix: ROOM_INVITE_PREFIX,
  schema: RoomInvitePayloadSchema,
  maxLength: MAX_CODE_LENGTH,
  classifyPrefix: (prefix) => (prefix === WORKSPACE_INVITE_PREFIX ? 'otherKind' : prefix?.startsWith('SKR') ? 'unsupportedVersion' : 'notACode'),
  publicKeyOf: (payload) => payload.inviter.publicKey,
};

const PROBLEMS: Record<SignedCodeProblem, RoomInviteProblem> = {
  empty: 'empty',
  notACode: 'notACode',
  otherKind: 'workspaceInvite',
  truncated: 'truncated',
  tampered: 'tampered',
  unsupportedVersion: 'unsupportedVersion',
  invalid: 'invalid',
};

export function encodeRoomInvite(payload: RoomInvitePayload, privateKey: CryptoKey): Promise<string> {
  return encodeSignedCode(FORMAT, payload, privateKey);
}

/** Decodes and verifies a room invite code; throws RoomInviteError saying what is wrong. */
export async function decodeRoomInvite(code: string): Promise<RoomInvitePayload> {
  try {
    return await decodeSignedCode(FORMAT, code);
  } catch (error) {
    if (error instanceof SignedCodeError) throw new RoomInviteError(PROBLEMS[error.problem], error.message);
    throw error;
  }
}
