import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDocument } from '../workspace-doc/documents';
import { addIdea } from '../workspace-doc/ideas';
import { writeInterest } from '../workspace-doc/interests';
import { addIntroduction } from '../workspace-doc/introductions';
import { upsertSelf } from '../workspace-doc/members';
import { initialiseMeta } from '../workspace-doc/meta';
import { addOrganisation } from '../workspace-doc/organisations';
import { ideasMap, organisationsMap } from '../workspace-doc/schema';
import { addAction, addWorkingGroup } from '../workspace-doc/working-groups';
import { dashboardFigures } from './figures';
import { dashboardInputFromDoc } from './from-doc';
import { storeRecords } from '../read-model/record-source';
import { recordStoreOf } from '../read-model/record-store';
import { memberRecords } from '../workspace-doc/members';

const key = 'A'.repeat(43);
const identity = (memberId: string, organisationName: string, joinedAt: number, invitedBy?: string) => ({ memberId, displayName: memberId, organisationName, role: '', publicKey: key, joinedAt, ...(invitedBy ? { invitedBy } : {}) });

describe('dashboard input from the workspace document', () => {
  it('reads every block through the validated readers and leaves damaged entries out', () => {
    const doc = new Y.Doc();
    initialiseMeta(doc, { workspaceId: 'w', regionId: 'holland-rijnland', createdAt: 1000 });
    addOrganisation(doc, { name: 'Gemeente Leiden', type: 'gemeente', description: '', website: '' }, { memberId: 'anne', now: 1000, id: 'leiden' });
    addOrganisation(doc, { name: 'Liander', type: 'netbeheerder', description: '', website: '' }, { memberId: 'anne', now: 1100, id: 'liander' });
    organisationsMap(doc).set('broken', 'not a map');
    upsertSelf(doc, identity('anne', 'Gemeente Leiden', 1000));
    upsertSelf(doc, identity('bram', 'Liander', 1200, 'anne'));
    upsertSelf(doc, identity('carla', 'Liander', 1300, 'bram'));
    addIntroduction(doc, { kind: 'members', a: 'bram', b: 'carla', note: 'Hallo' }, { memberId: 'anne', now: 1400 });
    writeInterest(doc, 'leiden', { interests: 'Warmte', strategy: '', redLines: '', offer: '' }, { memberId: 'anne', now: 1500 });
    addDocument(doc, 'workspace', { title: 'Netkaart', description: '', tags: [], organisationId: 'liander', sensitivity: 'openbaar' }, { hash: '1'.repeat(64), size: 1, type: 'application/pdf', fileName: 'n.pdf', addedAt: 1600, addedBy: 'bram' });
    addIdea(doc, { title: 'Buurtbatterij', description: '', tags: [], goalId: '' }, { memberId: 'carla', now: 1700 });
    ideasMap(doc).set('bad', 'not a map');
    const groupId = addWorkingGroup(doc, { name: 'Opslag', purpose: '' }, { memberId: 'bram', now: 1800 });
    addAction(doc, groupId, { title: 'Offerte', ownerMemberId: 'bram', due: '2026-01-01' }, { memberId: 'bram', now: 1900 });

    const input = dashboardInputFromDoc(doc, { goals: [], now: 2000, today: '2026-01-02' });
    expect(input.startedAt).toBe(1000);
    expect(input.organisations.map((o) => o.id)).toEqual(['leiden', 'liander']);
    expect(input.introductions.map((i) => i.kind).sort()).toEqual(['invite', 'invite', 'members']);
    expect([input.interests.length, input.documents.length, input.ideas.length, input.workingGroups.length]).toEqual([1, 1, 1, 1]);

    const figures = dashboardFigures(input);
    // anne–bram (invite) and bram–carla (invite and introduction, one pair): 2 pairs among 3 people.
    expect(figures.verbinden).toMatchObject({ organisations: 2, members: 3, introductions: 3, invites: 2, largestComponentShare: 1, tiesPerMember: 4 / 3 });
    expect(figures.bijdragen).toMatchObject({ organisationsWithInterests: 1, contributingOrganisations: 2, documents: 1, phase: 'carried' });
    expect(figures.lagging.overdueActions).toMatchObject([{ groupId, title: 'Offerte', daysOverdue: 1 }]);

    // A screen reads the same input from the read model, which keeps its records between computations.
    const source = storeRecords(recordStoreOf(doc));
    const context = { goals: [], now: 2000, today: '2026-01-02' };
    expect(dashboardInputFromDoc(doc, context, source)).toEqual(input);
    const membersBefore = source.records(memberRecords);
    writeInterest(doc, 'liander', { interests: 'Netcongestie', strategy: '', redLines: '', offer: '' }, { memberId: 'bram', now: 2100 });
    const after = dashboardInputFromDoc(doc, context, source);
    expect(after.interests.map((view) => view.entry.interests)).toEqual(['Warmte', 'Netcongestie']);
    expect(after).toEqual(dashboardInputFromDoc(doc, context));
    expect(source.records(memberRecords)).toBe(membersBefore);
  });
});
