import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../crypto/base64url';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { memberIdOfKey, signMandateRecord, verifyMandateRecord, type MandatePayload, type VerifiedMandateRecord } from './mandate-record';
import { countedHolders, OPEN_AUTHORITY, resolveMandates, type AdmittedMember, type MandateAuthority, type MandateInput } from './mandate-state';

const ORGANISATIONS = [
  { id: 'leiden', name: 'Gemeente Leiden' },
  { id: 'liander', name: 'Liander' },
];

let anne: IdentityKeys; // Gemeente Leiden, admitted first: its administrator
let daan: IdentityKeys; // Gemeente Leiden
let eva: IdentityKeys; // Gemeente Leiden
let bram: IdentityKeys; // Liander
beforeAll(async () => {
  [anne, daan, eva, bram] = await Promise.all([generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys()]);
});

function proven(without: readonly IdentityKeys[] = []): MandateAuthority {
  const members = new Map<string, AdmittedMember>([
    [anne.publicKeyB64, { displayName: 'Anne', organisationName: 'Gemeente Leiden', at: 1 }],
    [daan.publicKeyB64, { displayName: 'Daan', organisationName: ' gemeente leiden', at: 2 }],
    [eva.publicKeyB64, { displayName: 'Eva', organisationName: 'Gemeente Leiden', at: 3 }],
    [bram.publicKeyB64, { displayName: 'Bram', organisationName: 'Liander', at: 1 }],
  ]);
  for (const keys of without) members.delete(keys.publicKeyB64);
  return { kind: 'proven', members };
}

type Step = { kind: 'granted' | 'revoked'; by: IdentityKeys; to: IdentityKeys; at: number; organisationId?: string } | { kind: 'confirmed'; by: IdentityKeys; grant: VerifiedMandateRecord; at: number };

function record(step: Step): Promise<VerifiedMandateRecord> {
  const common = { v: 1, workspaceId: 'w', signer: step.by.publicKeyB64, at: step.at } as const;
  const payload: MandatePayload =
    step.kind === 'confirmed'
      ? { ...common, kind: 'confirmed', organisationId: step.grant.organisationId, subject: step.grant.subject, grant: step.grant.id }
      : { ...common, kind: step.kind, organisationId: step.organisationId ?? 'leiden', subject: step.to.publicKeyB64 };
  return signMandateRecord(payload, step.by.privateKey);
}

const input = (records: readonly VerifiedMandateRecord[], authority: MandateAuthority = proven(), legacy: MandateInput['legacy'] = []): MandateInput => ({ workspaceId: 'w', authority, organisations: ORGANISATIONS, records, legacy });
const leiden = (records: readonly VerifiedMandateRecord[], authority?: MandateAuthority) => resolveMandates(input(records, authority)).organisations.get('leiden');

describe('resolveMandates', () => {
  it('does not count a member ticking themself alone; a second member confirming makes it count', async () => {
    const grant = await record({ kind: 'granted', by: daan, to: daan, at: 10 });
    const alone = leiden([grant]);
    expect(alone?.holders).toEqual([]);
    expect(alone?.pending).toMatchObject([{ holderKey: daan.publicKeyB64, grantedBy: daan.memberId, grantId: grant.id }]);
    expect(countedHolders(resolveMandates(input([grant]))).get('leiden')).toEqual([]);

    const confirmation = await record({ kind: 'confirmed', by: eva, grant, at: 11 });
    const confirmed = leiden([grant, confirmation]);
    expect(confirmed?.pending).toEqual([]);
    expect(confirmed?.holders).toEqual([
      { organisationId: 'leiden', holderKey: daan.publicKeyB64, holderId: daan.memberId, grantedBy: daan.memberId, confirmedBy: eva.memberId, standing: 'confirmed', counts: true, at: 10, records: [grant.text, confirmation.text] },
    ]);
    expect(countedHolders(resolveMandates(input([grant, confirmation]))).get('leiden')).toEqual([{ memberId: daan.memberId, publicKey: daan.publicKeyB64 }]);
  });

  it("counts a grant by the organisation's administrator (its member admitted first) at once", async () => {
    const own = await record({ kind: 'granted', by: anne, to: anne, at: 10 });
    const forEva = await record({ kind: 'granted', by: anne, to: eva, at: 10 });
    const state = leiden([own, forEva]);
    expect(state?.administratorKey).toBe(anne.publicKeyB64);
    expect(state?.holders.map((h) => [h.holderId, h.standing, h.counts])).toEqual(
      [
        [anne.memberId, 'administrator', true],
        [eva.memberId, 'administrator', true],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // Once Anne is removed, Daan is admitted first: Anne's grants count no more, Daan's own does.
    const daanOwn = await record({ kind: 'granted', by: daan, to: daan, at: 12 });
    const after = leiden([own, forEva, daanOwn], proven([anne]));
    expect(after?.administratorKey).toBe(daan.publicKeyB64);
    expect(after?.holders.map((h) => h.holderId)).toEqual([daan.memberId]);
  });

  it('ignores grants by or to people outside the organisation, and a grantor confirming their own grant', async () => {
    const byOutsider = await record({ kind: 'granted', by: bram, to: bram, at: 10 });
    const toOutsider = await record({ kind: 'granted', by: anne, to: bram, at: 10 });
    const daanOwn = await record({ kind: 'granted', by: daan, to: daan, at: 10 });
    const selfConfirmed = await record({ kind: 'confirmed', by: daan, grant: daanOwn, at: 11 });
    const outsiderConfirms = await record({ kind: 'confirmed', by: bram, grant: daanOwn, at: 11 });
    const state = resolveMandates(input([byOutsider, toOutsider, daanOwn, selfConfirmed, outsiderConfirms]));
    expect(state.organisations.get('leiden')?.holders).toEqual([]);
    expect(Object.fromEntries(state.ignored.map((i) => [i.id, i.reason]))).toEqual({
      [byOutsider.id]: 'signerNotInOrganisation',
      [toOutsider.id]: 'holderNotInOrganisation',
      [selfConfirmed.id]: 'ownGrant',
      [outsiderConfirms.id]: 'signerNotInOrganisation',
    });
  });

  it('lets a revocation at or after a grant win, and a later grant give the mandate again', async () => {
    const grant = await record({ kind: 'granted', by: anne, to: daan, at: 10 });
    const sameMoment = await record({ kind: 'revoked', by: eva, to: daan, at: 10 });
    const earlier = await record({ kind: 'revoked', by: eva, to: daan, at: 9 });
    expect(leiden([grant, sameMoment])?.holders).toEqual([]);
    expect(leiden([grant, earlier])?.holders.map((h) => h.holderId)).toEqual([daan.memberId]);
    const again = await record({ kind: 'granted', by: anne, to: daan, at: 20 });
    expect(leiden([grant, sameMoment, again])?.holders.map((h) => [h.holderId, h.at])).toEqual([[daan.memberId, 20]]);
    // A revocation by someone outside the organisation changes nothing.
    const outsider = await record({ kind: 'revoked', by: bram, to: daan, at: 30 });
    expect(leiden([grant, outsider])?.holders.map((h) => h.holderId)).toEqual([daan.memberId]);
  });

  it('shows entries from before signed mandates as not confirmed: not counted with proven membership, counted in an open workspace', async () => {
    const legacy = [{ organisationId: 'leiden', memberId: daan.memberId, publicKey: daan.publicKeyB64, grantedBy: daan.memberId, at: 1 }];
    const grant = await record({ kind: 'granted', by: anne, to: eva, at: 10 });
    const provenState = resolveMandates(input([grant], proven(), legacy));
    expect(provenState.organisations.get('leiden')?.holders.map((h) => [h.holderId, h.standing, h.counts])).toContainEqual([daan.memberId, 'notConfirmed', false]);
    expect(countedHolders(provenState).get('leiden')).toEqual([{ memberId: eva.memberId, publicKey: eva.publicKeyB64 }]);
    const open = resolveMandates(input([grant], OPEN_AUTHORITY, legacy));
    expect(open.open).toBe(true);
    expect(countedHolders(open).get('leiden')).toEqual([{ memberId: daan.memberId, publicKey: daan.publicKeyB64 }]);
    expect(open.ignored.map((i) => i.reason)).toEqual(['openWorkspace']);
  });

  it('ignores records for another workspace or an unknown organisation', async () => {
    const grant = await record({ kind: 'granted', by: anne, to: anne, at: 10, organisationId: 'nowhere' });
    const state = resolveMandates({ ...input([grant]), workspaceId: 'w' });
    expect(state.ignored.map((i) => i.reason)).toEqual(['unknownOrganisation']);
    expect(resolveMandates({ ...input([grant]), workspaceId: 'other' }).ignored.map((i) => i.reason)).toEqual(['otherWorkspace']);
  });

  it('gives the same answer for any order and duplication of the records (concurrent writes on several devices)', async () => {
    const daanOwn = await record({ kind: 'granted', by: daan, to: daan, at: 10 });
    const evaOwn = await record({ kind: 'granted', by: eva, to: eva, at: 10 });
    const pool = [
      daanOwn,
      evaOwn,
      await record({ kind: 'confirmed', by: eva, grant: daanOwn, at: 12 }),
      await record({ kind: 'confirmed', by: anne, grant: daanOwn, at: 12 }),
      await record({ kind: 'confirmed', by: daan, grant: daanOwn, at: 12 }),
      await record({ kind: 'confirmed', by: daan, grant: evaOwn, at: 13 }),
      await record({ kind: 'revoked', by: anne, to: daan, at: 15 }),
      await record({ kind: 'granted', by: daan, to: daan, at: 20 }),
      await record({ kind: 'granted', by: anne, to: daan, at: 20 }),
      await record({ kind: 'revoked', by: eva, to: eva, at: 13 }),
      await record({ kind: 'granted', by: bram, to: bram, at: 5, organisationId: 'liander' }),
      await record({ kind: 'granted', by: anne, to: bram, at: 5, organisationId: 'liander' }),
    ];
    fc.assert(
      fc.property(fc.subarray(pool), fc.array(fc.nat(), { maxLength: 30 }), (chosen, shuffle) => {
        const reference = resolveMandates(input(chosen));
        // Shuffled, with some records twice (two peers added the same one).
        const mixed = [...chosen, ...chosen.filter((_, i) => (shuffle[i] ?? 0) % 2 === 0)];
        for (let i = mixed.length - 1; i > 0; i--) {
          const j = (shuffle[i % Math.max(shuffle.length, 1)] ?? i) % (i + 1);
          [mixed[i], mixed[j]] = [mixed[j] as VerifiedMandateRecord, mixed[i] as VerifiedMandateRecord];
        }
        expect(resolveMandates(input(mixed))).toEqual(reference);
      }),
      { numRuns: 200 },
    );
  });
});

describe('mandate records', () => {
  it('verify, and a changed record does not', async () => {
    const grant = await record({ kind: 'granted', by: daan, to: daan, at: 10 });
    expect(await verifyMandateRecord(grant.text)).toMatchObject({ kind: 'granted', id: grant.id });
    const [prefix, payload, signature] = grant.text.split('.') as [string, string, string];
    const forged = JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as Record<string, unknown>;
    forged.subject = eva.publicKeyB64;
    await expect(verifyMandateRecord(`${prefix}.${toBase64Url(new TextEncoder().encode(JSON.stringify(forged)))}.${signature}`)).rejects.toMatchObject({ problem: 'badSignature' });
    await expect(verifyMandateRecord(grant.text.replace('SKD1', 'SKD2'))).rejects.toMatchObject({ problem: 'unsupportedVersion' });
    expect(memberIdOfKey(daan.publicKeyB64)).toBe(daan.memberId);
  });
});
