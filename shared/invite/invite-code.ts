/**
 * Invite codes: everything a partner needs to join a workspace, as one line
 * of text they can paste (or scan as a QR code).
 *
 *   SK1.<payload>.<signature>   (envelope and signature: signed-code.ts)
 *
 * payload   an InvitePayload (below), signed by the inviter
 */
import { z } from 'zod';
import { LIMITS } from '../domain/limits';
import { regionIds } from '../regions';
import { HubUrlSchema } from '../sync/hub-address';
import { SignedCodeError, decodeSignedCode, encodeSignedCode, type SignedCodeFormat, type SignedCodeProblem } from './signed-code';
import { WorkspaceKeySchema } from './workspace-key';
import { StroomkringError } from '../errors/stroomkring-error';

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
  /** The workspace founder's public key: the root every member is proven from (absent in invites from before proven membership). */
  founderKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional(),
  /** After this moment (ms since epoch) no member admits anyone with this invite. */
  expiresAt: z.number().int().nonnegative().optional(),
});
export type InvitePayload = z.infer<typeof InvitePayloadSchema>;

/** `roomCode`: a confidential room's code pasted where a workspace invite belongs. */
export type InviteProblem = 'empty' | 'notAnInvite' | 'roomCode' | 'truncated' | 'tampered' | 'unsupportedVersion' | 'invalid';

export class InviteCodeError extends StroomkringError {
  override readonly name = 'InviteCodeError';
  constructor(
    readonly problem: InviteProblem,
    detail: string,
  ) {
    super(`Invite code ${problem}: ${detail}`);
  }
}

const FORMAT: SignedCodeFormat<InvitePayload> = {
  prefix: PREFIX,
  schema: InvitePayloadSchema,
  maxLength: MAX_CODE_LENGTH,
  classifyPrefix: (prefix) => (prefix?.startsWith('SKR') ? 'otherKind' : prefix?.startsWith('SK') ? 'unsupportedVersion' : 'notACode'),
  publicKeyOf: (payload) => payload.inviter.publicKey,
};

const PROBLEMS: Record<SignedCodeProblem, InviteProblem> = {
  empty: 'empty',
  notACode: 'notAnInvite',
  otherKind: 'roomCode',
  truncated: 'truncated',
  tampered: 'tampered',
  unsupportedVersion: 'unsupportedVersion',
  invalid: 'invalid',
};

export function encodeInvite(payload: InvitePayload, privateKey: CryptoKey): Promise<string> {
  return encodeSignedCode(FORMAT, payload, privateKey);
}

/** Decodes and verifies an invite code; throws InviteCodeError saying what is wrong. */
export async function decodeInvite(code: string): Promise<InvitePayload> {
  try {
    return await decodeSignedCode(FORMAT, code);
  } catch (error) {
    if (error instanceof SignedCodeError) throw new InviteCodeError(PROBLEMS[error.problem], error.message);
    throw error;
  }
}
