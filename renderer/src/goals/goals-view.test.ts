import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys, type IdentityKeys } from '../../../shared/crypto/identity-keys';
import { SUPPORT_STATUSES } from '../../../shared/goals/adoption';
import { OPEN_AUTHORITY } from '../../../shared/mandates/mandate-state';
import { signStance, type StanceKind, type StanceRecord } from '../../../shared/goals/stance';
import { stakeholderTypeIds } from '../../../shared/regions';
import { appendStance, createGoal, goalAdoption, setGoalText } from '../../../shared/workspace-doc/goals';
import { grantMandate } from '../../../shared/workspace-doc/mandates';
import { readMembers, upsertSelf } from '../../../shared/workspace-doc/members';
import { addOrganisation, readOrganisations } from '../../../shared/workspace-doc/organisations';
import { goalsNl } from '../i18n/sections/goals';
import { goalsEn } from '../i18n/sections/en/goals';
import { goalExportNl } from '../i18n/sections/goalExport';
import { goalExportEn } from '../i18n/sections/en/goalExport';
import { EXPORT_LABELS_EN, EXPORT_LABELS_NL } from '../../../shared/goals/export-markdown';
import { holderLines, initialStanceForm, memberName, meterRows, meterSegments, membersOf, ownOrganisationIds, goalsWorkspaceOf, signableOrganisationIds, STATUS_KEYS } from './goals-view';

const TEXT_V1 = 'Samen wekken wij in 2030 3 TWh duurzaam op.';
const TEXT_V2 = 'Samen wekken wij in 2030 4 TWh duurzaam op.';
const GOAL = 'goal-1';

let leiden: IdentityKeys;
let liander: IdentityKeys;
let lianderColleague: IdentityKeys;
let unlinked: IdentityKeys;
beforeAll(async () => {
  [leiden, liander, lianderColleague, unlinked] = await Promise.all([generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys()]);
});

function member(doc: Y.Doc, keys: IdentityKeys, displayName: string, organisationName: string) {
  upsertSelf(doc, { memberId: keys.memberId, displayName, organisationName, role: '', publicKey: keys.publicKeyB64, joinedAt: 1 });
}

/** Two organisations; Leiden's and Liander's first member hold the mandate, Liander's second does not. */
function workspace(): Y.Doc {
  const doc = new Y.Doc();
  const type = stakeholderTypeIds[0] as (typeof stakeholderTypeIds)[number];
  addOrganisation(doc, { name: 'Gemeente Leiden', type, description: '', website: '' }, { memberId: 'x', now: 1, id: 'leiden' });
  addOrganisation(doc, { name: 'Liander', type, description: '', website: '' }, { memberId: 'x', now: 1, id: 'liander' });
  member(doc, leiden, 'Anne', 'Gemeente Leiden');
  member(doc, liander, 'Bram', 'Liander');
  member(doc, lianderColleague, 'Carla', 'Liander');
  member(doc, unlinked, 'Dirk', 'Buurtvereniging');
  grantMandate(doc, 'leiden', leiden.memberId, { memberId: leiden.memberId, now: 2 });
  grantMandate(doc, 'liander', liander.memberId, { memberId: liander.memberId, now: 2 });
  createGoal(doc, { title: 'Opwek 2030', text: TEXT_V1 }, { memberId: leiden.memberId, now: 10, organisationIds: ['leiden', 'liander'], id: GOAL });
  return doc;
}

/** The goal screens' people and organisations, read from the document as the read model reads them. */
function readGoalsWorkspace(doc: Y.Doc) {
  const organisations = readOrganisations(doc).flatMap((read) => (read.ok ? [read.value] : []));
  return goalsWorkspaceOf(organisations, readMembers(doc).flatMap((read) => (read.ok ? [read.value] : [])));
}

function stance(keys: IdentityKeys, organisationId: string, kind: StanceKind, at: number, text = TEXT_V1): Promise<StanceRecord> {
  return signStance({ goalId: GOAL, organisationId, memberId: keys.memberId, publicKey: keys.publicKeyB64, stance: kind, reason: kind === 'endorse' ? '' : 'omdat', text, at }, keys.privateKey);
}

async function rowsFor(doc: Y.Doc, viewer: IdentityKeys) {
  const { input, result, mandates } = await goalAdoption(doc, GOAL, OPEN_AUTHORITY);
  const view = readGoalsWorkspace(doc);
  return { result, rows: meterRows(result, view, signableOrganisationIds(input, viewer.memberId, viewer.publicKeyB64), mandates) };
}

describe('who may do what on the goal screens', () => {
  it('resolves the own organisation by membership; an unlinked member has none', async () => {
    const doc = workspace();
    const view = readGoalsWorkspace(doc);
    expect(ownOrganisationIds(view, liander.memberId)).toEqual(['liander']);
    expect(ownOrganisationIds(view, unlinked.memberId)).toEqual([]);
    expect(ownOrganisationIds(view, 'nobody')).toEqual([]);
    expect(membersOf(view, 'liander').map((m) => m.displayName)).toEqual(['Bram', 'Carla']);
    // A workspace from before proven membership: the old entries count, shown as not confirmed.
    const { mandates } = await goalAdoption(doc, GOAL, OPEN_AUTHORITY);
    expect(holderLines(mandates, view, 'liander')).toEqual([{ name: 'Bram', grantedByName: 'Bram', standing: 'notConfirmed', counts: true }]);
    expect(memberName(view, leiden.memberId)).toBe('Anne');
  });

  it('offers signing only to counted mandate holders of a participating organisation', async () => {
    const doc = workspace();
    const { input } = await goalAdoption(doc, GOAL, OPEN_AUTHORITY);
    expect(signableOrganisationIds(input, liander.memberId, liander.publicKeyB64)).toEqual(['liander']);
    expect(signableOrganisationIds(input, lianderColleague.memberId, lianderColleague.publicKeyB64)).toEqual([]);
    // The same member id with another key (a mandate granted to an old key) is not offered.
    expect(signableOrganisationIds(input, liander.memberId, leiden.publicKeyB64)).toEqual([]);
  });
});

describe('draagvlak meter rows', () => {
  it('shows who signed, when and why, and nothing yet for an organisation that has not responded', async () => {
    const doc = workspace();
    appendStance(doc, GOAL, await stance(leiden, 'leiden', 'endorseWithReservations', 100));
    const { rows, result } = await rowsFor(doc, leiden);
    expect(rows).toMatchObject([
      { organisationId: 'leiden', name: 'Gemeente Leiden', status: 'reservations', signerName: 'Anne', stance: { at: 100, reason: 'omdat' }, canSign: true, invalidStances: 0 },
      { organisationId: 'liander', name: 'Liander', status: 'notResponded', canSign: false, noMandateHolder: false },
    ]);
    expect(rows[1]?.stance).toBeUndefined();
    expect(result.supporting).toBe(1);
  });

  it('shows a tampered stance as an invalid signature and does not count it', async () => {
    const doc = workspace();
    const honest = await stance(liander, 'liander', 'object', 100);
    // A peer turns the objection into an endorsement without being able to re-sign it.
    appendStance(doc, GOAL, { ...honest, stance: 'endorse' });
    appendStance(doc, GOAL, await stance(leiden, 'leiden', 'endorse', 101));
    const { rows, result } = await rowsFor(doc, leiden);
    const row = rows.find((r) => r.organisationId === 'liander');
    expect(row).toMatchObject({ status: 'invalid', invalidStances: 1 });
    expect(row?.stance).toBeUndefined();
    expect(goalsNl.status[STATUS_KEYS[row?.status ?? 'endorsed']]).toBe('Ongeldige ondertekening');
    expect(result.supporting).toBe(1);
    expect(result.adopted).toBe(false);
  });

  it('keeps the valid stance and warns about a tampered later one', async () => {
    const doc = workspace();
    appendStance(doc, GOAL, await stance(liander, 'liander', 'endorse', 100));
    const later = await stance(liander, 'liander', 'endorse', 200);
    appendStance(doc, GOAL, { ...later, reason: 'toegevoegd door een ander' });
    const { rows } = await rowsFor(doc, liander);
    expect(rows.find((r) => r.organisationId === 'liander')).toMatchObject({ status: 'endorsed', invalidStances: 1, stance: { at: 100 } });
  });

  it('marks a stance on an earlier text as stale, keeping that text for the diff', async () => {
    const doc = workspace();
    appendStance(doc, GOAL, await stance(liander, 'liander', 'endorse', 100));
    setGoalText(doc, GOAL, TEXT_V2);
    const { rows } = await rowsFor(doc, liander);
    const row = rows.find((r) => r.organisationId === 'liander');
    expect(row).toMatchObject({ status: 'stale', canSign: true, stance: { canonicalText: TEXT_V1, stance: 'endorse' } });
    expect(goalsNl.status[STATUS_KEYS.stale]).toBe('Eerdere versie');
  });

  it('counts a stance by a member without the mandate as ignored, not as the organisation', async () => {
    const doc = workspace();
    appendStance(doc, GOAL, await stance(lianderColleague, 'liander', 'object', 100));
    const { rows } = await rowsFor(doc, lianderColleague);
    expect(rows.find((r) => r.organisationId === 'liander')).toMatchObject({ status: 'notResponded', unmandatedStances: 1, canSign: false });
  });
});

describe('meter segments', () => {
  it('lists non-empty statuses in the fixed order, adding up to the whole bar', () => {
    const counts = Object.fromEntries(SUPPORT_STATUSES.map((s) => [s, 0])) as Record<(typeof SUPPORT_STATUSES)[number], number>;
    expect(meterSegments({ counts })).toEqual([]);
    const segments = meterSegments({ counts: { ...counts, notResponded: 1, endorsed: 2 } });
    expect(segments.map((s) => s.status)).toEqual(['endorsed', 'notResponded']);
    expect(segments.reduce((sum, s) => sum + s.percent, 0)).toBeCloseTo(100);
    expect(segments[0]).toMatchObject({ count: 2 });
  });
});

describe('stance form', () => {
  it('starts empty, or from the previous stance when re-confirming', async () => {
    expect(initialStanceForm(undefined)).toEqual({ stance: '', reason: '' });
    expect(initialStanceForm(await stance(liander, 'liander', 'standAside', 5))).toEqual({ stance: 'standAside', reason: 'omdat' });
  });

  it('uses the exact Dutch words of the UI contract', () => {
    expect(goalsNl.status).toEqual({
      endorsed: 'Onderschrijft',
      reservations: 'Onderschrijft met voorbehoud',
      stoodAside: 'Staat opzij',
      objected: 'Maakt bezwaar',
      stale: 'Eerdere versie',
      notResponded: 'Nog niet gereageerd',
      invalid: 'Ongeldige ondertekening',
    });
    expect(Object.values(goalsNl.stances)).toEqual(['Onderschrijven', 'Onderschrijven met voorbehoud', 'Opzij staan', 'Bezwaar maken', 'Uitstappen (niet meedoen aan dit doel)']);
  });

  it('names a counted stance in the app as the export and its check name it, in both languages', () => {
    const counted = { endorse: 'endorsed', endorseWithReservations: 'reservations', standAside: 'stoodAside', object: 'objected' } as const;
    for (const [app, exported, checked] of [
      [goalsNl, EXPORT_LABELS_NL, goalExportNl],
      [goalsEn, EXPORT_LABELS_EN, goalExportEn],
    ] as const) {
      for (const [kind, status] of Object.entries(counted) as [keyof typeof counted, (typeof counted)[keyof typeof counted]][]) {
        expect(app.status[status]).toBe(exported.stanceKinds[kind]);
        expect(checked.verify.stanceKinds[kind]).toBe(exported.stanceKinds[kind]);
      }
    }
  });
});
