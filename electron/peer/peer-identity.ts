/**
 * The region peer's own keys and what it was linked to, in `identity.json`
 * in its data directory (readable by its owner only): the device's Ed25519
 * and X25519 key pairs (made here, never sent; PKCS #8 as the identity
 * backup keeps them), and once linked, the person it is a device of and
 * each workspace with its key, hubs, founder and this device's grant, and
 * the person's confidential rooms in them (id, title, key, hubs). The
 * file carries a version; another version is named, never guessed at.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fromBase64Url, toBase64Url } from '../../shared/crypto/base64url';
import { memberIdFromPublicKey, SIGNING_ALGORITHM } from '../../shared/crypto/identity-keys';
import { BOX_ALGORITHM, type BoxKeys } from '../../shared/crypto/sealed-box';
import { LinkedRoomSchema } from '../../shared/membership/device-link';
import { PersonSchema, WorkspaceEntrySchema } from '../../shared/membership/identity-backup';
import { PublicKeyTextSchema } from '../../shared/membership/membership-record';
import { StroomkringError } from '../../shared/errors/stroomkring-error';

const VERSION = 1;
const FILE = 'identity.json';
const KeyText = z.string().regex(/^[A-Za-z0-9_-]{40,400}$/);

const IdentityFileSchema = z.object({
  v: z.number().int(),
  device: z.object({ name: z.string().trim().min(1).max(100), publicKey: PublicKeyTextSchema, signingKey: KeyText, boxPublicKey: PublicKeyTextSchema, boxKey: KeyText }),
  person: PersonSchema.optional(),
  workspaces: z.array(WorkspaceEntrySchema).max(200),
  rooms: z.array(LinkedRoomSchema).max(200).default([]),
});
type IdentityFile = z.infer<typeof IdentityFileSchema>;

export class PeerIdentityError extends StroomkringError {
  override readonly name = 'PeerIdentityError';
  constructor(
    readonly problem: 'missing' | 'damaged' | 'otherVersion' | 'alreadyLinked',
    detail: string,
  ) {
    super(detail);
  }
}

export interface PeerIdentity {
  readonly file: IdentityFile;
  readonly signing: { readonly publicKey: CryptoKey; readonly privateKey: CryptoKey; readonly publicKeyB64: string; readonly memberId: string };
  readonly box: BoxKeys;
}

const pathOf = (directory: string) => join(directory, FILE);

async function save(directory: string, file: IdentityFile): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const temporary = `${pathOf(directory)}.new`;
  await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, pathOf(directory));
}

async function withKeys(file: IdentityFile): Promise<PeerIdentity> {
  const raw = (text: string) => fromBase64Url(text) as Uint8Array<ArrayBuffer>;
  const signing = {
    publicKey: await crypto.subtle.importKey('raw', raw(file.device.publicKey), SIGNING_ALGORITHM, true, ['verify']),
    privateKey: await crypto.subtle.importKey('pkcs8', raw(file.device.signingKey), SIGNING_ALGORITHM, false, ['sign']),
    publicKeyB64: file.device.publicKey,
    memberId: await memberIdFromPublicKey(raw(file.device.publicKey)),
  };
  const box = {
    publicKey: await crypto.subtle.importKey('raw', raw(file.device.boxPublicKey), BOX_ALGORITHM, true, []),
    privateKey: await crypto.subtle.importKey('pkcs8', raw(file.device.boxKey), BOX_ALGORITHM, false, ['deriveBits']),
    publicKeyB64: file.device.boxPublicKey,
  };
  return { file, signing, box };
}

/** The identity in `directory`, or a PeerIdentityError saying why not. */
export async function loadIdentity(directory: string): Promise<PeerIdentity> {
  let text: string;
  try {
    text = await readFile(pathOf(directory), 'utf8');
  } catch {
    throw new PeerIdentityError('missing', `no ${FILE} in ${directory}: run "link" first`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PeerIdentityError('damaged', `${FILE} is not JSON`);
  }
  const version = (parsed as { v?: unknown } | null)?.v;
  if (version !== VERSION) throw new PeerIdentityError('otherVersion', `${FILE} is of version ${String(version)}; this peer reads version ${VERSION}`);
  const file = IdentityFileSchema.safeParse(parsed);
  if (!file.success) throw new PeerIdentityError('damaged', `${FILE} does not read: ${file.error.issues[0]?.message ?? 'invalid'}`);
  return withKeys(file.data);
}

/** Makes this device's keys (or keeps the ones made before, while not linked yet). */
export async function makeOrKeepKeys(directory: string, name: string): Promise<PeerIdentity> {
  const existing = await loadIdentity(directory).catch((error: unknown) => {
    if (error instanceof PeerIdentityError && error.problem === 'missing') return undefined;
    throw error;
  });
  if (existing?.file.person) throw new PeerIdentityError('alreadyLinked', `this peer is already a device of ${existing.file.person.profile.displayName}`);
  if (existing) return existing;
  // Extractable once, to be written to identity.json; loaded again as non-extractable.
  const signing = (await crypto.subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const box = (await crypto.subtle.generateKey(BOX_ALGORITHM, true, ['deriveBits'])) as CryptoKeyPair;
  const text = async (format: 'raw' | 'pkcs8', key: CryptoKey) => toBase64Url(new Uint8Array(await crypto.subtle.exportKey(format, key)));
  const file: IdentityFile = {
    v: VERSION,
    device: { name, publicKey: await text('raw', signing.publicKey), signingKey: await text('pkcs8', signing.privateKey), boxPublicKey: await text('raw', box.publicKey), boxKey: await text('pkcs8', box.privateKey) },
    workspaces: [],
    rooms: [],
  };
  await save(directory, file);
  return withKeys(file);
}

/** Records what the link code gave: the person, the workspaces with this device's grants, and the rooms. */
export async function saveLinked(directory: string, identity: PeerIdentity, linked: Pick<IdentityFile, 'person' | 'workspaces' | 'rooms'>): Promise<PeerIdentity> {
  const file: IdentityFile = { ...identity.file, ...linked };
  await save(directory, file);
  return { ...identity, file };
}

/** A workspace's or room's rotated key, so the peer starts on it after a restart (peer-document.ts). */
export async function saveRotatedKey(directory: string, documentId: string, key: string): Promise<void> {
  const { file } = await loadIdentity(directory);
  const workspaces = file.workspaces.map((workspace) => (workspace.workspaceId === documentId ? { ...workspace, key } : workspace));
  const rooms = file.rooms.map((room) => (room.roomId === documentId ? { ...room, key } : room));
  await save(directory, { ...file, workspaces, rooms });
}
