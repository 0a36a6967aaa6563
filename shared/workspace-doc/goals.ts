/**
 * Shared goals in the workspace Y.Doc.
 *
 *   goals: Y.Map<goalId, Y.Map>
 *     title, createdBy, createdAt
 *     statement:     Y.XmlFragment   the text TipTap edits (goal-statement.ts)
 *     organisations: Y.Map<orgId, { addedBy, at }>  the invited organisations; a map so
 *                    two partners adding one at once both keep theirs. Who takes
 *                    part in the end also follows the organisations' own signed
 *                    stances (joining, stepping out: shared/goals/adoption.ts)
 *     versions:      Y.Array<{ at, by, canonicalText, textHash }>  saved versions, appended only
 *     stances:       Y.Array<StanceRecord>  signed stances, appended only: a new
 *                    stance supersedes an earlier one by its signed time, it never overwrites
 *   workspaceSettings.quorum: Quorum
 *
 * The nested maps and arrays are made when the goal is made, so no two peers
 * ever create the same one concurrently (which would lose one side's entries).
 * Mandates are in mandates.ts; which count depends on the member list (`authority`).
 */
import { z } from 'zod';
import * as Y from 'yjs';
import { DEFAULT_QUORUM, QuorumSchema, type AdoptionInput, type AdoptionResult, type MandateHolder, type Quorum } from '../goals/adoption';
import { canonicaliseGoalText, type CanonicalGoalText } from '../goals/canonical-text';
import { goalStanding, type GoalStanding, type VersionInForce } from '../goals/goal-standing';
import { checkStances, StanceRecordSchema, STANCE_LIMITS, type StanceRecord } from '../goals/stance';
import type { GoalSummary } from '../dashboard/input';
import { replaceStatement, statementPlainText } from './goal-statement';
import { countedHolders, type MandateAuthority, type MandateState } from '../mandates/mandate-state';
import { readWorkspaceMandates } from './mandates';
import { readOrganisations } from './organisations';
import { readWith, type ReadResult } from './read-result';
import { goalsMap, ROOT, workspaceSettingsMap } from './schema';
import { defineCollection } from './collection';
import { StroomkringError } from '../errors/stroomkring-error';

export const GOAL_LIMITS = { title: 200, versions: 500, stances: 5000, organisations: 1000 } as const;

const idSchema = z.string().min(1).max(STANCE_LIMITS.id);

export const GoalVersionSchema = z.object({
  at: z.number().int().nonnegative(),
  by: idSchema,
  canonicalText: z.string().max(STANCE_LIMITS.goalText),
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Saved when someone confirmed changing the adopted text: it stays in force beside the proposal (goal-standing.ts). */
  inForce: z.object({ organisationIds: z.array(idSchema).max(GOAL_LIMITS.organisations) }).optional(),
});
export type GoalVersion = z.infer<typeof GoalVersionSchema>;

const GoalCoreSchema = z.object({
  id: idSchema,
  title: z.string().min(1).max(GOAL_LIMITS.title),
  createdBy: idSchema,
  createdAt: z.number().int().nonnegative(),
});

export type Goal = z.infer<typeof GoalCoreSchema> & {
  /** Plain text of the statement as it is now (not canonicalised). */
  readonly statementText: string;
  /** Participating organisations, sorted by id so every peer lists them alike. */
  readonly organisationIds: readonly string[];
  readonly versions: readonly GoalVersion[];
  /** Saved versions a peer wrote in a shape this version cannot read; left out. */
  readonly damagedVersions: number;
};

export const GoalInputSchema = z.object({ title: z.string().trim().min(1).max(GOAL_LIMITS.title), text: z.string().max(STANCE_LIMITS.goalText) });
export type GoalInput = z.input<typeof GoalInputSchema>;

export class UnknownGoalError extends StroomkringError {
  override readonly name = 'UnknownGoalError';
  constructor(readonly goalId: string) {
    super(`No readable goal with id ${goalId} in this workspace`);
  }
}

export class StanceNotForGoalError extends StroomkringError {
  override readonly name = 'StanceNotForGoalError';
  constructor(readonly goalId: string) {
    super(`This stance is not a valid stance for goal ${goalId}`);
  }
}

interface GoalParts {
  readonly entry: Y.Map<unknown>;
  readonly statement: Y.XmlFragment;
  readonly organisations: Y.Map<unknown>;
  readonly versions: Y.Array<unknown>;
  readonly stances: Y.Array<unknown>;
}

function partsOf(entry: unknown): GoalParts | string {
  if (!(entry instanceof Y.Map)) return 'entry is not a map';
  const statement = entry.get('statement');
  const organisations = entry.get('organisations');
  const versions = entry.get('versions');
  const stances = entry.get('stances');
  if (!(statement instanceof Y.XmlFragment)) return 'statement is not a rich text';
  if (!(organisations instanceof Y.Map)) return 'organisations is not a map';
  if (!(versions instanceof Y.Array) || !(stances instanceof Y.Array)) return 'versions or stances is not a list';
  return { entry: entry as Y.Map<unknown>, statement, organisations: organisations as Y.Map<unknown>, versions: versions as Y.Array<unknown>, stances: stances as Y.Array<unknown> };
}

function existingParts(doc: Y.Doc, goalId: string): GoalParts {
  const parts = partsOf(goalsMap(doc).get(goalId));
  if (typeof parts === 'string') throw new UnknownGoalError(goalId);
  return parts;
}

function readEntry(id: string, entry: unknown): ReadResult<Goal> {
  const parts = partsOf(entry);
  if (typeof parts === 'string') return { ok: false, id, problem: parts };
  const core = readWith(GoalCoreSchema, id, { id, title: parts.entry.get('title'), createdBy: parts.entry.get('createdBy'), createdAt: parts.entry.get('createdAt') });
  if (!core.ok) return core;
  const versions: GoalVersion[] = [];
  let damagedVersions = 0;
  for (const raw of parts.versions.toJSON()) {
    const parsed = GoalVersionSchema.safeParse(raw);
    if (parsed.success) versions.push(parsed.data);
    else damagedVersions += 1;
  }
  const organisationIds = [...parts.organisations.keys()].filter((orgId) => idSchema.safeParse(orgId).success).sort();
  return { ok: true, id, value: { ...core.value, statementText: statementPlainText(parts.statement), organisationIds, versions, damagedVersions } };
}

/** Every goal, newest first; damaged entries are reported, never thrown. */
/** Newest first. */
export function byNewestGoal(a: ReadResult<Goal>, b: ReadResult<Goal>): number {
  return (b.ok ? b.value.createdAt : 0) - (a.ok ? a.value.createdAt : 0);
}

/**
 * Goals, newest first (a change to a goal's versions or stances re-reads that goal). A goal is
 * drafted together: any member edits it, but its signed stances and saved versions are only
 * ever appended to.
 */
export const goalRecords = defineCollection<Goal>({
  root: ROOT.goals,
  owner: { by: 'everyone', creatorField: 'createdBy', appendOnlyParts: ['stances', 'versions'] },
  read: readEntry,
  order: byNewestGoal,
});

export function readGoals(doc: Y.Doc): ReadResult<Goal>[] {
  return goalRecords.readAll(doc);
}

export function readGoal(doc: Y.Doc, goalId: string): ReadResult<Goal> | undefined {
  return goalRecords.readOne(doc, goalId);
}

/** The fragment TipTap's collaboration extension binds to; undefined when the goal is missing or damaged. */
export function goalStatementFragment(doc: Y.Doc, goalId: string): Y.XmlFragment | undefined {
  const parts = partsOf(goalsMap(doc).get(goalId));
  return typeof parts === 'string' ? undefined : parts.statement;
}

export function createGoal(doc: Y.Doc, input: GoalInput, by: { memberId: string; now: number; organisationIds?: readonly string[]; id?: string }): string {
  const { title, text } = GoalInputSchema.parse(input);
  const id = by.id ?? crypto.randomUUID();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    goalsMap(doc).set(id, entry);
    entry.set('title', title);
    entry.set('createdBy', by.memberId);
    entry.set('createdAt', by.now);
    const statement = new Y.XmlFragment();
    entry.set('statement', statement);
    replaceStatement(statement, text);
    const organisations = new Y.Map<unknown>();
    entry.set('organisations', organisations);
    for (const orgId of by.organisationIds ?? []) organisations.set(orgId, { addedBy: by.memberId, at: by.now });
    entry.set('versions', new Y.Array<unknown>());
    entry.set('stances', new Y.Array<unknown>());
  });
  return id;
}

export function renameGoal(doc: Y.Doc, goalId: string, title: string): void {
  existingParts(doc, goalId).entry.set('title', GoalInputSchema.shape.title.parse(title));
}

/** Sets the statement from plain text (the editor writes the fragment itself). */
export function setGoalText(doc: Y.Doc, goalId: string, text: string): void {
  replaceStatement(existingParts(doc, goalId).statement, GoalInputSchema.shape.text.parse(text));
}

export function addParticipant(doc: Y.Doc, goalId: string, organisationId: string, by: { memberId: string; now: number }): void {
  existingParts(doc, goalId).organisations.set(idSchema.parse(organisationId), { addedBy: by.memberId, at: by.now });
}

export function removeParticipant(doc: Y.Doc, goalId: string, organisationId: string): void {
  existingParts(doc, goalId).organisations.delete(organisationId);
}

/** The canonical text and hash of the statement as it is now: what a stance given now binds to. */
export async function currentGoalText(doc: Y.Doc, goalId: string): Promise<{ canonicalText: string; textHash: string }> {
  return canonicaliseGoalText(statementPlainText(existingParts(doc, goalId).statement));
}

/** Saves the current text as a version, unless it equals the last saved one. Returns the version now current. */
export async function saveGoalVersion(doc: Y.Doc, goalId: string, by: { memberId: string; now: number }): Promise<GoalVersion> {
  const current = await currentGoalText(doc, goalId);
  const parts = existingParts(doc, goalId);
  const last = parts.versions.length > 0 ? GoalVersionSchema.safeParse(parts.versions.get(parts.versions.length - 1)) : undefined;
  if (last?.success && last.data.textHash === current.textHash) return last.data;
  const version: GoalVersion = { at: by.now, by: by.memberId, ...current };
  parts.versions.push([version]);
  return version;
}

/**
 * Someone confirmed changing the adopted text: saves it as the version in
 * force, with the organisations that carry it, so it stays adopted beside
 * the proposal. Once per text: a second confirmation of the same text adds nothing.
 */
export async function proposeChange(doc: Y.Doc, goalId: string, by: { memberId: string; now: number; organisationIds: readonly string[] }): Promise<void> {
  const current = await currentGoalText(doc, goalId);
  const parts = existingParts(doc, goalId);
  const saved = parts.versions.toJSON().some((raw) => {
    const parsed = GoalVersionSchema.safeParse(raw);
    return parsed.success && parsed.data.inForce !== undefined && parsed.data.textHash === current.textHash;
  });
  if (saved) return;
  const version: GoalVersion = { at: by.now, by: by.memberId, ...current, inForce: { organisationIds: [...by.organisationIds] } };
  parts.versions.push([GoalVersionSchema.parse(version)]);
}

/** The saved versions marked in force, as goal-standing.ts takes them. */
export function versionsInForce(goal: Pick<Goal, 'versions'>): VersionInForce[] {
  return goal.versions.flatMap((version) => (version.inForce ? [{ textHash: version.textHash, canonicalText: version.canonicalText, organisationIds: version.inForce.organisationIds, at: version.at }] : []));
}

/** Appends a signed stance. Checks the shape only; signatures are verified by every reader. */
export function appendStance(doc: Y.Doc, goalId: string, record: StanceRecord): void {
  const parsed = StanceRecordSchema.safeParse(record);
  if (!parsed.success || parsed.data.goalId !== goalId) throw new StanceNotForGoalError(goalId);
  existingParts(doc, goalId).stances.push([parsed.data]);
}

/** The stances of one goal as stored, shape-checked (signatures are checked by gatherGoal). Id: "goalId#index". */
export function readStances(doc: Y.Doc, goalId: string): ReadResult<StanceRecord>[] {
  const parts = partsOf(goalsMap(doc).get(goalId));
  if (typeof parts === 'string') return [];
  return parts.stances.toJSON().map((raw, index) => readWith(StanceRecordSchema, `${goalId}#${index}`, raw));
}

/** The workspace quorum; a damaged or missing value falls back to the default (and says so). */
export function readQuorum(doc: Y.Doc): { quorum: Quorum; problem?: string } {
  const raw = workspaceSettingsMap(doc).get('quorum');
  if (raw === undefined) return { quorum: DEFAULT_QUORUM };
  const read = readWith(QuorumSchema, 'quorum', raw);
  return read.ok ? { quorum: read.value } : { quorum: DEFAULT_QUORUM, problem: read.problem };
}

export function setQuorum(doc: Y.Doc, quorum: Quorum): void {
  workspaceSettingsMap(doc).set('quorum', QuorumSchema.parse(quorum));
}

function organisationIdsOf(doc: Y.Doc): string[] {
  return readOrganisations(doc).flatMap((read) => (read.ok ? [read.value.id] : []));
}

/**
 * Everything goalStanding needs for one goal, read from the document; stances
 * are verified here. `holders`: the counted mandate holders per organisation;
 * `workspaceOrganisations`: the ids of the readable organisations (read once
 * for many goals).
 */
async function gatherGoal(
  doc: Y.Doc,
  goalId: string,
  holders: ReadonlyMap<string, readonly MandateHolder[]>,
  workspaceOrganisations: readonly string[] = organisationIdsOf(doc),
): Promise<{ input: AdoptionInput; current: CanonicalGoalText; versions: VersionInForce[] }> {
  const parts = existingParts(doc, goalId);
  const goal = readEntry(goalId, parts.entry);
  const organisationIds = goal.ok ? goal.value.organisationIds : [];
  const invited = new Set(organisationIds);
  // Every other organisation may join by a signed stance (adoption.ts), so its mandate holders are needed too.
  const others = workspaceOrganisations.filter((id) => !invited.has(id));
  const current = await currentGoalText(doc, goalId);
  const input: AdoptionInput = {
    goalId,
    currentTextHash: current.textHash,
    organisations: organisationIds.map((id) => ({ id, mandateHolders: holders.get(id) ?? [] })),
    otherOrganisations: others.map((id) => ({ id, mandateHolders: holders.get(id) ?? [] })),
    stances: await checkStances(parts.stances.toJSON()),
    quorum: readQuorum(doc).quorum,
  };
  return { input, current, versions: goal.ok ? versionsInForce(goal.value) : [] };
}

/**
 * A goal's adoption, with the mandates as resolved for `authority` (the member
 * list: which mandates count depends on it). `result` is the rule on the text
 * as it is now; `standing` adds the version in force beside a proposal.
 */
export async function goalAdoption(doc: Y.Doc, goalId: string, authority: MandateAuthority): Promise<{ input: AdoptionInput; result: AdoptionResult; standing: GoalStanding; current: CanonicalGoalText; mandates: MandateState }> {
  const mandates = (await readWorkspaceMandates(doc, authority)).state;
  const { input, current, versions } = await gatherGoal(doc, goalId, countedHolders(mandates));
  const standing = goalStanding(input, current, versions);
  return { input, result: standing.live, standing, current, mandates };
}

const RESPONDED = new Set(['endorsed', 'reservations', 'stoodAside', 'objected']);

/** The readable goals in the shape the dashboard counts; responded = a valid stance on the current text. */
export async function goalSummaries(doc: Y.Doc, authority: MandateAuthority): Promise<GoalSummary[]> {
  const goals = readGoals(doc).flatMap((read) => (read.ok ? [read.value] : []));
  // The mandates are the workspace's, not a goal's: resolved (and their signatures checked) once for all goals.
  const holders = countedHolders((await readWorkspaceMandates(doc, authority)).state);
  const organisations = organisationIdsOf(doc);
  return Promise.all(
    goals.map(async (goal) => {
      const { input, current, versions } = await gatherGoal(doc, goal.id, holders, organisations);
      const standing = goalStanding(input, current, versions);
      const result = standing.inForce?.result ?? standing.live;
      return {
        id: goal.id,
        createdAt: goal.createdAt,
        participatingOrganisationIds: result.organisations.map((o) => o.organisationId),
        respondedOrganisationIds: result.organisations.filter((o) => RESPONDED.has(o.status)).map((o) => o.organisationId),
        adopted: standing.inForce !== undefined,
        ...(result.adoptedAt === undefined ? {} : { adoptedAt: result.adoptedAt }),
      };
    }),
  );
}
