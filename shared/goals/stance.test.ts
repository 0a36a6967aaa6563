import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { canonicaliseGoalText } from './canonical-text';
import { signMembershipRecord } from '../membership/membership-record';
import { checkStances, signStance, stanceHolderKey, stanceLabel, stanceSignedBytes, StanceInputSchema, verifyStance, type SignStanceInput, type StanceRecord } from './stance';

const TEXT = 'De regio wekt in 2030 samen 3 TWh duurzaam op.\r\n\r\nWij zorgen voor draagvlak in de wijken.';

let keys: IdentityKeys;
let other: IdentityKeys;
let input: SignStanceInput;
let record: StanceRecord;

beforeAll(async () => {
  keys = await generateIdentityKeys();
  other = await generateIdentityKeys();
  input = {
    goalId: 'goal-1',
    organisationId: 'org-gemeente',
    memberId: keys.memberId,
    publicKey: keys.publicKeyB64,
    stance: 'endorseWithReservations',
    reason: '  Mits de netbeheerder meedoet.  ',
    text: TEXT,
    at: Date.UTC(2026, 10, 26, 20, 0),
  };
  record = await signStance(input, keys.privateKey);
});

describe('signStance', () => {
  it('binds the stance to the canonical text and its hash, with a trimmed reason', async () => {
    const { canonicalText, textHash } = await canonicaliseGoalText(TEXT);
    expect(record.canonicalText).toBe(canonicalText);
    expect(record.textHash).toBe(textHash);
    expect(record.reason).toBe('Mits de netbeheerder meedoet.');
    expect(record.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
  });

  it('refuses a stance other than endorse without a reason', async () => {
    await expect(signStance({ ...input, stance: 'object', reason: '   ' }, keys.privateKey)).rejects.toThrow();
    await expect(signStance({ ...input, stance: 'standAside', reason: '' }, keys.privateKey)).rejects.toThrow();
  });

  it('lets endorse go without a reason', async () => {
    const endorsed = await signStance({ ...input, stance: 'endorse', reason: '' }, keys.privateKey);
    expect(await verifyStance(endorsed)).toEqual({ valid: true, record: endorsed });
  });

  it('signs a domain-tagged JSON array', () => {
    const text = new TextDecoder().decode(stanceSignedBytes(record));
    expect(JSON.parse(text)).toEqual(['stroomkring-stance-v1', 'goal-1', record.textHash, 'endorseWithReservations', record.reason, record.at, 'org-gemeente', keys.memberId, keys.publicKeyB64]);
  });
});

describe('StanceInputSchema', () => {
  it('names the missing reason with a code the UI translates', () => {
    const result = StanceInputSchema.safeParse({ stance: 'object', reason: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['reason'], message: 'reasonRequired' });
    expect(StanceInputSchema.safeParse({ stance: 'endorse', reason: 'x'.repeat(2001) }).error?.issues[0]?.message).toBe('tooLong');
  });
});

describe('verifyStance', () => {
  it('accepts the record it signed, also after a JSON round trip', async () => {
    expect(await verifyStance(record)).toEqual({ valid: true, record });
    expect((await verifyStance(JSON.parse(JSON.stringify(record)))).valid).toBe(true);
  });

  it.each<[string, (r: StanceRecord) => unknown]>([
    ['reason', (r) => ({ ...r, reason: 'Zonder voorbehoud.' })],
    ['time', (r) => ({ ...r, at: r.at + 1 })],
    ['stance', (r) => ({ ...r, stance: 'object' })],
    ['organisation', (r) => ({ ...r, organisationId: 'org-andere' })],
    ['goal', (r) => ({ ...r, goalId: 'goal-2' })],
  ])('rejects a changed %s as a bad signature', async (_field, tamper) => {
    expect(await verifyStance(tamper(record))).toEqual({ valid: false, problem: 'signature' });
  });

  it('rejects a changed text whose hash no longer matches', async () => {
    expect(await verifyStance({ ...record, canonicalText: record.canonicalText.replace('3 TWh', '2 TWh') })).toEqual({ valid: false, problem: 'textHash' });
  });

  it('rejects a changed text with a recomputed hash as a bad signature', async () => {
    const { canonicalText, textHash } = await canonicaliseGoalText(record.canonicalText.replace('3 TWh', '2 TWh'));
    expect(await verifyStance({ ...record, canonicalText, textHash })).toEqual({ valid: false, problem: 'signature' });
  });

  it('rejects another public key in the same member name', async () => {
    expect(await verifyStance({ ...record, publicKey: other.publicKeyB64 })).toEqual({ valid: false, problem: 'signer' });
  });

  it('rejects a record re-signed by someone else who kept the original member id', async () => {
    const forged = await signStance({ ...input, publicKey: other.publicKeyB64 }, other.privateKey);
    expect(await verifyStance(forged)).toEqual({ valid: false, problem: 'signer' });
  });

  it('rejects another signer with a consistent member id but the original signature', async () => {
    expect(await verifyStance({ ...record, publicKey: other.publicKeyB64, memberId: other.memberId })).toEqual({ valid: false, problem: 'signature' });
  });

  it('rejects a flipped signature character', async () => {
    const at = 10;
    const flipped = record.signature.slice(0, at) + (record.signature[at] === 'A' ? 'B' : 'A') + record.signature.slice(at + 1);
    expect(await verifyStance({ ...record, signature: flipped })).toEqual({ valid: false, problem: 'signature' });
  });

  it.each<[string, (r: StanceRecord) => unknown]>([
    ['null', () => null],
    ['a string', () => 'stance'],
    ['a record without signature', ({ signature: _signature, ...rest }) => rest],
    ['an unknown stance kind', (r) => ({ ...r, stance: 'veto' })],
    ['a non-integer time', (r) => ({ ...r, at: 1.5 })],
    ['an objection without reason', (r) => ({ ...r, stance: 'object', reason: ' ' })],
    ['a text hash in capitals', (r) => ({ ...r, textHash: r.textHash.toUpperCase() })],
  ])('calls %s malformed', async (_what, make) => {
    expect(await verifyStance(make(record))).toEqual({ valid: false, problem: 'malformed' });
  });

  it('calls a non-canonical base64url spelling of the signature malformed', async () => {
    // The last of 86 characters carries 4 unused bits; setting one keeps the bytes but changes the text.
    const last = record.signature.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelled = record.signature.slice(0, -1) + alphabet[alphabet.indexOf(last) + 1];
    expect(await verifyStance({ ...record, signature: respelled })).toEqual({ valid: false, problem: 'malformed' });
  });
});

describe('stanceLabel', () => {
  it('names what it can of a damaged candidate and ignores the rest', () => {
    expect(stanceLabel({ organisationId: 'org-1', memberId: 42, at: 5, stance: 'veto' })).toEqual({ organisationId: 'org-1', at: 5, stance: 'veto' });
    expect(stanceLabel('rommel')).toEqual({});
    expect(stanceLabel(null)).toEqual({});
  });
});

describe('checkStances', () => {
  it('pairs each candidate with its verification, in order', async () => {
    const checked = await checkStances([record, { ...record, at: 1 }]);
    expect(checked.map((c) => c.verification.valid)).toEqual([true, false]);
    expect(checked[1]?.candidate).toMatchObject({ at: 1 });
  });
});

describe('a stance signed on a person’s other device', () => {
  const grantOf = (signer: IdentityKeys, person: IdentityKeys, device: IdentityKeys, workspaceId = 'ws-1') =>
    signMembershipRecord({ v: 1, kind: 'deviceGranted', workspaceId, signer: signer.publicKeyB64, person: person.publicKeyB64, device: device.publicKeyB64, deviceName: 'Laptop', at: 3 }, signer.privateKey).then((r) => r.text);

  it('verifies from the grants it carries alone, and counts as its person’s for the mandate', async () => {
    const [laptop, tablet] = await Promise.all([generateIdentityKeys(), generateIdentityKeys()]);
    const grants = [await grantOf(keys, keys, laptop), await grantOf(laptop, keys, tablet)];
    const signed = await signStance({ ...input, publicKey: tablet.publicKeyB64, grants }, tablet.privateKey);
    expect(await verifyStance(JSON.parse(JSON.stringify(signed)))).toEqual({ valid: true, record: signed });
    expect(stanceHolderKey(signed)).toBe(keys.publicKeyB64);
    expect(stanceHolderKey(record)).toBe(keys.publicKeyB64);
  });

  it('is refused when the grants do not lead from the member to the signing key', async () => {
    const [laptop, tablet] = await Promise.all([generateIdentityKeys(), generateIdentityKeys()]);
    const cases: string[][] = [
      [await grantOf(other, other, laptop)], // another person's device, in this member's name
      [await grantOf(keys, keys, tablet)], // a grant for another key
      [await grantOf(keys, keys, laptop), await grantOf(keys, keys, tablet, 'ws-2')], // a chain across workspaces
      ['SKM1.not-a-record'],
    ];
    for (const grants of cases) {
      const signed = await signStance({ ...input, publicKey: laptop.publicKeyB64, grants }, laptop.privateKey);
      expect(await verifyStance(signed)).toEqual({ valid: false, problem: 'signer' });
    }
    // Without grants, a device's key is simply not the member's.
    expect(await verifyStance(await signStance({ ...input, publicKey: laptop.publicKeyB64 }, laptop.privateKey))).toEqual({ valid: false, problem: 'signer' });
  });
});
