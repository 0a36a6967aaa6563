import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../../../shared/crypto/identity-keys';
import { signMandateRecord, type VerifiedMandateRecord } from '../../../shared/mandates/mandate-record';
import { mandateActionRefusal, type MandateActor } from '../../../shared/mandates/mandate-rules';
import { OPEN_AUTHORITY, resolveMandates, type AdmittedMember } from '../../../shared/mandates/mandate-state';
import type { WorkspaceMandates } from '../../../shared/workspace-doc/mandates';
import { mandatesView, nameLookup } from './mandates-view';

const ORGANISATIONS = [
  { id: 'leiden', name: 'Gemeente Leiden' },
  { id: 'liander', name: 'Liander' },
];

let anne: IdentityKeys;
let daan: IdentityKeys;
let bram: IdentityKeys;
let admitted: Map<string, AdmittedMember>;
beforeAll(async () => {
  [anne, daan, bram] = await Promise.all([generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys()]);
  admitted = new Map([
    [anne.publicKeyB64, { displayName: 'Anne', organisationName: 'Gemeente Leiden', at: 1 }],
    [daan.publicKeyB64, { displayName: 'Daan', organisationName: 'Gemeente Leiden', at: 2 }],
    [bram.publicKeyB64, { displayName: 'Bram', organisationName: 'Liander', at: 1 }],
  ]);
});

const actor = (keys: IdentityKeys): MandateActor => ({ publicKey: keys.publicKeyB64, organisationName: admitted.get(keys.publicKeyB64)?.organisationName ?? '' });
const mandatesOf = (records: VerifiedMandateRecord[]): WorkspaceMandates => ({
  state: resolveMandates({ workspaceId: 'w', authority: { kind: 'proven', members: admitted }, organisations: ORGANISATIONS, records, legacy: [] }),
  organisations: ORGANISATIONS,
  workspaceId: 'w',
  damaged: 0,
});
const selfGrant = (keys: IdentityKeys) => signMandateRecord({ v: 1, kind: 'granted', workspaceId: 'w', organisationId: 'leiden', subject: keys.publicKeyB64, signer: keys.publicKeyB64, at: 10 }, keys.privateKey);

describe('the mandates dialog', () => {
  it('offers confirming a pending grant to a second member of the organisation only, never to its grantor or an outsider', async () => {
    const mandates = mandatesOf([await selfGrant(daan)]);
    const nameOf = nameLookup(admitted, () => undefined);
    const leidenFor = (keys: IdentityKeys) => mandatesView(mandates, admitted, actor(keys), nameOf).find((view) => view.organisationId === 'leiden');
    expect(leidenFor(anne)).toMatchObject({ own: true, administratorName: 'Anne', holders: [], pending: [{ holderName: 'Daan', grantedByName: 'Daan', canConfirm: true, ownGrant: false }] });
    expect(leidenFor(daan)?.pending).toMatchObject([{ canConfirm: false, ownGrant: true }]);
    expect(leidenFor(daan)?.members.map((m) => [m.name, m.granted])).toEqual([
      ['Anne', false],
      ['Daan', true],
    ]);
    expect(leidenFor(bram)).toMatchObject({ own: false, members: [], pending: [{ canConfirm: false }] });
    // The own organisation comes first.
    expect(mandatesView(mandates, admitted, actor(bram), nameOf).map((view) => view.organisationId)).toEqual(['liander', 'leiden']);
  });

  it('refuses, in the words of the receive path, what would not be accepted or not count', async () => {
    const mandates = mandatesOf([await selfGrant(daan)]);
    const [pending] = mandates.state.organisations.get('leiden')?.pending ?? [];
    if (!pending) throw new Error('expected a pending grant');
    const refusal = (keys: IdentityKeys, action: Parameters<typeof mandateActionRefusal>[3]) => mandateActionRefusal(mandates.state, ORGANISATIONS, actor(keys), action);
    expect(refusal(daan, { kind: 'confirm', grant: pending })).toBe('ownGrant');
    expect(refusal(bram, { kind: 'confirm', grant: pending })).toBe('otherOrganisation');
    expect(refusal(anne, { kind: 'confirm', grant: pending })).toBeUndefined();
    expect(refusal(anne, { kind: 'grant', organisationId: 'leiden', holderKey: bram.publicKeyB64 })).toBe('holderNotInOrganisation');
    expect(refusal(bram, { kind: 'grant', organisationId: 'leiden', holderKey: bram.publicKeyB64 })).toBe('otherOrganisation');
    expect(refusal(daan, { kind: 'revoke', organisationId: 'leiden', holderKey: daan.publicKeyB64 })).toBeUndefined();
    const open = { ...mandates, state: resolveMandates({ workspaceId: 'w', authority: OPEN_AUTHORITY, organisations: ORGANISATIONS, records: [], legacy: [] }) };
    expect(mandateActionRefusal(open.state, ORGANISATIONS, actor(anne), { kind: 'grant', organisationId: 'leiden', holderKey: anne.publicKeyB64 })).toBe('openWorkspace');
  });
});
