/**
 * Ideas (Samen creëren) in the workspace Y.Doc:
 *
 *   ideas: Y.Map<ideaId, Y.Map>
 *     title, description, tags (string[]), goalId? (a goal's id), createdBy,
 *     createdAt, updatedAt              plain values, written per field so two
 *                                       partners editing different fields both keep theirs
 *     status: IdeaStatus                one plain object (idea-status.ts), replaced
 *                                       whole, so concurrent moves never mix
 *     votes:  Y.Map<memberId, votedAt>  one key per member: two members voting at
 *                                       once both count (different keys), a member
 *                                       voting twice or on two devices counts once
 *                                       (same key); withdrawing deletes the key
 *
 * The votes map is created with the idea, never later: two peers each creating
 * it would leave one map and drop the other's votes.
 *
 * A vote is keyed by a member id; like every field here it is not signed, so
 * the trust level is that of the rest of the workspace document.
 */
import { z } from 'zod';
import * as Y from 'yjs';
import { FIELD_ERRORS, optionalText, requiredText } from '../domain/text-fields';
import { removeCommentsOn } from './comments';
import { IdeaStatusSchema, transition, type IdeaMove, type IdeaStatus } from './idea-status';
import { readWith, type ReadResult } from './read-result';
import { ideasMap, ROOT } from './schema';
import { defineCollection } from './collection';
import { StroomkringError } from '../errors/stroomkring-error';

export const IDEA_LIMITS = {
  /** A headline, as on a sticky note. */
  title: 200,
  /** A few paragraphs; a worked-out plan belongs in the document library. */
  description: 4000,
  tag: 40,
  tags: 20,
} as const;

const id = z.string().min(1).max(64);

/** What a member types; `goalId` '' means: not linked to a goal. */
export const IdeaInputSchema = z.object({
  title: requiredText(IDEA_LIMITS.title),
  description: optionalText(IDEA_LIMITS.description),
  tags: z.array(requiredText(IDEA_LIMITS.tag)).max(IDEA_LIMITS.tags, FIELD_ERRORS.tooLong),
  goalId: z.string().max(64, FIELD_ERRORS.invalidChoice),
});
export type IdeaInput = z.input<typeof IdeaInputSchema>;

const StoredIdeaSchema = z.object({
  id,
  title: z.string().min(1).max(IDEA_LIMITS.title),
  description: z.string().max(IDEA_LIMITS.description),
  tags: z.array(z.string().min(1).max(IDEA_LIMITS.tag)).max(IDEA_LIMITS.tags),
  goalId: id.optional(),
  createdBy: id,
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  status: IdeaStatusSchema,
});

export interface Vote {
  readonly memberId: string;
  readonly at: number;
}

export type Idea = z.infer<typeof StoredIdeaSchema> & {
  /** Valid votes, oldest first. */
  readonly votes: readonly Vote[];
  /** Keys of vote entries a peer wrote in a shape this version cannot read; not counted. */
  readonly damagedVotes: readonly string[];
};

export class UnknownIdeaError extends StroomkringError {
  override readonly name = 'UnknownIdeaError';
  constructor(readonly ideaId: string) {
    super(`No readable idea with id ${ideaId} in this workspace`);
  }
}

const VoteKeySchema = id;
const VotedAtSchema = z.number().int().nonnegative();

function readVotes(votes: Y.Map<unknown>): { votes: Vote[]; damagedVotes: string[] } {
  const valid: Vote[] = [];
  const damaged: string[] = [];
  votes.forEach((at, memberId) => {
    if (VoteKeySchema.safeParse(memberId).success && VotedAtSchema.safeParse(at).success) valid.push({ memberId, at: at as number });
    else damaged.push(memberId);
  });
  valid.sort((a, b) => a.at - b.at || a.memberId.localeCompare(b.memberId));
  return { votes: valid, damagedVotes: damaged.sort() };
}

function readEntry(key: string, entry: unknown): ReadResult<Idea> {
  if (!(entry instanceof Y.Map)) return { ok: false, id: key, problem: 'entry is not a map' };
  const votes = entry.get('votes');
  if (!(votes instanceof Y.Map)) return { ok: false, id: key, problem: 'votes: not a map' };
  const raw: Record<string, unknown> = { ...(entry.toJSON() as Record<string, unknown>), id: key };
  delete raw.votes;
  const core = readWith(StoredIdeaSchema, key, raw);
  if (!core.ok) return core;
  return { ok: true, id: key, value: { ...core.value, ...readVotes(votes) } };
}

/** Every idea, valid or damaged, newest first. */
/** Newest first; damaged entries last. */
export function byNewestIdea(a: ReadResult<Idea>, b: ReadResult<Idea>): number {
  return (b.ok ? b.value.createdAt : -1) - (a.ok ? a.value.createdAt : -1) || a.id.localeCompare(b.id);
}

/** Ideas, newest first: only the author changes what an idea says; each member casts only their own vote. */
export const ideaRecords = defineCollection<Idea>({
  root: ROOT.ideas,
  owner: { by: 'creator', creatorField: 'createdBy', creatorFields: ['title', 'description', 'tags', 'goalId'], perMemberParts: ['votes'] },
  read: readEntry,
  order: byNewestIdea,
});

export function readIdeas(doc: Y.Doc): ReadResult<Idea>[] {
  return ideaRecords.readAll(doc);
}

export function readIdea(doc: Y.Doc, ideaId: string): ReadResult<Idea> | undefined {
  return ideaRecords.readOne(doc, ideaId);
}

export function hasVoted(idea: Idea, memberId: string): boolean {
  return idea.votes.some((vote) => vote.memberId === memberId);
}

/**
 * The votes that count: those of current, valid members. A vote under an id
 * no member has (a damaged entry, or a peer inventing voters) is not counted.
 */
export function countedVotes(idea: Idea, memberIds: ReadonlySet<string>): Vote[] {
  return idea.votes.filter((vote) => memberIds.has(vote.memberId));
}

export function addIdea(doc: Y.Doc, input: IdeaInput, by: { memberId: string; now: number; id?: string }): string {
  const fields = IdeaInputSchema.parse(input);
  const key = by.id ?? crypto.randomUUID();
  const entry = new Y.Map<unknown>();
  const status: IdeaStatus = { state: 'new', at: by.now, by: by.memberId };
  doc.transact(() => {
    entry.set('title', fields.title);
    entry.set('description', fields.description);
    entry.set('tags', [...fields.tags]);
    if (fields.goalId !== '') entry.set('goalId', fields.goalId);
    entry.set('createdBy', by.memberId);
    entry.set('createdAt', by.now);
    entry.set('updatedAt', by.now);
    entry.set('status', status);
    entry.set('votes', new Y.Map<unknown>());
    ideasMap(doc).set(key, entry);
  });
  return key;
}

function entryOf(doc: Y.Doc, ideaId: string): Y.Map<unknown> {
  const entry = ideasMap(doc).get(ideaId);
  if (!(entry instanceof Y.Map)) throw new UnknownIdeaError(ideaId);
  return entry as Y.Map<unknown>;
}

function votesOf(doc: Y.Doc, ideaId: string): Y.Map<unknown> {
  const votes = entryOf(doc, ideaId).get('votes');
  if (!(votes instanceof Y.Map)) throw new UnknownIdeaError(ideaId);
  return votes as Y.Map<unknown>;
}

/** Writes only the fields that changed. */
export function updateIdea(doc: Y.Doc, ideaId: string, input: IdeaInput, now: number): void {
  const fields = IdeaInputSchema.parse(input);
  const entry = entryOf(doc, ideaId);
  doc.transact(() => {
    let changed = false;
    for (const field of ['title', 'description'] as const) {
      if (entry.get(field) !== fields[field]) {
        entry.set(field, fields[field]);
        changed = true;
      }
    }
    if (JSON.stringify(entry.get('tags')) !== JSON.stringify(fields.tags)) {
      entry.set('tags', [...fields.tags]);
      changed = true;
    }
    if ((entry.get('goalId') ?? '') !== fields.goalId) {
      if (fields.goalId === '') entry.delete('goalId');
      else entry.set('goalId', fields.goalId);
      changed = true;
    }
    if (changed) entry.set('updatedAt', now);
  });
}

/** One vote per member: voting again keeps the first vote (and its time) and sends nothing. */
export function vote(doc: Y.Doc, ideaId: string, memberId: string, now: number): void {
  const votes = votesOf(doc, ideaId);
  if (VotedAtSchema.safeParse(votes.get(memberId)).success) return;
  votes.set(memberId, now);
}

export function withdrawVote(doc: Y.Doc, ideaId: string, memberId: string): void {
  const votes = votesOf(doc, ideaId);
  if (votes.has(memberId)) votes.delete(memberId);
}

/**
 * Moves the idea along its life cycle (idea-status.ts), refusing a move the
 * cycle does not allow. The current status must be readable: moving a
 * damaged idea would paper over what a peer broke.
 */
export function moveIdea(doc: Y.Doc, ideaId: string, move: IdeaMove, by: { memberId: string; now: number }): IdeaStatus {
  const entry = entryOf(doc, ideaId);
  const current = IdeaStatusSchema.safeParse(entry.get('status'));
  if (!current.success) throw new UnknownIdeaError(ideaId);
  const next = transition(current.data, move, by);
  doc.transact(() => {
    entry.set('status', next);
    entry.set('updatedAt', by.now);
  });
  return next;
}

/**
 * Removes an idea and the comments on it. Only for an idea nothing has been
 * decided on yet (status new): once discussed, taken up or declined it is
 * part of the record. Who may do it is checked by the caller (idea-permissions.ts).
 */
export function removeIdea(doc: Y.Doc, ideaId: string): void {
  const ideas = ideasMap(doc);
  if (!ideas.has(ideaId)) return;
  doc.transact(() => {
    ideas.delete(ideaId);
    removeCommentsOn(doc, { kind: 'idea', id: ideaId });
  });
}
