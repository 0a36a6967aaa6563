/**
 * Everything a goal export needs, read from the workspace document at the
 * moment of exporting, and the file name it is saved under.
 *
 * Which stances go in: every stance stored for the goal whose signature
 * verifies, the whole signed history (earlier versions included, marked as
 * such in the export). A stance that does not verify (a peer's tampered or
 * damaged data) is left out and counted, because an export is meant to
 * verify as a whole; the app already shows those as invalid.
 */
import type * as Y from 'yjs';
import type { ExportAdoption, ExportGoal } from '../../../../shared/goals/export-markdown';
import { toWinAnsi } from '../../../../shared/goals/pdf-text';
import type { StanceRecord } from '../../../../shared/goals/stance';
import { currentGoalText, goalAdoption, readGoal } from '../../../../shared/workspace-doc/goals';
import { readMembers } from '../../../../shared/workspace-doc/members';
import { readOrganisations } from '../../../../shared/workspace-doc/organisations';

export interface GoalExportData {
  readonly goal: ExportGoal;
  readonly stances: readonly StanceRecord[];
  readonly adoption: ExportAdoption;
  readonly organisationNames: Readonly<Record<string, string>>;
  readonly memberNames: Readonly<Record<string, string>>;
  /** Stances that did not verify and were left out. */
  readonly leftOut: number;
}

export class GoalNotExportableError extends Error {
  override readonly name = 'GoalNotExportableError';
  constructor(readonly goalId: string) {
    super(`Goal ${goalId} is missing or damaged and cannot be exported`);
  }
}

export async function gatherGoalExport(doc: Y.Doc, goalId: string): Promise<GoalExportData> {
  const read = readGoal(doc, goalId);
  if (read === undefined || !read.ok) throw new GoalNotExportableError(goalId);
  const [{ input, result }, { canonicalText }] = await Promise.all([goalAdoption(doc, goalId), currentGoalText(doc, goalId)]);
  const stances: StanceRecord[] = [];
  let leftOut = 0;
  for (const { verification } of input.stances) {
    if (verification.valid && verification.record.goalId === goalId) stances.push(verification.record);
    else leftOut += 1;
  }
  const organisationNames = Object.fromEntries(readOrganisations(doc).flatMap((org) => (org.ok ? [[org.value.id, org.value.name] as const] : [])));
  const memberNames = Object.fromEntries(readMembers(doc).flatMap((member) => (member.ok ? [[member.value.memberId, member.value.displayName] as const] : [])));
  return {
    goal: { id: goalId, title: read.value.title, text: canonicalText },
    stances,
    adoption: { adopted: result.adopted, ...(result.adoptedAt === undefined ? {} : { adoptedAt: result.adoptedAt }), quorum: input.quorum },
    organisationNames,
    memberNames,
    leftOut,
  };
}

/** Longest file name stem: room for the extension and a " (2)" the browser may add, far below every platform's limit. */
const MAX_STEM = 80;

/** "Samen 3 TWh in 2030!" → "samen-3-twh-in-2030.pdf"; accents dropped so the name survives every file system and mail client. */
export function exportFileName(title: string, extension: 'md' | 'pdf'): string {
  // Through WinAnsi first: it knows letters without a decomposition (ł → l).
  const stem = toWinAnsi(title.replace(/\s+/g, ' '))
    .text.normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_STEM)
    .replace(/^-+|-+$/g, '');
  return `${stem === '' ? 'doel' : stem}.${extension}`;
}
