import { describe, expect, it } from 'vitest';
import { OPEN_AUTHORITY } from '../mandates/mandate-state';
import * as Y from 'yjs';
import { createGoal } from '../workspace-doc/goals';
import { writeInterest } from '../workspace-doc/interests';
import { upsertSelf } from '../workspace-doc/members';
import { initialiseMeta } from '../workspace-doc/meta';
import { addOrganisation } from '../workspace-doc/organisations';
import { dashboardView, ownOnboarding } from './view';

const key = 'A'.repeat(43);
const identity = (memberId: string, organisationName: string, joinedAt: number, invitedBy?: string) => ({ memberId, displayName: memberId.toUpperCase(), organisationName, role: '', publicKey: key, joinedAt, ...(invitedBy ? { invitedBy } : {}) });

function twoPartners(): Y.Doc {
  const doc = new Y.Doc();
  initialiseMeta(doc, { workspaceId: 'w', regionId: 'holland-rijnland', createdAt: 1000 });
  addOrganisation(doc, { name: 'Gemeente Leiden', type: 'gemeente', description: 'Gemeente', website: '' }, { memberId: 'anne', now: 1000, id: 'leiden' });
  upsertSelf(doc, identity('anne', 'Gemeente Leiden', 1000));
  upsertSelf(doc, identity('bram', 'Liander', 2000, 'anne'));
  return doc;
}

describe('the dashboard view from a document', () => {
  it('names ids, lists arrivals and a checklist per organisation', async () => {
    const doc = twoPartners();
    addOrganisation(doc, { name: 'Liander', type: 'netbeheerder', description: '', website: '' }, { memberId: 'bram', now: 3000, id: 'liander' });
    createGoal(doc, { title: 'Samen 50% minder CO2', text: 'Tekst' }, { memberId: 'anne', now: 4000, organisationIds: ['leiden', 'liander'], id: 'g1' });
    const view = await dashboardView(doc, new Date(5000), OPEN_AUTHORITY);
    expect(view.figures.verbinden.organisations).toBe(2);
    expect(view.figures.lagging.silentOrganisationIds).toEqual(['leiden', 'liander']);
    expect(view.figures.lagging.waitingGoals).toEqual([{ goalId: 'g1', waitingFor: ['leiden', 'liander'] }]);
    expect(view.names.goals.get('g1')).toBe('Samen 50% minder CO2');
    expect(view.names.members.get('bram')).toBe('BRAM');
    expect(view.arrivals.map((a) => a.kind)).toEqual(['organisation', 'member', 'organisation']);
    expect(view.checklists.map((c) => [c.organisationId, c.doneCount])).toEqual([
      ['leiden', 2],
      ['liander', 1],
    ]);
  });
});

describe('the viewer own onboarding', () => {
  it('asks to add the organisation while it is missing, then shows its checklist, ticking interests once written', async () => {
    const doc = twoPartners();
    expect(await ownOnboarding(doc, new Date(5000), 'bram', OPEN_AUTHORITY)).toEqual({ kind: 'missing', organisationName: 'Liander' });
    expect(await ownOnboarding(doc, new Date(5000), 'nobody', OPEN_AUTHORITY)).toEqual({ kind: 'unknownMember' });
    addOrganisation(doc, { name: 'Liander', type: 'netbeheerder', description: '', website: '' }, { memberId: 'bram', now: 3000, id: 'liander' });
    const before = await ownOnboarding(doc, new Date(5000), 'bram', OPEN_AUTHORITY);
    expect(before.kind === 'checklist' && before.checklist.steps).toEqual([
      { step: 'profile', done: false },
      { step: 'introduced', done: true },
      { step: 'interests', done: false },
      { step: 'goals', done: true },
    ]);
    writeInterest(doc, 'liander', { interests: 'Netcapaciteit', strategy: '', redLines: '', offer: '' }, { memberId: 'bram', now: 4000 });
    const after = await ownOnboarding(doc, new Date(5000), 'bram', OPEN_AUTHORITY);
    expect(after.kind === 'checklist' && after.checklist.steps.find((s) => s.step === 'interests')?.done).toBe(true);
  });
});
