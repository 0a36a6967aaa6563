/**
 * A goal as a Markdown document people can read, file and mail: the text,
 * a table of stances, and at the end the record (export-record.ts) from
 * which `npm run verify -- FILE` checks every signature offline.
 *
 * Deterministic for the same input (times in UTC ISO 8601, no locale), so an
 * export can be diffed and tested. Wording comes in as labels: the app passes
 * its translations; Dutch and English sets are here for the CLI and tests.
 */
import type { Quorum } from './adoption';
import { canonicaliseGoalText } from './canonical-text';
import { normaliseMarkdown, RECORD_FENCE_INFO, RECORD_FORMAT, RECORD_VERSION, type ExportMandate, type ExportRecord } from './export-record';
import type { StanceKind, StanceRecord } from './stance';

export interface ExportLabels {
  readonly goalId: string;
  readonly textHash: string;
  readonly adoptedOn: string;
  readonly notAdopted: string;
  readonly exportedOn: string;
  readonly text: string;
  readonly stances: string;
  readonly noStances: string;
  readonly columns: readonly [organisation: string, member: string, stance: string, reason: string, time: string, version: string, signature: string];
  readonly currentVersion: string;
  readonly earlierVersion: string;
  readonly stanceKinds: Readonly<Record<StanceKind, string>>;
  readonly verification: string;
  readonly verificationHint: string;
  readonly mandates: string;
  readonly noMandates: string;
  /** `{holder}`, `{organisation}`, `{grantor}` and `{confirmer}` are filled in. */
  readonly mandateLines: Readonly<Record<ExportMandate['standing'], string>>;
}

export const EXPORT_LABELS_NL: ExportLabels = {
  goalId: 'Doel-id',
  textHash: 'SHA-256 van de tekst',
  adoptedOn: 'Aangenomen op',
  notAdopted: 'Nog niet aangenomen',
  exportedOn: 'Geëxporteerd op',
  text: 'Tekst',
  stances: 'Standpunten',
  noStances: 'Nog geen standpunten.',
  columns: ['Organisatie', 'Lid', 'Standpunt', 'Reden', 'Tijd (UTC)', 'Tekstversie', 'Handtekening'],
  currentVersion: 'deze tekst',
  earlierVersion: 'eerdere versie',
  stanceKinds: { endorse: 'Onderschrijft', endorseWithReservations: 'Onderschrijft met voorbehoud', standAside: 'Staat opzij', object: 'Maakt bezwaar', stepOut: 'Stapt uit' },
  verification: 'Verificatie',
  verificationHint: 'Het blok hieronder bevat de ondertekende standpunten. Controleer ze zonder de app met `npm run verify -- BESTAND`.',
  mandates: 'Mandaten',
  noMandates: 'Geen mandaten bij deze standpunten.',
  mandateLines: {
    administrator: '{holder} ({organisation}): verleend door {grantor}, beheerder van de organisatie',
    confirmed: '{holder} ({organisation}): verleend door {grantor}, bevestigd door {confirmer}',
    notConfirmed: '{holder} ({organisation}): verleend door {grantor}, niet bevestigd',
  },
};

export const EXPORT_LABELS_EN: ExportLabels = {
  goalId: 'Goal id',
  textHash: 'SHA-256 of the text',
  adoptedOn: 'Adopted on',
  notAdopted: 'Not adopted yet',
  exportedOn: 'Exported on',
  text: 'Text',
  stances: 'Stances',
  noStances: 'No stances yet.',
  columns: ['Organisation', 'Member', 'Stance', 'Reason', 'Time (UTC)', 'Text version', 'Signature'],
  currentVersion: 'this text',
  earlierVersion: 'earlier version',
  stanceKinds: { endorse: 'Endorses', endorseWithReservations: 'Endorses with reservations', standAside: 'Stands aside', object: 'Objects', stepOut: 'Steps out' },
  verification: 'Verification',
  verificationHint: 'The block below holds the signed stances. Check them without the app with `npm run verify -- FILE`.',
  mandates: 'Mandates',
  noMandates: 'No mandates with these stances.',
  mandateLines: {
    administrator: "{holder} ({organisation}): granted by {grantor}, the organisation's administrator",
    confirmed: '{holder} ({organisation}): granted by {grantor}, confirmed by {confirmer}',
    notConfirmed: '{holder} ({organisation}): granted by {grantor}, not confirmed',
  },
};

/** Characters of a signature shown in the table: enough to compare by eye, the full one is in the record. */
const SHORT_SIGNATURE = 16;

export interface ExportGoal {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}
export interface ExportAdoption {
  readonly adopted: boolean;
  readonly adoptedAt?: number;
  readonly quorum: Quorum;
}
export interface ExportOptions {
  readonly exportedAt: number;
  readonly organisationNames?: Readonly<Record<string, string>>;
  readonly memberNames?: Readonly<Record<string, string>>;
  /** Who granted and confirmed the mandates of the members who signed; only those of the stances' signers go in. */
  readonly mandates?: readonly ExportMandate[];
  readonly labels?: ExportLabels;
}

const utc = (at: number) => new Date(at).toISOString().replace('.000Z', 'Z');

/** One line of inline Markdown: no line breaks, no table pipes, no HTML. */
function inline(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('<', '&lt;');
}

/** The goal text as a block quote: a stray fence or heading in the text stays inside the quote. */
export function quoteText(canonicalText: string): string {
  return canonicalText
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line.replaceAll('<', '&lt;')}`))
    .join('\n');
}

/** Whether the readable text in the export is still the recorded one (someone may edit only the visible part). */
export function visibleTextMatches(markdown: string, record: ExportRecord): boolean {
  return normaliseMarkdown(markdown).includes(`\n${quoteText(record.goal.canonicalText)}\n`);
}

/** Stances in export order: oldest first, ties by signature, so every export of the same stances reads alike. */
export function orderStances(stances: readonly StanceRecord[]): StanceRecord[] {
  return [...stances].sort((a, b) => a.at - b.at || a.signature.localeCompare(b.signature));
}

/** The record every export format carries (Markdown in a fenced block, PDF as an attachment). */
export async function buildExportRecord(goal: ExportGoal, stances: readonly StanceRecord[], adoption: ExportAdoption, options: ExportOptions): Promise<ExportRecord> {
  const { canonicalText, textHash } = await canonicaliseGoalText(goal.text);
  const ordered = orderStances(stances);
  const mandates = exportMandates(ordered, options.mandates ?? []);
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    exportedAt: options.exportedAt,
    goal: { id: goal.id, title: goal.title, canonicalText, textHash },
    // Only the names this export mentions: the record should not carry the whole workspace directory.
    organisations: pick(options.organisationNames ?? {}, ordered.map((s) => s.organisationId)),
    members: pick(options.memberNames ?? {}, [...ordered.map((s) => s.memberId), ...mandates.flatMap((m) => [m.grantedBy, ...(m.confirmedBy === undefined ? [] : [m.confirmedBy])])]),
    adoption: { adopted: adoption.adopted, ...(adoption.adoptedAt === undefined ? {} : { adoptedAt: adoption.adoptedAt }), quorum: adoption.quorum },
    stances: ordered,
    mandates,
  };
}

/** The mandates of the stances' signers (same organisation, member and key), in a fixed order so every export of the same data reads alike. */
function exportMandates(stances: readonly StanceRecord[], mandates: readonly ExportMandate[]): ExportMandate[] {
  const signed = new Set(stances.map((s) => JSON.stringify([s.organisationId, s.memberId, s.publicKey])));
  return mandates
    .filter((m) => signed.has(JSON.stringify([m.organisationId, m.memberId, m.publicKey])))
    .sort((a, b) => a.organisationId.localeCompare(b.organisationId) || a.memberId.localeCompare(b.memberId));
}

const fillLine = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/** "Daan (Gemeente Leiden): verleend door Daan, bevestigd door Anne": one line per mandate, names as the record labels them. */
export function mandateLine(mandate: ExportMandate, record: Pick<ExportRecord, 'organisations' | 'members'>, labels: ExportLabels): string {
  const name = (id: string) => record.members[id] ?? id;
  return fillLine(labels.mandateLines[mandate.standing], {
    holder: name(mandate.memberId),
    organisation: record.organisations[mandate.organisationId] ?? mandate.organisationId,
    grantor: name(mandate.grantedBy),
    confirmer: mandate.confirmedBy === undefined ? '' : name(mandate.confirmedBy),
  });
}

export async function exportGoalMarkdown(goal: ExportGoal, stances: readonly StanceRecord[], adoption: ExportAdoption, options: ExportOptions): Promise<string> {
  const labels = options.labels ?? EXPORT_LABELS_NL;
  const record = await buildExportRecord(goal, stances, adoption, options);
  const { canonicalText, textHash } = record.goal;
  const organisationNames = options.organisationNames ?? {};
  const memberNames = options.memberNames ?? {};
  const ordered = orderStances(stances);

  const rows = ordered.map((s) =>
    [
      inline(organisationNames[s.organisationId] ?? s.organisationId),
      inline(memberNames[s.memberId] ?? s.memberId),
      labels.stanceKinds[s.stance],
      s.reason === '' ? '—' : inline(s.reason),
      utc(s.at),
      s.textHash === textHash ? labels.currentVersion : labels.earlierVersion,
      `\`${s.signature.slice(0, SHORT_SIGNATURE)}…\``,
    ].join(' | '),
  );
  const table = rows.length === 0 ? [labels.noStances] : [`| ${labels.columns.join(' | ')} |`, `|${labels.columns.map(() => ' --- |').join('')}`, ...rows.map((row) => `| ${row} |`)];

  return [
    `# ${inline(goal.title)}`,
    '',
    `- ${labels.goalId}: \`${goal.id}\``,
    `- ${labels.textHash}: \`${textHash}\``,
    `- ${adoption.adopted && adoption.adoptedAt !== undefined ? `${labels.adoptedOn} ${utc(adoption.adoptedAt)}` : labels.notAdopted}`,
    `- ${labels.exportedOn} ${utc(options.exportedAt)}`,
    '',
    `## ${labels.text}`,
    '',
    quoteText(canonicalText),
    '',
    `## ${labels.stances}`,
    '',
    ...table,
    '',
    `## ${labels.mandates}`,
    '',
    ...((record.mandates ?? []).length === 0 ? [labels.noMandates] : (record.mandates ?? []).map((m) => `- ${inline(mandateLine(m, record, labels))}`)),
    '',
    `## ${labels.verification}`,
    '',
    labels.verificationHint,
    '',
    `\`\`\`${RECORD_FENCE_INFO}`,
    JSON.stringify(record, null, 2),
    '```',
    '',
  ].join('\n');
}

function pick(names: Readonly<Record<string, string>>, ids: readonly string[]): Record<string, string> {
  return Object.fromEntries(ids.filter((id) => Object.hasOwn(names, id)).map((id) => [id, names[id] as string]));
}
