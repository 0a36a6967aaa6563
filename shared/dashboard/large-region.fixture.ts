/**
 * A large region a year in, for the dashboard's large-region test and
 * `npm run bench:dashboard`. Deterministic: the same document every time.
 */
import * as Y from 'yjs';
import { createGoal } from '../workspace-doc/goals';
import { writeInterest } from '../workspace-doc/interests';
import { addIntroduction } from '../workspace-doc/introductions';
import { upsertSelf } from '../workspace-doc/members';
import { initialiseMeta } from '../workspace-doc/meta';
import { addOrganisation } from '../workspace-doc/organisations';
import { DAY_MS } from './timeline';

/** 100 organisations, 500 people, 2000 introductions, 20 goals. */
export function largeRegion(): Y.Doc {
  const doc = new Y.Doc();
  const start = Date.UTC(2026, 0, 5);
  const at = (i: number, n: number) => start + Math.floor((i / n) * 365 * DAY_MS);
  initialiseMeta(doc, { workspaceId: 'w', regionId: 'holland-rijnland', createdAt: start });
  for (let o = 0; o < 100; o += 1) addOrganisation(doc, { name: `Organisatie ${o}`, type: 'gemeente', description: o % 2 ? 'x' : '', website: '' }, { memberId: 'm0', now: at(o, 100), id: `o${o}` });
  for (let m = 0; m < 500; m += 1) upsertSelf(doc, { memberId: `m${m}`, displayName: `Lid ${m}`, organisationName: `Organisatie ${m % 100}`, role: '', publicKey: 'A'.repeat(43), joinedAt: at(m, 500), ...(m > 0 ? { invitedBy: `m${(m * 7) % m}` } : {}) });
  for (let i = 0; i < 2000; i += 1) addIntroduction(doc, { kind: 'members', a: `m${(i * 13) % 500}`, b: `m${(i * 31 + 1) % 500}`, note: '' }, { memberId: `m${(i * 17 + 2) % 500}`, now: at(i, 2000) });
  for (let o = 0; o < 100; o += 3) writeInterest(doc, `o${o}`, { interests: 'Warmte', strategy: '', redLines: '', offer: '' }, { memberId: `m${o}`, now: at(o, 100) });
  for (let g = 0; g < 20; g += 1) createGoal(doc, { title: `Doel ${g}`, text: 'Samen verder' }, { memberId: 'm0', now: at(g, 20), organisationIds: Array.from({ length: 10 }, (_, k) => `o${(g * 5 + k) % 100}`) });
  return doc;
}

