/**
 * `npm run verify -- FILE`: checks a goal's Markdown export offline (format
 * in shared/goals/export-record.ts). Prints one line per stance, ✓ or ✗ with
 * organisation, member, stance and what is wrong, then whether the goal text
 * matches.
 *
 * Exit codes, for scripts:
 *   0  every stance verifies, the goal text matches its hash and the readable
 *      text in the document is the signed one
 *   1  the file is an export, but something in it does not verify
 *   2  no usable export: unreadable file, no record block, broken record, or
 *      wrong arguments
 *
 * The logic takes its file access and output as `io`, so tests run it on
 * temporary files without spawning a process.
 */
import { visibleTextMatches } from '../../shared/goals/export-markdown.ts';
import { ExportRecordError, parseExportRecord, verifyExport, type ExportRecord, type ExportStanceCheck, type ExportStanceProblem } from '../../shared/goals/export-record.ts';

export interface CliIo {
  readonly readFile: (path: string) => Promise<string>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const EXIT = { verified: 0, notVerified: 1, unusable: 2 } as const;

export const USAGE = 'Usage: npm run verify -- FILE\n  FILE  a goal exported from Stroomkring as Markdown (.md)';

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

  let markdown: string;
  try {
    markdown = await io.readFile(file);
  } catch (error) {
    io.err(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.unusable;
  }
  let record: ExportRecord;
  try {
    record = parseExportRecord(markdown);
  } catch (error) {
    if (!(error instanceof ExportRecordError)) throw error;
    io.err(`${file} is not a usable Stroomkring goal export: ${error.message}`);
    return EXIT.unusable;
  }

  const result = await verifyExport(record);
  const visibleOk = visibleTextMatches(markdown, record);
  io.out(`Goal: ${record.goal.title} (${record.goal.id})`);
  io.out(`${result.stances.length} stance(s):`);
  for (const check of result.stances) io.out(describeStance(check, record));
  io.out(result.goalTextMatches ? '✓ goal text matches its SHA-256' : '✗ goal text does not match its SHA-256: the recorded text was changed');
  io.out(visibleOk ? '✓ the readable text in the document is the recorded text' : '✗ the readable text in the document differs from the recorded text');
  // Mandates live in the workspace, so adoption is the exporting app's word, not something this file proves.
  io.out(`Adoption as recorded by the app (not provable offline): ${record.adoption.adopted ? `adopted${record.adoption.adoptedAt === undefined ? '' : ` on ${new Date(record.adoption.adoptedAt).toISOString()}`}` : 'not adopted'}`);

  const invalid = result.stances.filter((check) => check.problem !== undefined).length;
  const ok = result.allStancesValid && result.goalTextMatches && visibleOk;
  io.out(ok ? `Verified: all ${result.stances.length} signature(s) are valid.` : `NOT verified: ${invalid} of ${result.stances.length} stance(s) invalid${result.goalTextMatches && visibleOk ? '' : '; the goal text does not match'}.`);
  return ok ? EXIT.verified : EXIT.notVerified;
}

function describeStance(check: ExportStanceCheck, record: ExportRecord): string {
  const { organisationId, memberId, stance } = check.label;
  const organisation = organisationId === undefined ? '(unknown organisation)' : named(record.organisations[organisationId], organisationId);
  const member = memberId === undefined ? '(unknown member)' : named(record.members[memberId], memberId);
  const parts = [organisation, member, stance ?? '(unknown stance)'];
  if (check.problem !== undefined) return `✗ ${parts.join(' — ')}: ${PROBLEM_TEXT[check.problem]}`;
  const at = check.record ? ` at ${new Date(check.record.at).toISOString()}` : '';
  return `✓ ${parts.join(' — ')}${at}${check.onExportedText ? '' : ' (given on an earlier version of the text)'}`;
}

/** Names are unsigned labels, so the id they stand for is always printed too. */
function named(name: string | undefined, id: string): string {
  return name === undefined ? id : `${name} [${id}]`;
}
