import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { signMandateRecord } from '../mandates/mandate-record';
import { stakeholderTypeIds } from '../regions';
import type { AdmittedMember, MandateAuthority } from '../mandates/mandate-state';
import { MandateActionError, readWorkspaceMandates, takeMandateAction } from './mandates';
import { initialiseMeta } from './meta';
import { addOrganisation } from './organisations';
import { mandatesMap } from './schema';

let anne: IdentityKeys;
let daan: IdentityKeys;
let bram: IdentityKeys;
let authority: MandateAuthority;
beforeAll(async () => {
  [anne, daan, bram] = await Promise.all([generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys()]);
  authority = {
    kind: 'proven',
    members: new Map<string, AdmittedMember>([
      [anne.publicKeyB64, { displayName: 'Anne', organisationName: 'Gemeente Leiden', at: 1 }],
      [daan.publicKeyB64, { displayName: 'Daan', organisationName: 'Gemeente Leiden', at: 2 }],
      [bram.publicKeyB64, { displayName: 'Bram', organisationName: 'Liander', at: 1 }],
    ]),
  };
});

function workspace(): Y.Doc {
  const doc = new Y.Doc();
  initialiseMeta(doc, { workspaceId: 'w', regionId: 'holland-rijnland', createdAt: 1 });
  const type = stakeholderTypeIds[0] as (typeof stakeholderTypeIds)[number];
  addOrganisation(doc, { name: 'Gemeente Leiden', type, description: '', website: '' }, { memberId: 'x', now: 1, id: 'leiden' });
  addOrganisation(doc, { name: 'Liander', type, description: '', website: '' }, { memberId: 'x', now: 1, id: 'liander' });
  return doc;
}

const as = (keys: IdentityKeys, organisationName: string) => ({ publicKey: keys.publicKeyB64, organisationName, privateKey: keys.privateKey });

describe('mandates in the workspace document', () => {
  it('adds each signed step under its own key, and reads who holds the mandate from them', async () => {
    const doc = workspace();
    await takeMandateAction(doc, await readWorkspaceMandates(doc, authority), as(daan, 'Gemeente Leiden'), { kind: 'grant', organisationId: 'leiden', holderKey: daan.publicKeyB64 }, 10);
    const pending = await readWorkspaceMandates(doc, authority);
    const [grant] = pending.state.organisations.get('leiden')?.pending ?? [];
    expect(grant).toBeDefined();
    await takeMandateAction(doc, pending, as(anne, 'Gemeente Leiden'), { kind: 'confirm', grant: grant! }, 11);
    expect(mandatesMap(doc).size).toBe(2);
    const held = await readWorkspaceMandates(doc, authority);
    expect(held.state.organisations.get('leiden')?.holders).toMatchObject([{ holderId: daan.memberId, grantedBy: daan.memberId, confirmedBy: anne.memberId, counts: true }]);
  });

  it('refuses an action that is not allowed with a named reason, and writes nothing', async () => {
    const doc = workspace();
    const mandates = await readWorkspaceMandates(doc, authority);
    await expect(takeMandateAction(doc, mandates, as(bram, 'Liander'), { kind: 'grant', organisationId: 'leiden', holderKey: bram.publicKeyB64 }, 10)).rejects.toEqual(new MandateActionError('otherOrganisation'));
    await expect(takeMandateAction(doc, mandates, as(anne, 'Gemeente Leiden'), { kind: 'grant', organisationId: 'leiden', holderKey: bram.publicKeyB64 }, 10)).rejects.toMatchObject({ refusal: 'holderNotInOrganisation' });
    expect(mandatesMap(doc).size).toBe(0);
  });

  it('counts a record whose signature does not hold as damaged, not as a mandate', async () => {
    const doc = workspace();
    const record = await signMandateRecord({ v: 1, kind: 'granted', workspaceId: 'w', organisationId: 'leiden', subject: anne.publicKeyB64, signer: anne.publicKeyB64, at: 5 }, daan.privateKey);
    mandatesMap(doc).set(record.id, record.text);
    const read = await readWorkspaceMandates(doc, authority);
    expect(read.damaged).toBe(1);
    expect(read.state.organisations.get('leiden')?.holders).toEqual([]);
  });
});
