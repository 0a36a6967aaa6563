/**
 * Linking a second device to a person (devices.ts), by two codes the person
 * carries between their own devices:
 *
 *   1. The new device makes its own keys (they never leave it) and shows a
 *      link request: its signing key, its encryption key and a name. Nothing
 *      in it is secret.
 *   2. The person pastes the request on a device they already use. Both
 *      devices show the same six-digit check, computed from the request; only
 *      when the person sees it match does that device grant the new key in
 *      every workspace it holds (identity-backup.ts's grantDevice) and answer
 *      with a link code.
 *   3. The new device pastes the link code: the person (key, member id,
 *      profile) and per workspace its id, name, region, current key, founder
 *      key, hubs and the grant; and the confidential rooms of those
 *      workspaces the granting device is in (id, title, key, hubs), so the
 *      new device, or the region peer, holds the person's rooms too. Rooms
 *      came later: a code without them reads as one with none. Because it
 *      carries workspace and room keys, it is
 *      encrypted to the new device's encryption key from the request, so a
 *      code seen by anyone else opens nothing; the new device checks every
 *      grant names its own key before it takes anything.
 *
 * The check is what stops a request swapped on the way (someone else's
 * device asking to be linked): the person compares six digits on two screens
 * they hold. Wire formats carry a version; another version is named.
 */
import { z } from 'zod';
import { fromBase64Url, toBase64Url } from '../crypto/base64url';
import { openBox, seal, type BoxKeys } from '../crypto/sealed-box';
import { checkGrants, IdentityBackupError, PersonSchema, WorkspaceEntrySchema, type BackupWorkspace } from './identity-backup';
import { PublicKeyTextSchema } from './membership-record';
import { WorkspaceKeySchema } from '../invite/workspace-key';
import { HubUrlSchema } from '../sync/hub-address';
import { StroomkringError } from '../errors/stroomkring-error';

const REQUEST_PREFIX = 'SKR';
const LINK_PREFIX = 'SKL';
const VERSION = 1;
const BOX_CONTEXT = 'stroomkring device link v1';
/** Two hundred workspaces with their grants stay far below this. */
const MAX_LINK_CHARS = 1_000_000;

export class DeviceLinkError extends StroomkringError {
  override readonly name = 'DeviceLinkError';
  constructor(
    readonly problem: 'notThisKind' | 'newerVersion' | 'damaged' | 'notForThisDevice' | 'grantInvalid',
    detail: string,
  ) {
    super(`Device link ${problem}: ${detail}`);
  }
}

const RequestSchema = z.object({ device: PublicKeyTextSchema, boxKey: PublicKeyTextSchema, name: z.string().trim().min(1).max(100) });
export type LinkRequest = z.infer<typeof RequestSchema>;

/** A confidential room the person is in, as the new device needs it to sync the room. */
export const LinkedRoomSchema = z.object({ roomId: z.string().min(1).max(64), workspaceId: z.string().min(1).max(64), title: z.string().max(200), key: WorkspaceKeySchema, hubs: z.array(HubUrlSchema).max(8) });
export type LinkedRoom = z.infer<typeof LinkedRoomSchema>;

const LinkSchema = z.object({ person: PersonSchema, device: PublicKeyTextSchema, workspaces: z.array(WorkspaceEntrySchema).max(200), rooms: z.array(LinkedRoomSchema).max(200).default([]) });
export type Link = z.input<typeof LinkSchema>;

/** `PREFIX<version>.<rest>`, the version read before anything else so another one is named, not called damaged. */
function splitCode(text: string, prefix: string): string {
  const compact = text.replace(/\s+/g, '');
  const match = /^([A-Z]{3})(\d+)\.(.+)$/.exec(compact);
  if (!match || match[1] !== prefix) throw new DeviceLinkError('notThisKind', `not a ${prefix} code`);
  if (Number(match[2]) > VERSION) throw new DeviceLinkError('newerVersion', `version ${match[2]}`);
  if (Number(match[2]) !== VERSION) throw new DeviceLinkError('damaged', `version ${match[2]}`);
  return match[3] as string;
}

export function encodeLinkRequest(request: LinkRequest): string {
  return `${REQUEST_PREFIX}${VERSION}.${toBase64Url(new TextEncoder().encode(JSON.stringify(RequestSchema.parse(request))))}`;
}

export function decodeLinkRequest(text: string): LinkRequest {
  const body = splitCode(text, REQUEST_PREFIX);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(body)));
  } catch {
    throw new DeviceLinkError('damaged', 'request is not readable');
  }
  const parsed = RequestSchema.safeParse(json);
  if (!parsed.success) throw new DeviceLinkError('damaged', parsed.error.issues[0]?.message ?? 'request');
  return parsed.data;
}

/** The six digits both devices show for one request, grouped for reading aloud ("042 917"). */
export async function linkCheck(request: LinkRequest): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${request.device}.${request.boxKey}.${request.name}`)));
  const n = (((digest[0] as number) << 24) | ((digest[1] as number) << 16) | ((digest[2] as number) << 8) | (digest[3] as number)) >>> 0;
  const six = String(n % 1_000_000).padStart(6, '0');
  return `${six.slice(0, 3)} ${six.slice(3)}`;
}

/** The link code for `request`: the person and their workspaces with the new device's grants, sealed to its encryption key. */
export async function sealLink(link: Link, request: LinkRequest): Promise<string> {
  const key = crypto.getRandomValues(new Uint8Array(32));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const aes = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
  const plain = new TextEncoder().encode(JSON.stringify(LinkSchema.parse(link)));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, plain));
  return `${LINK_PREFIX}${VERSION}.${await seal(key, request.boxKey, BOX_CONTEXT)}.${toBase64Url(iv)}${toBase64Url(cipher)}`;
}

/** Opens a link code on the device that made `request`, checking every grant is for this device and its person. */
export async function openLink(text: string, own: { readonly device: string; readonly box: Pick<BoxKeys, 'publicKey' | 'privateKey'> }): Promise<{ person: Link['person']; workspaces: BackupWorkspace[]; rooms: LinkedRoom[] }> {
  if (text.length > MAX_LINK_CHARS) throw new DeviceLinkError('damaged', 'far too long');
  const [sealedKey, rest] = splitCode(text, LINK_PREFIX).split('.');
  if (!sealedKey || !rest) throw new DeviceLinkError('damaged', 'parts missing');
  let plain: Uint8Array;
  try {
    const key = await openBox(sealedKey, own.box, BOX_CONTEXT);
    const bytes = fromBase64Url(rest);
    const aes = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['decrypt']);
    plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12) }, aes, bytes.slice(12)));
  } catch {
    // A code made for another request (or another device) does not open here; neither does a damaged one.
    throw new DeviceLinkError('notForThisDevice', 'the code does not open with this device’s key');
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    throw new DeviceLinkError('damaged', 'contents are not JSON');
  }
  const parsed = LinkSchema.safeParse(json);
  if (!parsed.success) throw new DeviceLinkError('damaged', parsed.error.issues[0]?.message ?? 'contents');
  if (parsed.data.device !== own.device) throw new DeviceLinkError('notForThisDevice', 'made for another device');
  try {
    await checkGrants(parsed.data.workspaces, own.device, parsed.data.person.publicKey);
  } catch (error) {
    if (error instanceof IdentityBackupError) throw new DeviceLinkError('grantInvalid', error.message);
    throw error;
  }
  // A room of a workspace the code does not grant could not be synced: it is left out.
  const granted = new Set(parsed.data.workspaces.map((workspace) => workspace.workspaceId));
  return { person: parsed.data.person, workspaces: parsed.data.workspaces, rooms: parsed.data.rooms.filter((room) => granted.has(room.workspaceId)) };
}
