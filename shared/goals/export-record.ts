/**
 * The machine-readable record at the end of a goal's Markdown export: all
 * that is needed to verify the goal's stances offline, without the app or
 * the workspace. The PDF export carries the same JSON as its attached file
 * `stroomkring-record.json` (export-pdf.ts, pdf-record.ts).
 *
 * It sits in the last fenced block of the export whose info string is
 * `stroomkring-record`, as JSON:
 *
 *   {
 *     "format": "stroomkring-goal-record", "version": 2,
 *     "exportedAt": <ms since epoch>,
 *     "goal": { "id", "title", "canonicalText", "textHash" },
 *     "organisations": { <organisationId>: <name> },   labels, not signed
 *     "members": { <memberId>: <display name> },       labels, not signed
 *     "adoption": { "adopted", "adoptedAt"?, "quorum" }  as the exporting app
 *                                                      saw it, not signed
 *     "stances": [ <stance record, shared/goals/stance.ts> ... ]
 *     "mandates": [ { "organisationId", "memberId", "publicKey",       (version 2)
 *                     "standing": "administrator" | "confirmed" | "notConfirmed",
 *                     "grantedBy", "confirmedBy"?, "records": [ <SKD1 record> ... ] } ]
 *   }
 *
 * `mandates` (version 2) names, for each member whose stance the export
 * carries, who granted their mandate and who confirmed it, with the signed
 * grant and confirmation (shared/mandates/mandate-record.ts) so their
 * signatures verify offline too; "notConfirmed" is an entry from before
 * signed mandates (nothing to verify). Version 1 records (no mandates) are
 * still read; a newer version is refused with a clear message.
 *
 * What verifies offline: each stance's signature over its own fields and the
 * hash of the text it carries, that it is for this goal, whether it was given
 * on the exported text, and that the goal text hashes to its textHash. What
 * cannot: whether the grantor was allowed to grant (that needs the workspace's
 * member list), so adoption is reported, not proven; the mandate records show
 * who signed the grant and the confirmation. Names are labels for people; the ids and keys are
 * what the signatures bind.
 */
import { z } from 'zod';
import { memberIdOfKey, verifyMandateRecord } from '../mandates/mandate-record';
import { QuorumSchema } from './adoption';
import { sha256Hex } from './canonical-text';
import { STANCE_LIMITS, stanceLabel, verifyStance, type StanceLabel, type StanceProblem, type StanceRecord } from './stance';
import { errorDetail, StroomkringError } from '../errors/stroomkring-error';

export const RECORD_FORMAT = 'stroomkring-goal-record';
export const RECORD_FENCE_INFO = 'stroomkring-record';
/** The version this app writes; it reads this one and every earlier one. */
export const RECORD_VERSION = 2;
const READABLE_VERSIONS: readonly number[] = [1, 2];

export const EXPORT_LIMITS = {
  /** Far more stances than a region has organisations times re-confirmations; bounds the work a hostile file causes. */
  stances: 2000,
  title: 200,
  name: 200,
  /** One per stance signer at most; a grant and a confirmation each. */
  mandates: 2000,
  mandateRecords: 2,
} as const;

const id = z.string().min(1).max(STANCE_LIMITS.id);
export const ExportMandateSchema = z.object({
  organisationId: id,
  memberId: id,
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  standing: z.enum(['administrator', 'confirmed', 'notConfirmed']),
  grantedBy: id,
  confirmedBy: id.optional(),
  records: z.array(z.string().max(4000)).max(EXPORT_LIMITS.mandateRecords),
});
export type ExportMandate = z.infer<typeof ExportMandateSchema>;

const labels = z.record(z.string().max(STANCE_LIMITS.id), z.string().max(EXPORT_LIMITS.name));

export const ExportRecordSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.number().int().nonnegative(),
  goal: z.object({
    id: z.string().min(1).max(STANCE_LIMITS.id),
    title: z.string().max(EXPORT_LIMITS.title),
    canonicalText: z.string().max(STANCE_LIMITS.goalText),
    textHash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  organisations: labels,
  members: labels,
  adoption: z.object({ adopted: z.boolean(), adoptedAt: z.number().int().nonnegative().optional(), quorum: QuorumSchema }),
  // Each stance is checked on its own by verifyStance, so one damaged stance is reported, not the whole file refused.
  stances: z.array(z.unknown()).max(EXPORT_LIMITS.stances),
  mandates: z.array(ExportMandateSchema).max(EXPORT_LIMITS.mandates).optional(),
});
export type ExportRecord = z.infer<typeof ExportRecordSchema>;

/**
 * - noRecord:    no record in the file (not a Stroomkring goal export)
 * - unclosed:    the file ends early (record block not closed, PDF without its end)
 * - notJson:     the record is there but is not JSON
 * - unsupported: a record version newer than this verifier
 * - invalid:     JSON that does not match the record format
 * - unreadable:  a PDF whose structure cannot be parsed (read-export-file.ts)
 * - tooLarge:    larger than any goal export can be (read-export-file.ts)
 */
export type ExportRecordProblem = 'noRecord' | 'unclosed' | 'notJson' | 'unsupported' | 'invalid' | 'unreadable' | 'tooLarge';

export class ExportRecordError extends StroomkringError {
  override readonly name = 'ExportRecordError';
  constructor(
    readonly problem: ExportRecordProblem,
    detail: string,
  ) {
    super(detail);
  }
}

/** Line endings as a Windows editor may have saved the file, made LF again. */
export function normaliseMarkdown(markdown: string): string {
  return markdown.replace(/\r\n?/g, '\n');
}

/** Reads the record from an export; throws ExportRecordError saying what is wrong. */
export function parseExportRecord(markdown: string): ExportRecord {
  const lines = normaliseMarkdown(markdown).split('\n');
  // The last opening fence: a goal text quoting a fence of its own comes earlier in the document.
  const open = lines.findLastIndex((line) => line.trim() === `\`\`\`${RECORD_FENCE_INFO}`);
  if (open < 0) throw new ExportRecordError('noRecord', `no \`\`\`${RECORD_FENCE_INFO} block found; is this a Stroomkring goal export?`);
  const close = lines.findIndex((line, i) => i > open && line.trim() === '```');
  if (close < 0) throw new ExportRecordError('unclosed', `the ${RECORD_FENCE_INFO} block is not closed; the file may be cut off`);
  return parseRecordJson(lines.slice(open + 1, close).join('\n'), `the ${RECORD_FENCE_INFO} block`);
}

/** The record from its JSON text, wherever the file kept it; `where` names that place in the error. */
export function parseRecordJson(text: string, where: string): ExportRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ExportRecordError('notJson', `${where} is not valid JSON (${errorDetail(error)})`);
  }
  const parsed = ExportRecordSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const head = json as { format?: unknown; version?: unknown } | null;
  if (head?.format === RECORD_FORMAT && !READABLE_VERSIONS.includes(head.version as number))
    throw new ExportRecordError('unsupported', `record version ${String(head.version)} is not one this verifier reads (${READABLE_VERSIONS.join(', ')}); it may be from a newer Stroomkring`);
  const issue = parsed.error.issues[0];
  throw new ExportRecordError('invalid', `the record does not match the format: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown problem'}`);
}

export type ExportStanceProblem = StanceProblem | 'otherGoal';

export interface ExportStanceCheck {
  readonly label: StanceLabel;
  /** Set when the stance verifies. */
  readonly record?: StanceRecord;
  readonly problem?: ExportStanceProblem;
  /** Given on the exported goal text (same hash); false for a stance on an earlier version. */
  readonly onExportedText: boolean;
}

export interface ExportMandateCheck {
  readonly mandate: ExportMandate;
  /** Its grant (and confirmation) verify, name this holder and are signed by whom the record says. */
  readonly valid: boolean;
}

export interface ExportVerification {
  /** The goal text in the record hashes to the goal's textHash. */
  readonly goalTextMatches: boolean;
  readonly stances: readonly ExportStanceCheck[];
  /** Every stance verifies and is for this goal. */
  readonly allStancesValid: boolean;
  /** Version 2: each mandate holder's signed grant and confirmation; empty for version 1. */
  readonly mandates: readonly ExportMandateCheck[];
}

/** A mandate's records hold up: signatures, holder, organisation, and signers as named (an unconfirmed old entry has none to check). */
async function checkExportMandate(mandate: ExportMandate): Promise<boolean> {
  if (mandate.standing === 'notConfirmed') return mandate.records.length === 0;
  const [grantText, confirmationText] = mandate.records;
  const grant = await verifyMandateRecord(grantText).catch(() => undefined);
  if (grant?.kind !== 'granted' || grant.subject !== mandate.publicKey || grant.organisationId !== mandate.organisationId || memberIdOfKey(grant.signer) !== mandate.grantedBy) return false;
  if (memberIdOfKey(mandate.publicKey) !== mandate.memberId) return false;
  if (mandate.standing === 'administrator') return confirmationText === undefined && mandate.confirmedBy === undefined;
  const confirmation = await verifyMandateRecord(confirmationText).catch(() => undefined);
  return confirmation?.kind === 'confirmed' && confirmation.grant === grant.id && confirmation.signer !== grant.signer && memberIdOfKey(confirmation.signer) === mandate.confirmedBy;
}

export async function verifyExport(record: ExportRecord): Promise<ExportVerification> {
  const goalTextMatches = (await sha256Hex(record.goal.canonicalText)) === record.goal.textHash;
  const stances = await Promise.all(
    record.stances.map(async (candidate): Promise<ExportStanceCheck> => {
      const verification = await verifyStance(candidate);
      if (!verification.valid) return { label: stanceLabel(candidate), problem: verification.problem, onExportedText: false };
      const stance = verification.record;
      const onExportedText = stance.textHash === record.goal.textHash;
      if (stance.goalId !== record.goal.id) return { label: stance, record: stance, problem: 'otherGoal', onExportedText };
      return { label: stance, record: stance, onExportedText };
    }),
  );
  const mandates = await Promise.all((record.mandates ?? []).map(async (mandate) => ({ mandate, valid: await checkExportMandate(mandate) })));
  return { goalTextMatches, stances, allStancesValid: stances.every((check) => check.problem === undefined), mandates };
}
