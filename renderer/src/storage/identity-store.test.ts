import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sign, verify } from '../../../shared/crypto/identity-keys';
import { openDatabase } from './database';
import { loadIdentity, saveIdentityProfile } from './identity-store';
import { DamagedRecordError } from './storage-errors';
import { loadLanguage, saveLanguage } from './settings-store';

const profile = { displayName: 'Anne de Vries', organisationName: 'Gemeente Leiden', role: 'Programmamanager' };

describe('identity store', () => {
  it('has no identity on first run, then one with a non-extractable Ed25519 private key', async () => {
    const db = openDatabase('identity-1');
    expect(await loadIdentity(db)).toBeUndefined();
    await saveIdentityProfile(db, profile, 7);
    const identity = await loadIdentity(db);
    expect(identity?.profile).toEqual(profile);
    expect(identity?.privateKey.extractable).toBe(false);
    expect(identity?.privateKey.algorithm.name).toBe('Ed25519');
    expect(identity?.memberId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const row = await db.identity.get('self');
    const message = new TextEncoder().encode('stroomkring');
    const signature = await sign(identity!.privateKey, message);
    expect(await verify(row!.publicKey, signature, message)).toBe(true);
    db.close();
  });

  it('keeps the key pair when the profile is edited', async () => {
    const db = openDatabase('identity-2');
    await saveIdentityProfile(db, profile);
    const before = await loadIdentity(db);
    await saveIdentityProfile(db, { ...profile, role: 'Wethouder' });
    const after = await loadIdentity(db);
    expect(after?.memberId).toBe(before?.memberId);
    expect(after?.profile.role).toBe('Wethouder');
    db.close();
  });

  it('gives an identity from before key rotation an encryption key once, and keeps it', async () => {
    const db = openDatabase('identity-4');
    await saveIdentityProfile(db, profile);
    const made = await loadIdentity(db);
    expect(made?.boxKeys.privateKey.extractable).toBe(false);
    await db.identity.update('self', { boxPublicKey: undefined, boxPrivateKey: undefined, boxPublicKeyB64: undefined });
    const upgraded = await loadIdentity(db);
    expect(upgraded?.boxKeys.publicKeyB64).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(upgraded?.boxKeys.publicKeyB64).not.toBe(made?.boxKeys.publicKeyB64);
    expect((await loadIdentity(db))?.boxKeys.publicKeyB64).toBe(upgraded?.boxKeys.publicKeyB64);
    db.close();
  });

  it('reports a damaged identity record instead of inventing one', async () => {
    const db = openDatabase('identity-3');
    await saveIdentityProfile(db, profile);
    await db.identity.update('self', { profile: { displayName: 3 } });
    await expect(loadIdentity(db)).rejects.toBeInstanceOf(DamagedRecordError);
    db.close();
  });
});

describe('settings store', () => {
  it('defaults to Dutch, remembers English, ignores garbage', async () => {
    const db = openDatabase('settings-1');
    expect(await loadLanguage(db)).toBe('nl');
    await saveLanguage(db, 'en');
    expect(await loadLanguage(db)).toBe('en');
    await db.settings.put({ key: 'language', value: { evil: true } });
    expect(await loadLanguage(db)).toBe('nl');
    db.close();
  });
});
