/**
 * Everything a goal export needs, read from the workspace document at the
 * moment of exporting, and the file name it is saved under.
 *
 * Which stances go in: every stance stored for the goal whose signature
 * verifies, the whole signed history (earlier versions included, marked as
 * such in the export). A stance that does not verify (a peer's tampered or
 * damaged data) is left out and counted, because an export is meant to
 * verify as a whole; the app already shows those as invalid.
 *
 * Which text: the version in force (goal-standing.ts). While a change to an
 * adopted goal is proposed, that is the adopted text, not the proposal, and
 * the stances on the proposal are left out: they belong to another decision.
 */
import type * as Y from 'yjs';
import type { ExportAdoption, ExportGoal } from '../../../../shared/goals/export-markdown';
import type { ExportMandate } from '../../../../shared/goals/export-record';
import type { MandateAuthority, MandateState } from '../../../../shared/mandates/mandate-state';
import { toWinAnsi } from '../../../../shared/goals/pdf-text';
import type { StanceRecord } from '../../../../shared/goals/stance';
import { goalAdoption, readGoal } from '../../../../shared/workspace-doc/goals';
import { readMembers } from '../../../../shared/workspace-doc/members';
import { readOrganisations } from '../../../../shared/workspace-doc/organisations';
import { StroomkringError } from '../../../../shared/errors/stroomkring-error';

export interface GoalExportData {
  readonly goal: ExportGoal;
  readonly stances: readonly StanceRecord[];
  readonly adoption: ExportAdoption;
  readonly organisationNames: Readonly<Record<string, string>>;
  readonly memberNames: Readonly<Record<string, string>>;
  /** Who granted and confirmed each mandate holder's mandate (the export keeps those of the stances' signers). */
  readonly mandates: readonly ExportMandate[];
  /** Stances that did not verify and were left out. */
  readonly leftOut: number;
}

/** Every mandate holder as the export records them. */
export function exportMandatesOf(state: MandateState): ExportMandate[] {
  return [...state.organisations.values()].flatMap((organisation) =>
    organisation.holders.map((holding) => ({
      organisationId: holding.organisationId,
      memberId: holding.holderId,
      publicKey: holding.holderKey,
      standing: holding.standing,
      grantedBy: holding.grantedBy,
      ...(holding.confirmedBy === undefined ? {} : { confirmedBy: holding.confirmedBy }),
      records: [...holding.records],
    })),
  );
}

export class GoalNotExportableError extends StroomkringError {
  override readonly name = 'GoalNotExportableError';
  constructor(readonly goalId: string) {
    super(`Goal ${goalId} is missing or damaged and cannot be exported`);
  }
}

export async function gatherGoalExport(doc: Y.Doc, goalId: string, authority: MandateAuthority): Promise<GoalExportData> {
  const read = readGoal(doc, goalId);
  if (read === undefined || !read.ok) throw new GoalNotExportableError(goalId);
  const { input, standing, current, mandates } = await goalAdoption(doc, goalId, authority);
  // The version in force: while a change is proposed, that is the adopted text, and the proposal's stances are not part of it.
  const version = standing.inForce ?? { textHash: current.textHash, canonicalText: current.canonicalText, result: standing.live };
  const result = version.result;
  const canonicalText = version.canonicalText;
  const stances: StanceRecord[] = [];
  let leftOut = 0;
  for (const { verification } of input.stances) {
    if (!verification.valid || verification.record.goalId !== goalId) leftOut += 1;
    else if (!standing.proposal || verification.record.textHash !== current.textHash) stances.push(verification.record);
  }
  const organisationNames = Object.fromEntries(readOrganisations(doc).flatMap((org) => (org.ok ? [[org.value.id, org.value.name] as const] : [])));
  const memberNames = Object.fromEntries(readMembers(doc).flatMap((member) => (member.ok ? [[member.value.memberId, member.value.displayName] as const] : [])));
  return {
    goal: { id: goalId, title: read.value.title, text: canonicalText },
    stances,
    adoption: { adopted: result.adopted, ...(result.adoptedAt === undefined ? {} : { adoptedAt: result.adoptedAt }), quorum: input.quorum },
    organisationNames,
    memberNames,
    mandates: exportMandatesOf(mandates),
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
