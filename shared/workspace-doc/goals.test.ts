import fc from 'fast-check';
import { OPEN_AUTHORITY } from '../mandates/mandate-state';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { DEFAULT_QUORUM } from '../goals/adoption';
import { decisionLog } from '../goals/decision-log';
import { signStance, type StanceKind, type StanceRecord } from '../goals/stance';
import { stakeholderTypeIds } from '../regions';
import { statementPlainText } from './goal-statement';
import {
  addParticipant,
  appendStance,
  createGoal,
  goalAdoption,
  goalStatementFragment,
  goalSummaries,
  readGoal,
  readGoals,
  readQuorum,
  readStances,
  saveGoalVersion,
  setGoalText,
  setQuorum,
  StanceNotForGoalError,
  UnknownGoalError,
} from './goals';
import { grantMandate, MandateNotAllowedError, mandateKey, readMandates, revokeMandate } from './mandates';
import { upsertSelf } from './members';
import { addOrganisation } from './organisations';
import { goalsMap, mandatesMap, workspaceSettingsMap } from './schema';

const TEXT_V1 = 'Samen wekken wij in 2030 3 TWh duurzaam op.';
const TEXT_V2 = 'Samen wekken wij in 2030 4 TWh duurzaam op.';
const ORGS = [
  { id: 'gemeente', name: 'Gemeente Zwolle' },
  { id: 'netbeheerder', name: 'Enexis' },
] as const;
type OrgId = (typeof ORGS)[number]['id'];

const keys = new Map<OrgId, IdentityKeys>();
let outsider: IdentityKeys;
beforeAll(async () => {
  for (const org of ORGS) keys.set(org.id, await generateIdentityKeys());
  outsider = await generateIdentityKeys();
});
const keysOf = (org: OrgId) => keys.get(org) as IdentityKeys;

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function member(doc: Y.Doc, k: IdentityKeys, organisationName: string) {
  upsertSelf(doc, { memberId: k.memberId, displayName: `lid ${organisationName}`, organisationName, role: '', publicKey: k.publicKeyB64, joinedAt: 1 });
}

/** A workspace with two organisations, one member each holding its mandate, and one goal both take part in. */
function workspace(): { doc: Y.Doc; goalId: string } {
  const doc = new Y.Doc();
  for (const org of ORGS) {
    addOrganisation(doc, { name: org.name, type: stakeholderTypeIds[0] as (typeof stakeholderTypeIds)[number], description: '', website: '' }, { memberId: 'x', now: 1, id: org.id });
    member(doc, keysOf(org.id), org.name);
    grantMandate(doc, org.id, keysOf(org.id).memberId, { memberId: keysOf(org.id).memberId, now: 2 });
  }
  member(doc, outsider, 'Buurtvereniging');
  const goalId = createGoal(doc, { title: 'Opwek 2030', text: TEXT_V1 }, { memberId: keysOf('gemeente').memberId, now: 10, organisationIds: ORGS.map((o) => o.id), id: 'goal-1' });
  return { doc, goalId };
}

function stance(org: OrgId, kind: StanceKind, at: number, text = TEXT_V1): Promise<StanceRecord> {
  const k = keysOf(org);
  return signStance({ goalId: 'goal-1', organisationId: org, memberId: k.memberId, publicKey: k.publicKeyB64, stance: kind, reason: kind === 'endorse' ? '' : 'omdat', text, at }, k.privateKey);
}

describe('goals in the workspace document', () => {
  it('round-trips a goal with its statement, participants and saved versions', async () => {
    const { doc, goalId } = workspace();
    const goal = readGoal(doc, goalId);
    expect(goal).toMatchObject({ ok: true, value: { title: 'Opwek 2030', statementText: TEXT_V1, organisationIds: ['gemeente', 'netbeheerder'], createdAt: 10, versions: [] } });
    const v1 = await saveGoalVersion(doc, goalId, { memberId: 'm', now: 11 });
    expect(await saveGoalVersion(doc, goalId, { memberId: 'm', now: 12 })).toEqual(v1);
    setGoalText(doc, goalId, `${TEXT_V2}\n\nTweede alinea.`);
    await saveGoalVersion(doc, goalId, { memberId: 'm', now: 13 });
    const read = readGoal(doc, goalId);
    expect(read?.ok && read.value.versions.map((v) => v.canonicalText)).toEqual([TEXT_V1, `${TEXT_V2}\n\nTweede alinea.`]);
    expect(readGoals(doc).map((r) => r.id)).toEqual([goalId]);
    expect(() => setGoalText(doc, 'nope', 'x')).toThrow(UnknownGoalError);
  });

  it('extracts plain text from the rich-text fragment, ignoring marks', () => {
    const { doc, goalId } = workspace();
    const fragment = goalStatementFragment(doc, goalId) as Y.XmlFragment;
    const heading = new Y.XmlElement('heading');
    const text = new Y.XmlText();
    heading.insert(0, [text]);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const paragraph = new Y.XmlElement('paragraph');
    const itemText = new Y.XmlText();
    paragraph.insert(0, [itemText]);
    item.insert(0, [paragraph]);
    list.insert(0, [item]);
    fragment.insert(0, [heading]);
    fragment.insert(fragment.length, [list]);
    text.insert(0, 'Doel', { bold: true });
    itemText.insert(0, 'punt een');
    expect(statementPlainText(fragment)).toBe(`Doel\n\n${TEXT_V1}\n\npunt een`);
  });

  it('keeps concurrent participant adds', () => {
    const { doc: a, goalId } = workspace();
    const b = new Y.Doc();
    sync(a, b);
    addParticipant(a, goalId, 'provincie', { memberId: 'm', now: 20 });
    addParticipant(b, goalId, 'waterschap', { memberId: 'm', now: 20 });
    sync(a, b);
    const read = readGoal(b, goalId);
    expect(read?.ok && read.value.organisationIds).toEqual(['gemeente', 'netbeheerder', 'provincie', 'waterschap']);
  });

  it('keeps concurrent stance appends from two docs in any delivery order', async () => {
    const records = [await stance('gemeente', 'endorse', 20), await stance('netbeheerder', 'endorse', 21), await stance('gemeente', 'standAside', 22)];
    const base = workspace();
    const baseUpdate = Y.encodeStateAsUpdate(base.doc);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fc.boolean(), async (onA, aFirst) => {
        const a = new Y.Doc();
        const b = new Y.Doc();
        Y.applyUpdate(a, baseUpdate);
        Y.applyUpdate(b, baseUpdate);
        records.forEach((record, i) => appendStance(onA[i] ? a : b, 'goal-1', record));
        const ua = Y.encodeStateAsUpdate(a);
        const ub = Y.encodeStateAsUpdate(b);
        const merged = new Y.Doc();
        for (const update of aFirst ? [ua, ub] : [ub, ua]) Y.applyUpdate(merged, update);
        const stored = readStances(merged, 'goal-1');
        expect(stored.every((r) => r.ok)).toBe(true);
        expect(stored.map((r) => (r.ok ? r.value.signature : '')).sort()).toEqual(records.map((r) => r.signature).sort());
        const { result } = await goalAdoption(merged, 'goal-1', OPEN_AUTHORITY);
        expect(result.organisations.map((o) => o.status)).toEqual(['stoodAside', 'endorsed']);
      }),
      { numRuns: 20 },
    );
  });

  it('reports malformed peer entries instead of throwing', async () => {
    const { doc, goalId } = workspace();
    appendStance(doc, goalId, await stance('gemeente', 'endorse', 20));
    const entry = goalsMap(doc).get(goalId) as Y.Map<unknown>;
    (entry.get('stances') as Y.Array<unknown>).push([{ goalId, stance: 'ja' }, 42]);
    (entry.get('versions') as Y.Array<unknown>).push([{ at: 'gisteren' }]);
    goalsMap(doc).set('broken', 'not a map');
    const half = new Y.Map<unknown>();
    goalsMap(doc).set('half', half);
    half.set('title', 'zonder tekst');
    mandatesMap(doc).set('rommel', { organisationId: 5 });
    workspaceSettingsMap(doc).set('quorum', { minSupportingOrganisations: 0 });

    const stances = readStances(doc, goalId);
    expect(stances.map((r) => r.ok)).toEqual([true, false, false]);
    expect(readGoal(doc, goalId)).toMatchObject({ ok: true, value: { damagedVersions: 1 } });
    expect(readGoals(doc).filter((r) => !r.ok).map((r) => r.id).sort()).toEqual(['broken', 'half']);
    expect(readMandates(doc).filter((r) => !r.ok).map((r) => r.id)).toEqual(['rommel']);
    expect(readQuorum(doc)).toMatchObject({ quorum: DEFAULT_QUORUM, problem: expect.any(String) });
    const { result } = await goalAdoption(doc, goalId, OPEN_AUTHORITY);
    expect(result.organisations.find((o) => o.organisationId === 'gemeente')?.status).toBe('endorsed');
    expect(await goalSummaries(doc, OPEN_AUTHORITY)).toHaveLength(1);
    const elsewhere = await stance('gemeente', 'endorse', 1);
    expect(() => appendStance(doc, 'other-goal', elsewhere)).toThrow(StanceNotForGoalError);
  });

  it('lets only members of the organisation grant and revoke mandates, and only to its members', () => {
    const { doc } = workspace();
    const gemeente = keysOf('gemeente').memberId;
    expect(() => grantMandate(doc, 'gemeente', outsider.memberId, { memberId: gemeente, now: 3 })).toThrow(MandateNotAllowedError);
    expect(() => grantMandate(doc, 'gemeente', gemeente, { memberId: outsider.memberId, now: 3 })).toThrow(MandateNotAllowedError);
    expect(() => revokeMandate(doc, 'gemeente', gemeente, { memberId: keysOf('netbeheerder').memberId })).toThrow(/cannot grant/);
    // A peer that skips the check: the reader does not count it.
    mandatesMap(doc).set(mandateKey('gemeente', outsider.memberId), { organisationId: 'gemeente', memberId: outsider.memberId, publicKey: outsider.publicKeyB64, grantedBy: gemeente, at: 3 });
    expect(readMandates(doc).find((r) => r.id === mandateKey('gemeente', outsider.memberId))).toMatchObject({ ok: false, problem: 'holder is not in the organisation' });
    revokeMandate(doc, 'gemeente', gemeente, { memberId: gemeente });
    expect(readMandates(doc).filter((r) => r.ok).map((r) => r.ok && r.value.organisationId)).toEqual(['netbeheerder']);
  });

  it('computes adoption from the document, and a text change makes the stances stale', async () => {
    const { doc, goalId } = workspace();
    appendStance(doc, goalId, await stance('gemeente', 'endorse', 20));
    appendStance(doc, goalId, await stance('netbeheerder', 'endorseWithReservations', 21));
    const before = await goalAdoption(doc, goalId, OPEN_AUTHORITY);
    expect(before.result).toMatchObject({ adopted: true, adoptedAt: 21 });
    expect(decisionLog(before.input, before.result).map((e) => e.kind)).toEqual(['stance', 'stance', 'adopted']);
    expect(await goalSummaries(doc, OPEN_AUTHORITY)).toEqual([{ id: goalId, createdAt: 10, participatingOrganisationIds: ['gemeente', 'netbeheerder'], respondedOrganisationIds: ['gemeente', 'netbeheerder'], adopted: true, adoptedAt: 21 }]);

    setGoalText(doc, goalId, TEXT_V2);
    const after = await goalAdoption(doc, goalId, OPEN_AUTHORITY);
    expect(after.result.adopted).toBe(false);
    expect(after.result.organisations.map((o) => o.status)).toEqual(['stale', 'stale']);
    expect((await goalSummaries(doc, OPEN_AUTHORITY))[0]).toMatchObject({ respondedOrganisationIds: [], adopted: false });

    appendStance(doc, goalId, await stance('gemeente', 'endorse', 30, TEXT_V2));
    const again = await goalAdoption(doc, goalId, OPEN_AUTHORITY);
    expect(decisionLog(again.input, again.result).map((e) => e.kind)).toEqual(['stance', 'stance', 'superseded', 'stance']);
    setQuorum(doc, { minSupportingOrganisations: 1, minSupportingPercent: 0 });
    expect(readQuorum(doc).quorum.minSupportingOrganisations).toBe(1);
  });
});
