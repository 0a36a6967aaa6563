/**
 * The generated workspace `npm run bench:open` opens: 200 organisations,
 * 1,000 people, 5,000 introductions, 2,000 documents, 500 ideas and
 * 50 goals, with interests for every other organisation. Written with the
 * app's own writers, so every record is valid; deterministic, so every run
 * opens the same document. No meta: the update is merged into a workspace
 * the app created, which has its own.
 */
import * as Y from 'yjs';
import { addDocument } from '../shared/workspace-doc/documents';
import { createGoal } from '../shared/workspace-doc/goals';
import { addIdea } from '../shared/workspace-doc/ideas';
import { writeInterest } from '../shared/workspace-doc/interests';
import { addIntroduction } from '../shared/workspace-doc/introductions';
import { upsertSelf } from '../shared/workspace-doc/members';
import { addOrganisation } from '../shared/workspace-doc/organisations';

export const OPEN_REGION = { organisations: 200, members: 1_000, introductions: 5_000, documents: 2_000, ideas: 500, goals: 50 } as const;

const DAY_MS = 86_400_000;

/** Organisation `o` is named like this; a bench partner who gives this name as their organisation is one of its members. */
export function organisationName(o: number): string {
  return `Organisatie ${o}`;
}

export function openRegionUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const n = OPEN_REGION;
  const start = Date.UTC(2026, 0, 5);
  const at = (i: number, count: number) => start + Math.floor((i / count) * 300 * DAY_MS);
  const member = (i: number) => `m${i % n.members}`;
  for (let o = 0; o < n.organisations; o += 1) {
    addOrganisation(doc, { name: organisationName(o), type: 'gemeente', description: `Beschrijving van organisatie ${o}`, website: '' }, { memberId: 'm0', now: at(o, n.organisations), id: `o${o}` });
  }
  for (let m = 0; m < n.members; m += 1) {
    upsertSelf(doc, {
      memberId: member(m),
      displayName: `Lid ${m}`,
      organisationName: organisationName(m % n.organisations),
      role: 'Adviseur',
      publicKey: 'A'.repeat(43),
      joinedAt: at(m, n.members),
      ...(m > 0 ? { invitedBy: member((m * 7) % m) } : {}),
    });
  }
  for (let i = 0; i < n.introductions; i += 1) {
    addIntroduction(doc, { kind: 'members', a: member(i * 13), b: member(i * 31 + 1), note: '' }, { memberId: member(i * 17 + 2), now: at(i, n.introductions), id: `i${i}` });
  }
  for (let d = 0; d < n.documents; d += 1) {
    const hash = (d + 1).toString(16).padStart(64, '0');
    addDocument(doc, 'workspace', { title: `Document ${d}`, description: '', tags: ['net'], organisationId: `o${d % n.organisations}`, sensitivity: 'intern' }, { hash, size: 1_000 + d, type: 'application/pdf', fileName: `document-${d}.pdf`, addedAt: at(d, n.documents), addedBy: member(d) }, `d${d}`);
  }
  for (let i = 0; i < n.ideas; i += 1) addIdea(doc, { title: `Idee ${i}`, description: 'Samen doen', tags: [], goalId: '' }, { memberId: member(i * 3), now: at(i, n.ideas), id: `idea${i}` });
  for (let o = 0; o < n.organisations; o += 2) writeInterest(doc, `o${o}`, { interests: 'Warmte', strategy: '', redLines: '', offer: '' }, { memberId: member(o), now: at(o, n.organisations) });
  for (let g = 0; g < n.goals; g += 1) {
    createGoal(doc, { title: `Doel ${g}`, text: 'Samen verder' }, { memberId: 'm0', now: at(g, n.goals), organisationIds: Array.from({ length: 10 }, (_, k) => `o${(g * 5 + k) % n.organisations}`), id: `g${g}` });
  }
  return Y.encodeStateAsUpdateV2(doc);
}
