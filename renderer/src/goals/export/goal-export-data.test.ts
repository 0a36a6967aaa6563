import { describe, expect, it } from 'vitest';
import { OPEN_AUTHORITY } from '../../../../shared/mandates/mandate-state';
import * as Y from 'yjs';
import { generateIdentityKeys } from '../../../../shared/crypto/identity-keys';
import { exportGoalMarkdown } from '../../../../shared/goals/export-markdown';
import { exportGoalPdf } from '../../../../shared/goals/export-pdf';
import { checkExportFile } from '../../../../shared/goals/read-export-file';
import { signStance, type StanceKind } from '../../../../shared/goals/stance';
import { stakeholderTypeIds } from '../../../../shared/regions';
import { appendStance, createGoal } from '../../../../shared/workspace-doc/goals';
import { grantMandate } from '../../../../shared/workspace-doc/mandates';
import { upsertSelf } from '../../../../shared/workspace-doc/members';
import { addOrganisation } from '../../../../shared/workspace-doc/organisations';
import { goalsMap } from '../../../../shared/workspace-doc/schema';
import { exportFileName, gatherGoalExport, GoalNotExportableError } from './goal-export-data';

const TEXT = 'Samen wekken wij in 2030 3 TWh duurzaam op.';

/** Two organisations, each with one mandate holder who endorses: an adopted goal. */
async function adoptedWorkspace() {
  const doc = new Y.Doc();
  const people = [
    { org: 'gemeente', name: 'Gemeente Zwolle', person: 'Anna de Vries', keys: await generateIdentityKeys() },
    { org: 'netbeheerder', name: 'Enexis', person: 'Bram Jansen', keys: await generateIdentityKeys() },
  ];
  for (const p of people) {
    addOrganisation(doc, { name: p.name, type: stakeholderTypeIds[0] as (typeof stakeholderTypeIds)[number], description: '', website: '' }, { memberId: 'x', now: 1, id: p.org });
    upsertSelf(doc, { memberId: p.keys.memberId, displayName: p.person, organisationName: p.name, role: '', publicKey: p.keys.publicKeyB64, joinedAt: 1 });
    grantMandate(doc, p.org, p.keys.memberId, { memberId: p.keys.memberId, now: 2 });
  }
  const goalId = createGoal(doc, { title: 'Opwek 2030', text: TEXT }, { memberId: people[0]!.keys.memberId, now: 10, organisationIds: people.map((p) => p.org), id: 'goal-1' });
  const sign = (index: number, stance: StanceKind, at: number) => {
    const p = people[index]!;
    return signStance({ goalId, organisationId: p.org, memberId: p.keys.memberId, publicKey: p.keys.publicKeyB64, stance, reason: stance === 'endorse' ? '' : 'omdat', text: TEXT, at }, p.keys.privateKey);
  };
  appendStance(doc, goalId, await sign(0, 'endorse', 100));
  appendStance(doc, goalId, await sign(1, 'endorse', 200));
  return { doc, goalId, people, sign };
}

describe('gatherGoalExport', () => {
  it('reads an adopted goal with its stances and the names they use, and the export verifies', async () => {
    const { doc, goalId, people } = await adoptedWorkspace();
    const data = await gatherGoalExport(doc, goalId, OPEN_AUTHORITY);
    expect(data.goal).toEqual({ id: 'goal-1', title: 'Opwek 2030', text: TEXT });
    expect(data.adoption).toMatchObject({ adopted: true, adoptedAt: 200, quorum: { minSupportingOrganisations: 2 } });
    expect(data.stances).toHaveLength(2);
    expect(data.leftOut).toBe(0);
    expect(data.organisationNames).toMatchObject({ gemeente: 'Gemeente Zwolle', netbeheerder: 'Enexis' });
    expect(data.memberNames[people[1]!.keys.memberId]).toBe('Bram Jansen');

    const options = { exportedAt: 300, organisationNames: data.organisationNames, memberNames: data.memberNames };
    const markdown = await exportGoalMarkdown(data.goal, data.stances, data.adoption, options);
    expect(await checkExportFile(new TextEncoder().encode(markdown))).toMatchObject({ verified: true });
    const pdf = await exportGoalPdf(data.goal, data.stances, data.adoption, options);
    expect(await checkExportFile(pdf)).toMatchObject({ verified: true, record: { organisations: { netbeheerder: 'Enexis' } } });
  });

  it('leaves out a stance a peer tampered with, and says how many', async () => {
    const { doc, goalId, sign } = await adoptedWorkspace();
    const forged = { ...(await sign(1, 'endorse', 300)), at: 301 };
    const stances = (goalsMap(doc).get(goalId) as Y.Map<unknown>).get('stances') as Y.Array<unknown>;
    stances.push([forged]);
    const data = await gatherGoalExport(doc, goalId, OPEN_AUTHORITY);
    expect(data.stances).toHaveLength(2);
    expect(data.leftOut).toBe(1);
  });

  it('refuses a goal that is not there', async () => {
    await expect(gatherGoalExport(new Y.Doc(), 'nope', OPEN_AUTHORITY)).rejects.toThrow(GoalNotExportableError);
  });
});

describe('exportFileName', () => {
  it('makes a plain, safe name from the title', () => {
    expect(exportFileName('Samen 3 TWh in 2030!', 'pdf')).toBe('samen-3-twh-in-2030.pdf');
    expect(exportFileName('Energie voor Łódź & Gouda — café', 'md')).toBe('energie-voor-lodz-gouda-cafe.md');
    expect(exportFileName('🌍 / ..', 'md')).toBe('doel.md');
    expect(exportFileName('a'.repeat(300), 'pdf')).toBe(`${'a'.repeat(80)}.pdf`);
  });
});
