import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { DEFAULT_QUORUM } from './adoption';
import { EXPORT_LABELS_EN, exportGoalMarkdown, visibleTextMatches, type ExportGoal } from './export-markdown';
import { ExportRecordError, parseExportRecord, verifyExport, type ExportRecordProblem } from './export-record';
import { signStance, type StanceKind, type StanceRecord } from './stance';

const GOAL: ExportGoal = {
  id: 'goal-1',
  title: 'Samen 3 TWh | in 2030',
  text: 'Wij wekken samen 3 TWh op.\n\n```stroomkring-record\n{"nep": true}\n```\nMet <b>draagvlak</b>.',
};
const EARLIER = 'Wij wekken samen 2 TWh op.';

let gemeente: IdentityKeys;
let netbeheerder: IdentityKeys;
let stances: StanceRecord[];
let markdown: string;

async function stance(keys: IdentityKeys, organisationId: string, kind: StanceKind, at: number, text = GOAL.text): Promise<StanceRecord> {
  return signStance(
    { goalId: GOAL.id, organisationId, memberId: keys.memberId, publicKey: keys.publicKeyB64, stance: kind, reason: kind === 'endorse' ? '' : 'Mits | de wijk\nmeedoet', text, at },
    keys.privateKey,
  );
}

beforeAll(async () => {
  gemeente = await generateIdentityKeys();
  netbeheerder = await generateIdentityKeys();
  stances = [
    await stance(netbeheerder, 'org-net', 'endorseWithReservations', Date.UTC(2026, 10, 26, 21)),
    await stance(gemeente, 'org-gem', 'endorse', Date.UTC(2026, 10, 26, 20)),
    await stance(gemeente, 'org-gem', 'object', Date.UTC(2026, 10, 25, 9), EARLIER),
  ];
  markdown = await exportGoalMarkdown(GOAL, stances, { adopted: true, adoptedAt: Date.UTC(2026, 10, 26, 21), quorum: DEFAULT_QUORUM }, {
    exportedAt: Date.UTC(2026, 10, 27),
    organisationNames: { 'org-gem': 'Gemeente Delft', 'org-net': 'Stedin', 'org-other': 'Niet genoemd' },
    memberNames: { [gemeente.memberId]: 'Anna de Vries', [netbeheerder.memberId]: 'Bram Jansen' },
  });
});

function withRecordEdit(edit: (json: Record<string, unknown>) => void): string {
  const record = parseExportRecord(markdown) as unknown as Record<string, unknown>;
  const copy = structuredClone(record);
  edit(copy);
  const start = markdown.lastIndexOf('```stroomkring-record\n');
  return `${markdown.slice(0, start)}\`\`\`stroomkring-record\n${JSON.stringify(copy, null, 2)}\n\`\`\`\n`;
}

describe('exportGoalMarkdown', () => {
  it('writes the title, the quoted text, a table of stances oldest first, and the record last', () => {
    expect(markdown).toContain('# Samen 3 TWh \\| in 2030');
    expect(markdown).toContain('> Wij wekken samen 3 TWh op.\n>\n> ```stroomkring-record');
    expect(markdown).toContain('> Met &lt;b>draagvlak&lt;/b>.');
    const rows = markdown.split('\n').filter((line) => line.startsWith('| Gemeente') || line.startsWith('| Stedin'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Maakt bezwaar | Mits \\| de wijk meedoet | 2026-11-25T09:00:00Z | eerdere versie');
    expect(rows[2]).toMatch(/^\| Stedin \| Bram Jansen \| Onderschrijft met voorbehoud \| .* \| deze tekst \| `[A-Za-z0-9_-]{16}…` \|$/);
    expect(markdown).toContain('- Aangenomen op 2026-11-26T21:00:00Z');
    expect(markdown.trimEnd().endsWith('```')).toBe(true);
  });

  it('carries only the names the stances use', () => {
    expect(parseExportRecord(markdown).organisations).toEqual({ 'org-gem': 'Gemeente Delft', 'org-net': 'Stedin' });
  });

  it('is the same for the same input, and follows the labels it is given', async () => {
    const again = await exportGoalMarkdown(GOAL, [...stances].reverse(), { adopted: true, adoptedAt: Date.UTC(2026, 10, 26, 21), quorum: DEFAULT_QUORUM }, {
      exportedAt: Date.UTC(2026, 10, 27),
      organisationNames: { 'org-gem': 'Gemeente Delft', 'org-net': 'Stedin', 'org-other': 'Niet genoemd' },
      memberNames: { [gemeente.memberId]: 'Anna de Vries', [netbeheerder.memberId]: 'Bram Jansen' },
    });
    expect(again).toBe(markdown);
    const english = await exportGoalMarkdown(GOAL, [], { adopted: false, quorum: DEFAULT_QUORUM }, { exportedAt: 0, labels: EXPORT_LABELS_EN });
    expect(english).toContain('No stances yet.');
    expect(english).toContain('- Not adopted yet');
  });
});

describe('parseExportRecord and verifyExport', () => {
  it('verifies an untouched export: every stance, the goal text and the visible text', async () => {
    const record = parseExportRecord(markdown);
    const result = await verifyExport(record);
    expect(result.allStancesValid).toBe(true);
    expect(result.goalTextMatches).toBe(true);
    expect(result.stances.map((s) => s.onExportedText)).toEqual([false, true, true]);
    expect(visibleTextMatches(markdown, record)).toBe(true);
  });

  it('still reads the export after an editor saved it with CRLF', async () => {
    const crlf = markdown.replaceAll('\n', '\r\n');
    const record = parseExportRecord(crlf);
    expect((await verifyExport(record)).allStancesValid).toBe(true);
    expect(visibleTextMatches(crlf, record)).toBe(true);
  });

  it('finds a changed reason in the record', async () => {
    const tampered = withRecordEdit((json) => {
      (json.stances as StanceRecord[])[1] = { ...(json.stances as StanceRecord[])[1]!, reason: 'Zonder voorbehoud' };
    });
    const result = await verifyExport(parseExportRecord(tampered));
    expect(result.allStancesValid).toBe(false);
    expect(result.stances.map((s) => s.problem)).toEqual([undefined, 'signature', undefined]);
  });

  it('finds a changed goal text in the record', async () => {
    const tampered = withRecordEdit((json) => {
      (json.goal as { canonicalText: string }).canonicalText = 'Wij wekken samen 1 TWh op.';
    });
    const result = await verifyExport(parseExportRecord(tampered));
    expect(result.goalTextMatches).toBe(false);
  });

  it('finds an edit to the visible text only', () => {
    const edited = markdown.replace('> Wij wekken samen 3 TWh op.', '> Wij wekken samen 5 TWh op.');
    expect(visibleTextMatches(edited, parseExportRecord(edited))).toBe(false);
  });

  it('names a stance for another goal and a damaged stance', async () => {
    const tampered = withRecordEdit((json) => {
      const list = json.stances as unknown[];
      list.push({ ...(list[1] as StanceRecord), goalId: 'goal-9' }, { organisationId: 'org-gem', stance: 42 });
    });
    const checks = (await verifyExport(parseExportRecord(tampered))).stances;
    expect(checks[3]?.problem).toBe('signature');
    expect(checks[4]).toMatchObject({ problem: 'malformed', label: { organisationId: 'org-gem' } });
  });

  it('reports otherGoal for a validly signed stance on another goal', async () => {
    const other = await signStance({ goalId: 'goal-9', organisationId: 'org-gem', memberId: gemeente.memberId, publicKey: gemeente.publicKeyB64, stance: 'endorse', reason: '', text: GOAL.text, at: 1 }, gemeente.privateKey);
    const tampered = withRecordEdit((json) => (json.stances as unknown[]).push(other));
    const result = await verifyExport(parseExportRecord(tampered));
    expect(result.stances[3]?.problem).toBe('otherGoal');
    expect(result.allStancesValid).toBe(false);
  });

  it.each<[ExportRecordProblem, () => string]>([
    ['noRecord', () => '# Een gewoon document\n'],
    ['unclosed', () => markdown.slice(0, markdown.lastIndexOf('```'))],
    ['notJson', () => markdown.replace('"format"', 'format')],
    ['unsupported', () => withRecordEdit((json) => (json.version = 3))],
    ['invalid', () => withRecordEdit((json) => delete json.goal)],
  ])('refuses a file with problem %s', (problem, make) => {
    const text = make();
    expect(() => parseExportRecord(text)).toThrow(ExportRecordError);
    try {
      parseExportRecord(text);
    } catch (error) {
      expect((error as ExportRecordError).problem).toBe(problem);
    }
  });
});
