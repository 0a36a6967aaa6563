/**
 * Working groups (Samen creëren) in the workspace Y.Doc:
 *
 *   workingGroups: Y.Map<groupId, Y.Map>
 *     name, purpose, createdBy, createdAt, updatedAt   plain values, per field
 *     members:   Y.Map<memberId, addedAt>     sets as maps keyed by id, so two
 *     goals:     Y.Map<goalId, addedAt>       partners adding at once both keep
 *     ideas:     Y.Map<ideaId, addedAt>       theirs (a plain array would be
 *     documents: Y.Map<documentId, addedAt>   replaced whole, last writer wins)
 *     actions:   Y.Map<actionId, Y.Map>
 *       title, ownerMemberId, due (YYYY-MM-DD), createdAt, createdBy
 *       doneAt: epoch ms | null               one key for done-ness, so "done"
 *                                             and "when" can never disagree
 *
 * The nested maps are created with the group, never later (two peers each
 * creating one would drop the other's entries). An idea is linked only by
 * taking it up (takeUpIdea), which also moves the idea to takenUp with this
 * group's id: both sides always agree.
 */
import { z } from 'zod';
import * as Y from 'yjs';
import { FIELD_ERRORS, optionalText, requiredText } from '../domain/text-fields';
import { CalendarDaySchema, sortActions } from './actions-due';
import { moveIdea } from './ideas';
import { organisationIdOf, type Member } from './members';
import { readWith, type ReadResult } from './read-result';
import { ROOT, workingGroupsMap } from './schema';
import { defineCollection } from './collection';
import { StroomkringError } from '../errors/stroomkring-error';

export const WORKING_GROUP_LIMITS = {
  name: 120,
  /** What the group is for, in a few sentences. */
  purpose: 2000,
  /** An action is a task ("Offerte opvragen bij Alliander"), not a plan. */
  actionTitle: 300,
} as const;

const id = z.string().min(1).max(64);
const time = z.number().int().nonnegative();

export const WorkingGroupInputSchema = z.object({
  name: requiredText(WORKING_GROUP_LIMITS.name),
  purpose: optionalText(WORKING_GROUP_LIMITS.purpose),
});
export type WorkingGroupInput = z.input<typeof WorkingGroupInputSchema>;

export const ActionInputSchema = z.object({
  title: requiredText(WORKING_GROUP_LIMITS.actionTitle),
  ownerMemberId: z.string().min(1, FIELD_ERRORS.required).max(64),
  due: z.string().refine((value) => CalendarDaySchema.safeParse(value).success, FIELD_ERRORS.invalidChoice),
});
export type ActionInput = z.input<typeof ActionInputSchema>;

const StoredActionSchema = z.object({
  id,
  title: z.string().min(1).max(WORKING_GROUP_LIMITS.actionTitle),
  ownerMemberId: id,
  due: CalendarDaySchema,
  doneAt: time.nullable(),
  createdAt: time,
  createdBy: id,
});

export interface GroupAction {
  readonly id: string;
  readonly title: string;
  readonly ownerMemberId: string;
  readonly due: string;
  readonly done: boolean;
  readonly doneAt?: number;
  readonly createdAt: number;
  readonly createdBy: string;
}

const StoredGroupSchema = z.object({
  id,
  name: z.string().min(1).max(WORKING_GROUP_LIMITS.name),
  purpose: z.string().max(WORKING_GROUP_LIMITS.purpose),
  createdBy: id,
  createdAt: time,
  updatedAt: time,
});

export const LINK_KINDS = ['members', 'goals', 'ideas', 'documents'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
const NESTED = [...LINK_KINDS, 'actions'] as const;

export type WorkingGroup = z.infer<typeof StoredGroupSchema> & {
  readonly memberIds: readonly string[];
  readonly goalIds: readonly string[];
  readonly ideaIds: readonly string[];
  readonly documentIds: readonly string[];
  /** Valid actions in display order (sortActions). */
  readonly actions: readonly GroupAction[];
  /** Links and actions a peer wrote in a shape this version cannot read, as "actions.<id>" or "members.<id>". */
  readonly damagedParts: readonly string[];
};

export class UnknownWorkingGroupError extends StroomkringError {
  override readonly name = 'UnknownWorkingGroupError';
  constructor(readonly groupId: string) {
    super(`No readable working group with id ${groupId} in this workspace`);
  }
}

export class UnknownActionError extends StroomkringError {
  override readonly name = 'UnknownActionError';
  constructor(readonly actionId: string) {
    super(`No action with id ${actionId} in this working group`);
  }
}

function readLinks(map: Y.Map<unknown>, kind: LinkKind, damaged: string[]): string[] {
  const ids: { id: string; at: number }[] = [];
  map.forEach((at, key) => {
    if (id.safeParse(key).success && time.safeParse(at).success) ids.push({ id: key, at: at as number });
    else damaged.push(`${kind}.${key}`);
  });
  return ids.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)).map((entry) => entry.id);
}

function readActions(map: Y.Map<unknown>, damaged: string[]): GroupAction[] {
  const actions: GroupAction[] = [];
  map.forEach((entry, key) => {
    const read = entry instanceof Y.Map ? readWith(StoredActionSchema, key, { ...(entry.toJSON() as Record<string, unknown>), id: key }) : undefined;
    if (!read?.ok) {
      damaged.push(`actions.${key}`);
      return;
    }
    const { doneAt, ...rest } = read.value;
    actions.push(doneAt === null ? { ...rest, done: false } : { ...rest, done: true, doneAt });
  });
  return sortActions(actions);
}

function readEntry(key: string, entry: unknown): ReadResult<WorkingGroup> {
  if (!(entry instanceof Y.Map)) return { ok: false, id: key, problem: 'entry is not a map' };
  for (const part of NESTED) if (!(entry.get(part) instanceof Y.Map)) return { ok: false, id: key, problem: `${part}: not a map` };
  const raw: Record<string, unknown> = { ...(entry.toJSON() as Record<string, unknown>), id: key };
  for (const part of NESTED) delete raw[part];
  const core = readWith(StoredGroupSchema, key, raw);
  if (!core.ok) return core;
  const damaged: string[] = [];
  const nested = (part: (typeof NESTED)[number]) => entry.get(part) as Y.Map<unknown>;
  const value: WorkingGroup = {
    ...core.value,
    memberIds: readLinks(nested('members'), 'members', damaged),
    goalIds: readLinks(nested('goals'), 'goals', damaged),
    ideaIds: readLinks(nested('ideas'), 'ideas', damaged),
    documentIds: readLinks(nested('documents'), 'documents', damaged),
    actions: readActions(nested('actions'), damaged),
    damagedParts: damaged.sort(),
  };
  return { ok: true, id: key, value };
}

/** Every working group, valid or damaged, by name. */
const groupSortKey = (result: ReadResult<WorkingGroup>) => (result.ok ? result.value.name : `\uffff${result.id}`);

/** By name; damaged entries last. */
export function byGroupName(a: ReadResult<WorkingGroup>, b: ReadResult<WorkingGroup>): number {
  return groupSortKey(a).localeCompare(groupSortKey(b), 'nl') || a.id.localeCompare(b.id);
}

/** Working groups, by name: shared work that any member edits (who may do what inside one: working-group-permissions.ts). */
export const workingGroupRecords = defineCollection<WorkingGroup>({ root: ROOT.workingGroups, owner: { by: 'everyone', creatorField: 'createdBy' }, read: readEntry, order: byGroupName });

export function readWorkingGroups(doc: Y.Doc): ReadResult<WorkingGroup>[] {
  return workingGroupRecords.readAll(doc);
}

export function readWorkingGroup(doc: Y.Doc, groupId: string): ReadResult<WorkingGroup> | undefined {
  return workingGroupRecords.readOne(doc, groupId);
}

/** Starts a group; its founder is its first member (who starts a group works in it). */
export function addWorkingGroup(doc: Y.Doc, input: WorkingGroupInput, by: { memberId: string; now: number; id?: string }): string {
  const fields = WorkingGroupInputSchema.parse(input);
  const key = by.id ?? crypto.randomUUID();
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    entry.set('name', fields.name);
    entry.set('purpose', fields.purpose);
    entry.set('createdBy', by.memberId);
    entry.set('createdAt', by.now);
    entry.set('updatedAt', by.now);
    for (const part of NESTED) entry.set(part, new Y.Map<unknown>());
    workingGroupsMap(doc).set(key, entry);
    (entry.get('members') as Y.Map<unknown>).set(by.memberId, by.now);
  });
  return key;
}

function nestedOf(doc: Y.Doc, groupId: string, part: (typeof NESTED)[number]): Y.Map<unknown> {
  const entry = workingGroupsMap(doc).get(groupId);
  const nested = entry instanceof Y.Map ? entry.get(part) : undefined;
  if (!(nested instanceof Y.Map)) throw new UnknownWorkingGroupError(groupId);
  return nested as Y.Map<unknown>;
}

export function updateWorkingGroup(doc: Y.Doc, groupId: string, input: WorkingGroupInput, now: number): void {
  const fields = WorkingGroupInputSchema.parse(input);
  const entry = workingGroupsMap(doc).get(groupId);
  if (!(entry instanceof Y.Map)) throw new UnknownWorkingGroupError(groupId);
  doc.transact(() => {
    let changed = false;
    for (const field of ['name', 'purpose'] as const) {
      if (entry.get(field) !== fields[field]) {
        entry.set(field, fields[field]);
        changed = true;
      }
    }
    if (changed) entry.set('updatedAt', now);
  });
}

/** Links a member, goal or document; ideas are linked by takeUpIdea so the idea's status agrees. */
export function link(doc: Y.Doc, groupId: string, kind: Exclude<LinkKind, 'ideas'>, targetId: string, now: number): void {
  const map = nestedOf(doc, groupId, kind);
  if (!time.safeParse(map.get(targetId)).success) map.set(id.parse(targetId), now);
}

export function unlink(doc: Y.Doc, groupId: string, kind: Exclude<LinkKind, 'ideas'>, targetId: string): void {
  const map = nestedOf(doc, groupId, kind);
  if (map.has(targetId)) map.delete(targetId);
}

/**
 * Makes the group's links of one kind exactly `targetIds`: adds the missing
 * and removes the others, keeping the time of those that stay (so the list
 * order does not jump). One transaction: a peer sees the whole edit.
 */
export function setLinks(doc: Y.Doc, groupId: string, kind: Exclude<LinkKind, 'ideas'>, targetIds: readonly string[], now: number): void {
  const map = nestedOf(doc, groupId, kind);
  const wanted = new Set(targetIds.map((targetId) => id.parse(targetId)));
  doc.transact(() => {
    for (const key of [...map.keys()]) if (!wanted.has(key)) map.delete(key);
    for (const targetId of wanted) if (!time.safeParse(map.get(targetId)).success) map.set(targetId, now);
  });
}

/**
 * The group takes up the idea: the idea moves to takenUp with this group's id
 * and the group lists the idea, in one transaction. A move the idea's life
 * cycle refuses throws before anything is written.
 */
export function takeUpIdea(doc: Y.Doc, groupId: string, ideaId: string, by: { memberId: string; now: number }): void {
  const ideas = nestedOf(doc, groupId, 'ideas');
  doc.transact(() => {
    moveIdea(doc, ideaId, { to: 'takenUp', workingGroupId: groupId }, by);
    ideas.set(ideaId, by.now);
  });
}

export function addAction(doc: Y.Doc, groupId: string, input: ActionInput, by: { memberId: string; now: number; id?: string }): string {
  const fields = ActionInputSchema.parse(input);
  const actions = nestedOf(doc, groupId, 'actions');
  const key = by.id ?? crypto.randomUUID();
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    entry.set('title', fields.title);
    entry.set('ownerMemberId', fields.ownerMemberId);
    entry.set('due', fields.due);
    entry.set('doneAt', null);
    entry.set('createdAt', by.now);
    entry.set('createdBy', by.memberId);
    actions.set(key, entry);
  });
  return key;
}

function actionOf(doc: Y.Doc, groupId: string, actionId: string): Y.Map<unknown> {
  const entry = nestedOf(doc, groupId, 'actions').get(actionId);
  if (!(entry instanceof Y.Map)) throw new UnknownActionError(actionId);
  return entry as Y.Map<unknown>;
}

/** Writes only the fields that changed. */
export function updateAction(doc: Y.Doc, groupId: string, actionId: string, input: ActionInput): void {
  const fields = ActionInputSchema.parse(input);
  const entry = actionOf(doc, groupId, actionId);
  doc.transact(() => {
    for (const field of ['title', 'ownerMemberId', 'due'] as const) if (entry.get(field) !== fields[field]) entry.set(field, fields[field]);
  });
}

/** Marks done (keeping the first done time if already done) or open again. */
export function setActionDone(doc: Y.Doc, groupId: string, actionId: string, done: boolean, now: number): void {
  const entry = actionOf(doc, groupId, actionId);
  const isDone = typeof entry.get('doneAt') === 'number';
  if (done && !isDone) entry.set('doneAt', now);
  if (!done && entry.get('doneAt') !== null) entry.set('doneAt', null);
}

export function removeAction(doc: Y.Doc, groupId: string, actionId: string): void {
  const actions = nestedOf(doc, groupId, 'actions');
  if (actions.has(actionId)) actions.delete(actionId);
}

/** The organisations the group's members speak for, each once: a group should span several. */
export function groupOrganisationIds(group: Pick<WorkingGroup, 'memberIds'>, members: readonly Member[], organisations: readonly { id: string; name: string }[]): string[] {
  const ids = new Set<string>();
  for (const memberId of group.memberIds) {
    const member = members.find((candidate) => candidate.memberId === memberId);
    const organisationId = member ? organisationIdOf(member, organisations) : undefined;
    if (organisationId) ids.add(organisationId);
  }
  return [...ids];
}
