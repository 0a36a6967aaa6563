/**
 * An identity backup: a device of its own (devices.ts), kept in a file.
 * Exporting makes a fresh key pair for the backup — signing and encryption —
 * whose private halves exist only inside the file, sealed with the user's
 * passphrase (crypto/passphrase-file.ts); the device that exports grants the
 * backup key as a device of its person in every workspace it holds, so no
 * device's own key ever leaves it. Restoring on a fresh install imports the
 * backup's keys as non-extractable and opens the same workspaces as that
 * person. A backup that was lost is removed like any device, which also cuts
 * off whoever found it.
 *
 * What the file holds (inside the sealed part, JSON, version 1): the person
 * (their first key, member id and profile), the backup device (its public
 * keys, its private keys as PKCS #8), and per workspace its id, name, region,
 * current key, founder key, hubs and the grant record. The workspaces'
 * contents are not in it: they come from partners once the restored device
 * connects (or from a workspace export, issue 13).
 *
 * The screens: renderer/src/devices (ExportBackupModal, RestoreBackupModal).
 */
import { z } from 'zod';
import { fromBase64Url, toBase64Url } from '../crypto/base64url';
import { SIGNING_ALGORITHM, type IdentityKeys } from '../crypto/identity-keys';
import { openWithPassphrase, sealWithPassphrase, type ScryptCost } from '../crypto/passphrase-file';
import { BOX_ALGORITHM, type BoxKeys } from '../crypto/sealed-box';
import { IdentityProfileSchema, type IdentityProfile } from '../domain/identity';
import { PublicKeyTextSchema, signMembershipRecord, verifyMembershipRecord } from './membership-record';
import { StroomkringError } from '../errors/stroomkring-error';

export const BACKUP_FORMAT = 'stroomkring-identity-backup';
const BACKUP_VERSION = 1;
/** Dozens of workspaces with their grants are a few hundred kB at most. */
const MAX_BACKUP_CHARS = 2_000_000;

const KeyBytes = z.string().regex(/^[A-Za-z0-9_-]{40,400}$/);
export const WorkspaceEntrySchema = z.object({
  workspaceId: z.string().min(1).max(64),
  name: z.string().max(200),
  regionId: z.string().min(1).max(64),
  key: z.string().min(1).max(200),
  founderKey: PublicKeyTextSchema,
  hubs: z.array(z.string().max(300)).max(20),
  grant: z.string().min(1).max(4000),
});
export type BackupWorkspace = z.infer<typeof WorkspaceEntrySchema>;

export const PersonSchema = z.object({ publicKey: PublicKeyTextSchema, memberId: z.string().min(1).max(64), profile: IdentityProfileSchema });

const ContentsSchema = z.object({
  v: z.literal(BACKUP_VERSION),
  createdAt: z.number().int().nonnegative(),
  person: PersonSchema,
  device: z.object({ name: z.string().min(1).max(100), publicKey: PublicKeyTextSchema, signingKey: KeyBytes, boxPublicKey: PublicKeyTextSchema, boxKey: KeyBytes }),
  workspaces: z.array(WorkspaceEntrySchema).max(200),
});

export class IdentityBackupError extends StroomkringError {
  override readonly name = 'IdentityBackupError';
  constructor(
    readonly problem: 'damaged' | 'newerVersion' | 'grantInvalid',
    detail: string,
  ) {
    super(`Identity backup ${problem}: ${detail}`);
  }
}

/** A workspace the exporting device holds, and what it needs to grant the backup there. */
export interface WorkspaceToBackUp extends Omit<BackupWorkspace, 'grant'> {
  /** The exporting device's own key there (its person's first key, or a granted device). */
  readonly signer: Pick<IdentityKeys, 'publicKeyB64' | 'privateKey'>;
}

export interface BackupSubject {
  readonly person: { readonly publicKey: string; readonly memberId: string; readonly profile: IdentityProfile };
  readonly deviceName: string;
  readonly workspaces: readonly WorkspaceToBackUp[];
}

/** The backup file's text, and the grant records to add to each workspace (keyed by workspace id) so the backup counts there. */
export async function exportIdentityBackup(
  subject: BackupSubject,
  passphrase: string,
  options: { readonly now: number; readonly cost?: ScryptCost; readonly onProgress?: (fraction: number) => void },
): Promise<{ readonly file: string; readonly grants: ReadonlyMap<string, string> }> {
  // Extractable only here: the private halves go into the sealed file and nowhere else.
  const signing = (await crypto.subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const box = (await crypto.subtle.generateKey(BOX_ALGORITHM, true, ['deriveBits'])) as CryptoKeyPair;
  const raw = async (key: CryptoKey) => toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
  const pkcs8 = async (key: CryptoKey) => toBase64Url(new Uint8Array(await crypto.subtle.exportKey('pkcs8', key)));
  const device = { name: subject.deviceName, publicKey: await raw(signing.publicKey), signingKey: await pkcs8(signing.privateKey), boxPublicKey: await raw(box.publicKey), boxKey: await pkcs8(box.privateKey) };
  const workspaces = await grantDevice(subject, device.publicKey, options.now);
  const grants = new Map(workspaces.map((w) => [w.workspaceId, w.grant]));
  const contents = ContentsSchema.parse({ v: BACKUP_VERSION, createdAt: options.now, person: subject.person, device, workspaces });
  const file = await sealWithPassphrase(new TextEncoder().encode(JSON.stringify(contents)), passphrase, {
    kind: BACKUP_FORMAT,
    ...(options.cost ? { cost: options.cost } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { file, grants };
}

/** Grants `device` as a device of the subject's person in each of their workspaces (the signing device's own key there signs). */
export async function grantDevice(subject: BackupSubject, device: string, now: number): Promise<BackupWorkspace[]> {
  const workspaces: BackupWorkspace[] = [];
  for (const { signer, ...workspace } of subject.workspaces) {
    const payload = { v: 1, kind: 'deviceGranted', workspaceId: workspace.workspaceId, signer: signer.publicKeyB64, person: subject.person.publicKey, device, deviceName: subject.deviceName, at: now } as const;
    workspaces.push({ ...workspace, grant: (await signMembershipRecord(payload, signer.privateKey)).text });
  }
  return workspaces;
}

/** Throws IdentityBackupError('grantInvalid') unless every workspace's grant is for `device` as a device of `person` there. */
export async function checkGrants(workspaces: readonly BackupWorkspace[], device: string, person: string): Promise<void> {
  for (const workspace of workspaces) {
    const grant = await verifyMembershipRecord(workspace.grant).catch(() => null);
    const fits = grant?.kind === 'deviceGranted' && grant.workspaceId === workspace.workspaceId && grant.device === device && grant.person === person;
    if (!fits) throw new IdentityBackupError('grantInvalid', `workspace ${workspace.workspaceId}`);
  }
}

export interface RestoredIdentity {
  readonly person: { readonly publicKey: string; readonly memberId: string; readonly profile: IdentityProfile };
  readonly deviceName: string;
  /** The backup's keys, imported non-extractable. */
  readonly signing: Pick<IdentityKeys, 'publicKey' | 'privateKey' | 'publicKeyB64'>;
  readonly box: BoxKeys;
  readonly workspaces: readonly BackupWorkspace[];
  readonly createdAt: number;
}

/** Opens a backup (PassphraseFileError for the file, IdentityBackupError for what is in it). */
export async function restoreIdentityBackup(text: string, passphrase: string, onProgress?: (fraction: number) => void): Promise<RestoredIdentity> {
  const bytes = await openWithPassphrase(text, passphrase, { kind: BACKUP_FORMAT, maxChars: MAX_BACKUP_CHARS, ...(onProgress ? { onProgress } : {}) });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new IdentityBackupError('damaged', 'contents are not JSON');
  }
  const version = z.object({ v: z.number() }).safeParse(json);
  if (version.success && version.data.v > BACKUP_VERSION) throw new IdentityBackupError('newerVersion', `contents version ${version.data.v}`);
  const parsed = ContentsSchema.safeParse(json);
  if (!parsed.success) throw new IdentityBackupError('damaged', parsed.error.issues[0]?.message ?? 'contents');
  const { person, device, workspaces, createdAt } = parsed.data;
  await checkGrants(workspaces, device.publicKey, person.publicKey);
  const importPrivate = (pkcs8: string, algorithm: typeof SIGNING_ALGORITHM | typeof BOX_ALGORITHM, usages: KeyUsage[]) =>
    crypto.subtle.importKey('pkcs8', fromBase64Url(pkcs8) as Uint8Array<ArrayBuffer>, algorithm, false, usages);
  const importPublic = (rawKey: string, algorithm: typeof SIGNING_ALGORITHM | typeof BOX_ALGORITHM, usages: KeyUsage[]) =>
    crypto.subtle.importKey('raw', fromBase64Url(rawKey) as Uint8Array<ArrayBuffer>, algorithm, true, usages);
  try {
    const signing = { publicKey: await importPublic(device.publicKey, SIGNING_ALGORITHM, ['verify']), privateKey: await importPrivate(device.signingKey, SIGNING_ALGORITHM, ['sign']), publicKeyB64: device.publicKey };
    const box = { publicKey: await importPublic(device.boxPublicKey, BOX_ALGORITHM, []), privateKey: await importPrivate(device.boxKey, BOX_ALGORITHM, ['deriveBits']), publicKeyB64: device.boxPublicKey };
    return { person, deviceName: device.name, signing, box, workspaces, createdAt };
  } catch (error) {
    throw new IdentityBackupError('damaged', `keys do not import: ${String(error)}`);
  }
}
