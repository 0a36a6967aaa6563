import { IdentityProfileSchema, type IdentityProfile } from '../../../shared/domain/identity';
import { generateIdentityKeys } from '../../../shared/crypto/identity-keys';
import { generateBoxKeys, type BoxKeys } from '../../../shared/crypto/sealed-box';
import { PublicKeyTextSchema } from '../../../shared/membership/membership-record';
import { describeIssues } from '../../../shared/workspace-doc/read-result';
import type { IdentityRow, StroomkringDatabase } from './database';
import { DamagedRecordError } from './storage-errors';

/** The member on this device. The private keys are non-extractable CryptoKeys. */
export interface Identity {
  readonly profile: IdentityProfile;
  /** The person's member id, whichever of their devices this is. */
  readonly memberId: string;
  /** This device's own signing key: what it signs and proves with. */
  readonly publicKeyB64: string;
  /** The person's first key, as member lists name them; the same as publicKeyB64 on the device the person started on. */
  readonly personKeyB64: string;
  /** Set on a linked or restored device (devices.ts). */
  readonly deviceName?: string;
  readonly privateKey: CryptoKey;
  readonly createdAt: number;
  /** What rotated workspace keys are sealed to (shared/membership/key-rotation.ts). */
  readonly boxKeys: BoxKeys;
}

const SELF = 'self';

/** Undefined when no identity exists yet (first run); throws DamagedRecordError when it cannot be read. */
export async function loadIdentity(db: StroomkringDatabase): Promise<Identity | undefined> {
  const row = await db.identity.get(SELF);
  if (!row) return undefined;
  const profile = IdentityProfileSchema.safeParse(row.profile);
  if (!profile.success) throw new DamagedRecordError('identity', SELF, describeIssues(profile.error));
  if (!(row.privateKey instanceof CryptoKey) || row.privateKey.type !== 'private') {
    throw new DamagedRecordError('identity', SELF, 'signing key missing');
  }
  const person = row.personKeyB64 === undefined ? { personKeyB64: row.publicKeyB64 } : PublicKeyTextSchema.safeParse(row.personKeyB64).success ? { personKeyB64: row.personKeyB64, deviceName: row.deviceName ?? '' } : undefined;
  if (!person) throw new DamagedRecordError('identity', SELF, 'person key unreadable');
  return { profile: profile.data, memberId: row.memberId, publicKeyB64: row.publicKeyB64, privateKey: row.privateKey, createdAt: row.createdAt, boxKeys: await boxKeysOf(db, row), ...person };
}

/** The stored encryption key pair; an identity from before key rotation gets one now, kept from then on. */
async function boxKeysOf(db: StroomkringDatabase, row: IdentityRow): Promise<BoxKeys> {
  const { boxPublicKey, boxPrivateKey, boxPublicKeyB64 } = row;
  if (boxPublicKey instanceof CryptoKey && boxPrivateKey instanceof CryptoKey && typeof boxPublicKeyB64 === 'string') return { publicKey: boxPublicKey, privateKey: boxPrivateKey, publicKeyB64: boxPublicKeyB64 };
  const made = await generateBoxKeys();
  await db.identity.update(SELF, { boxPublicKey: made.publicKey, boxPrivateKey: made.privateKey, boxPublicKeyB64: made.publicKeyB64 });
  return made;
}

/**
 * Creates the identity once; a later call keeps the key pair and only updates
 * the profile. A record whose key is unusable gets a new key pair.
 */
export async function saveIdentityProfile(db: StroomkringDatabase, profile: IdentityProfile, now = Date.now()): Promise<void> {
  const existing = await db.identity.get(SELF);
  if (existing && existing.privateKey instanceof CryptoKey) {
    await db.identity.update(SELF, { profile });
    return;
  }
  const [keys, box] = await Promise.all([generateIdentityKeys(), generateBoxKeys()]);
  await db.identity.put({
    boxPublicKey: box.publicKey,
    boxPrivateKey: box.privateKey,
    boxPublicKeyB64: box.publicKeyB64,
    id: SELF,
    profile,
    publicKey: keys.publicKey,
    privateKey: keys.privateKey,
    publicKeyB64: keys.publicKeyB64,
    memberId: keys.memberId,
    createdAt: now,
  });
}
