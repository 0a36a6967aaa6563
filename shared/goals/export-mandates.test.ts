import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { signMandateRecord, type VerifiedMandateRecord } from '../mandates/mandate-record';
import { DEFAULT_QUORUM } from './adoption';
import { EXPORT_LABELS_EN, exportGoalMarkdown, type ExportGoal } from './export-markdown';
import { parseExportRecord, verifyExport, type ExportMandate } from './export-record';
import { signStance, type StanceRecord } from './stance';

/** Record version 2: each stance signer's mandate, with who granted and confirmed it and the signed records. */
const GOAL: ExportGoal = { id: 'goal-1', title: 'Wijkwarmte', text: 'De Merenwijk is in 2030 aardgasvrij.' };
const ADOPTION = { adopted: true, adoptedAt: 30, quorum: DEFAULT_QUORUM };

let anne: IdentityKeys;
let daan: IdentityKeys;
let bram: IdentityKeys;
let grant: VerifiedMandateRecord;
let confirmation: VerifiedMandateRecord;
let stance: StanceRecord;
let confirmed: ExportMandate;

beforeAll(async () => {
  [anne, daan, bram] = await Promise.all([generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys()]);
  const common = { v: 1, workspaceId: 'w', organisationId: 'leiden', subject: daan.publicKeyB64 } as const;
  grant = await signMandateRecord({ ...common, kind: 'granted', signer: daan.publicKeyB64, at: 10 }, daan.privateKey);
  confirmation = await signMandateRecord({ ...common, kind: 'confirmed', signer: anne.publicKeyB64, grant: grant.id, at: 11 }, anne.privateKey);
  stance = await signStance({ goalId: GOAL.id, organisationId: 'leiden', memberId: daan.memberId, publicKey: daan.publicKeyB64, stance: 'endorse', reason: '', text: GOAL.text, at: 30 }, daan.privateKey);
  confirmed = { organisationId: 'leiden', memberId: daan.memberId, publicKey: daan.publicKeyB64, standing: 'confirmed', grantedBy: daan.memberId, confirmedBy: anne.memberId, records: [grant.text, confirmation.text] };
});

const exportWith = (mandates: readonly ExportMandate[], labels = {}) =>
  exportGoalMarkdown(GOAL, [stance], ADOPTION, {
    exportedAt: 40,
    organisationNames: { leiden: 'Gemeente Leiden' },
    memberNames: { [daan.memberId]: 'Daan Bakker', [anne.memberId]: 'Anne de Vries', [bram.memberId]: 'Bram Jansen' },
    mandates,
    ...labels,
  });

describe('mandates in the goal export (record version 2)', () => {
  it('names who granted and confirmed each signer, keeps only the signers, and verifies the signed records offline', async () => {
    const unrelated: ExportMandate = { organisationId: 'liander', memberId: bram.memberId, publicKey: bram.publicKeyB64, standing: 'notConfirmed', grantedBy: bram.memberId, records: [] };
    const markdown = await exportWith([unrelated, confirmed]);
    expect(markdown).toContain('## Mandaten\n\n- Daan Bakker (Gemeente Leiden): verleend door Daan Bakker, bevestigd door Anne de Vries\n');
    const record = parseExportRecord(markdown);
    expect(record.version).toBe(2);
    expect(record.mandates).toEqual([confirmed]);
    expect(record.members).toEqual({ [daan.memberId]: 'Daan Bakker', [anne.memberId]: 'Anne de Vries' });
    const verification = await verifyExport(record);
    expect(verification.mandates.map((check) => check.valid)).toEqual([true]);
    const english = await exportWith([confirmed], { labels: EXPORT_LABELS_EN });
    expect(english).toContain('- Daan Bakker (Gemeente Leiden): granted by Daan Bakker, confirmed by Anne de Vries');
  });

  it('finds a mandate whose records do not back what the export says', async () => {
    const cases: ExportMandate[] = [
      // Claimed as confirmed by Bram, but Anne signed the confirmation.
      { ...confirmed, confirmedBy: bram.memberId },
      // Claimed as granted by the administrator alone.
      { ...confirmed, standing: 'administrator', records: [grant.text] },
      // A confirmation by the grantor themself is no second member.
      { ...confirmed, records: [grant.text, (await signMandateRecord({ v: 1, kind: 'confirmed', workspaceId: 'w', organisationId: 'leiden', subject: daan.publicKeyB64, signer: daan.publicKeyB64, grant: grant.id, at: 12 }, daan.privateKey)).text] },
      // A changed grant.
      { ...confirmed, records: [grant.text.slice(0, -2) + (grant.text.endsWith('AA') ? 'BA' : 'AA'), confirmation.text] },
    ];
    for (const mandate of cases) {
      const verification = await verifyExport(parseExportRecord(await exportWith([mandate])));
      expect(verification.mandates.map((check) => check.valid)).toEqual([false]);
    }
  });

  it('still reads version 1 records, which carry no mandates', async () => {
    const record = parseExportRecord(await exportWith([confirmed]));
    const v1 = { ...record, version: 1 as const };
    delete (v1 as { mandates?: unknown }).mandates;
    const markdown = `\`\`\`stroomkring-record\n${JSON.stringify(v1)}\n\`\`\`\n`;
    const parsed = parseExportRecord(markdown);
    expect(parsed.version).toBe(1);
    expect((await verifyExport(parsed)).mandates).toEqual([]);
    expect(() => parseExportRecord(markdown.replace('"version":1', '"version":3'))).toThrow(/record version 3 is not one this verifier reads/);
  });
});
