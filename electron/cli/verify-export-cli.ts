/**
 * `npm run verify -- FILE`: checks a goal's Markdown or PDF export offline
 * (formats in shared/goals/export-record.ts and export-pdf.ts; the format is
 * told by the content, shared/goals/read-export-file.ts). Prints one line per
 * stance, ✓ OK or ✗ INVALID with organisation, member, stance and what is
 * wrong, then (record version 2) one line per mandate holder with who
 * granted and confirmed it and whether those signed records verify, then
 * whether the goal text matches, then the verdict.
 *
 * Exit codes, for scripts:
 *   0  every stance verifies, the goal text matches its hash and the readable
 *      text in a Markdown document is the signed one (a PDF's pages are
 *      not compared: the attached record is what is signed)
 *   1  the file is an export, but something in it does not verify
 *   2  no usable export: unreadable file, no record block, broken record, or
 *      wrong arguments
 *
 * The logic takes its file access and output as `io`, so tests run it on
 * temporary files without spawning a process.
 */
import { ExportRecordError, type ExportMandateCheck, type ExportRecord, type ExportStanceCheck, type ExportStanceProblem } from '../../shared/goals/export-record.ts';
import { RECORD_ATTACHMENT_NAME } from '../../shared/goals/export-pdf.ts';
import { checkExportFile, type ExportFileCheck } from '../../shared/goals/read-export-file.ts';
import { errorDetail } from '../../shared/errors/stroomkring-error.ts';

export interface CliIo {
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const EXIT = { verified: 0, notVerified: 1, unusable: 2 } as const;

export const USAGE = 'Usage: npm run verify -- FILE\n  FILE  a goal exported from Stroomkring as Markdown (.md) or PDF (.pdf)';

const PROBLEM_TEXT: Record<ExportStanceProblem, string> = {
  malformed: 'not a readable stance record',
  textHash: 'the text it carries does not match its hash',
  signer: 'the member id does not belong to the public key',
  signature: 'the signature does not match (the stance was changed after signing)',
  otherGoal: 'signed for another goal',
};

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return EXIT.verified;
  }
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0) {
    io.err(file === undefined ? 'No file given.' : 'Give exactly one file.');
    io.err(USAGE);
    return EXIT.unusable;
  }

  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    io.err(`Cannot read ${file}: ${errorDetail(error)}`);
    return EXIT.unusable;
  }
  let result: ExportFileCheck;
  try {
    result = await checkExportFile(bytes);
  } catch (error) {
    if (!(error instanceof ExportRecordError)) throw error;
    io.err(`${file} is not a usable Stroomkring goal export: ${error.message}`);
    return EXIT.unusable;
  }

  const { record } = result;
  io.out(`Goal: ${record.goal.title} (${record.goal.id})`);
  io.out(result.kind === 'pdf' ? `Format: PDF, record read from the attached ${RECORD_ATTACHMENT_NAME}` : 'Format: Markdown, record read from the stroomkring-record block');
  io.out(`${result.stances.length} stance(s):`);
  for (const check of result.stances) io.out(describeStance(check, record));
  if (result.mandates.length > 0) io.out(`${result.mandates.length} mandate(s):`);
  for (const check of result.mandates) io.out(describeMandate(check, record));
  io.out(result.goalTextMatches ? '✓ goal text matches its SHA-256' : '✗ goal text does not match its SHA-256: the recorded text was changed');
  if (result.visibleText === 'notChecked') io.out("– the PDF's pages are not compared with the record; the attached record is what the signatures cover");
  else io.out(result.visibleText === 'matches' ? '✓ the readable text in the document is the recorded text' : '✗ the readable text in the document differs from the recorded text');
  // Whether the grantor was allowed to grant needs the workspace's member list, so adoption is the exporting app's word.
  io.out(`Adoption as recorded by the app (not provable offline): ${record.adoption.adopted ? `adopted${record.adoption.adoptedAt === undefined ? '' : ` on ${new Date(record.adoption.adoptedAt).toISOString()}`}` : 'not adopted'}`);

  const invalid = result.stances.filter((check) => check.problem !== undefined).length;
  const invalidMandates = result.mandates.filter((check) => !check.valid).length;
  const textOk = result.goalTextMatches && result.visibleText !== 'differs';
  io.out(
    result.verified
      ? `Verified: all ${result.stances.length} signature(s) are valid.`
      : `NOT verified: ${invalid} of ${result.stances.length} stance(s) invalid${invalidMandates > 0 ? `; ${invalidMandates} mandate record(s) invalid` : ''}${textOk ? '' : '; the goal text does not match'}.`,
  );
  return result.verified ? EXIT.verified : EXIT.notVerified;
}

function describeStance(check: ExportStanceCheck, record: ExportRecord): string {
  const { organisationId, memberId, stance } = check.label;
  const organisation = organisationId === undefined ? '(unknown organisation)' : named(record.organisations[organisationId], organisationId);
  const member = memberId === undefined ? '(unknown member)' : named(record.members[memberId], memberId);
  const parts = [organisation, member, stance ?? '(unknown stance)'];
  if (check.problem !== undefined) return `✗ INVALID ${parts.join(' — ')}: ${PROBLEM_TEXT[check.problem]}`;
  const at = check.record ? ` at ${new Date(check.record.at).toISOString()}` : '';
  return `✓ OK ${parts.join(' — ')}${at}${check.onExportedText ? '' : ' (given on an earlier version of the text)'}`;
}

function describeMandate(check: ExportMandateCheck, record: ExportRecord): string {
  const { mandate } = check;
  const how =
    mandate.standing === 'administrator'
      ? `granted by ${named(record.members[mandate.grantedBy], mandate.grantedBy)}, the organisation's administrator`
      : mandate.standing === 'confirmed'
        ? `granted by ${named(record.members[mandate.grantedBy], mandate.grantedBy)}, confirmed by ${named(record.members[mandate.confirmedBy ?? ''], mandate.confirmedBy ?? '?')}`
        : `granted by ${named(record.members[mandate.grantedBy], mandate.grantedBy)}, not confirmed (from before signed mandates)`;
  const parts = `${named(record.organisations[mandate.organisationId], mandate.organisationId)} — ${named(record.members[mandate.memberId], mandate.memberId)}: ${how}`;
  return check.valid ? `✓ OK mandate ${parts}` : `✗ INVALID mandate ${parts}: its signed records do not match`;
}

/** Names are unsigned labels, so the id they stand for is always printed too. */
function named(name: string | undefined, id: string): string {
  return name === undefined ? id : `${name} [${id}]`;
}
