/**
 * Comments on documents, interests and ideas, in a shared Y.Doc (the workspace's or
 * a confidential room's):
 *
 *   comments: Y.Map<commentId, Y.Map>
 *     targetKind ('document' | 'interest' | 'idea'), targetId, by (memberId), text,
 *     createdAt, editedAt?
 *
 * One nested map per comment under its own random id, so two partners
 * commenting at the same moment both keep theirs, and an edit touches only
 * that comment's text. Only the author edits or removes a comment; this is
 * checked on the writing side (the document carries no signatures, so a
 * modified client could still do it — same trust level as every other field).
 */
import { z } from 'zod';
import * as Y from 'yjs';
import type { ReadResult } from './read-result';
import { commentsMap, ROOT } from './schema';
import { defineCollection, plainMapEntry } from './collection';
import { StroomkringError } from '../errors/stroomkring-error';

export const COMMENT_LIMITS = {
  /** A comment is a remark, not a document; long texts belong in the library. */
  text: 4000,
} as const;

export const CommentTargetSchema = z.object({
  kind: z.enum(['document', 'interest', 'idea']),
  id: z.string().min(1).max(64),
});
export type CommentTarget = z.infer<typeof CommentTargetSchema>;

export const CommentTextSchema = z.string().trim().min(1).max(COMMENT_LIMITS.text);

const StoredCommentSchema = z.object({
  id: z.string().min(1).max(64),
  targetKind: CommentTargetSchema.shape.kind,
  targetId: CommentTargetSchema.shape.id,
  by: z.string().min(1).max(64),
  text: CommentTextSchema,
  createdAt: z.number().int().nonnegative(),
  editedAt: z.number().int().nonnegative().optional(),
});
export type Comment = z.infer<typeof StoredCommentSchema>;

export class UnknownCommentError extends StroomkringError {
  override readonly name = 'UnknownCommentError';
  constructor(readonly commentId: string) {
    super(`No comment with id ${commentId}`);
  }
}

export class NotCommentAuthorError extends StroomkringError {
  override readonly name = 'NotCommentAuthorError';
  constructor(readonly commentId: string) {
    super(`Only the author may change comment ${commentId}`);
  }
}

/** Comments, every target's in one collection, oldest first; only the author (`by`) changes one. */
export const commentRecords = defineCollection<Comment>({ root: ROOT.comments, owner: { by: 'creator', creatorField: 'by' }, read: plainMapEntry(StoredCommentSchema), order: byTime });

/** Whether a raw entry claims this target, read before validation so a damaged comment still shows under what it was meant for. */
function claimsTarget(entry: unknown, target: CommentTarget): boolean {
  return entry instanceof Y.Map && entry.get('targetKind') === target.kind && entry.get('targetId') === target.id;
}

function byTime(a: ReadResult<Comment>, b: ReadResult<Comment>): number {
  const at = a.ok ? a.value.createdAt : Number.MAX_SAFE_INTEGER;
  const bt = b.ok ? b.value.createdAt : Number.MAX_SAFE_INTEGER;
  // Ties broken by id so every partner shows the same order.
  return at - bt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The comments on one document or interest, oldest first; damaged entries last, reported, never thrown. */
export function readComments(doc: Y.Doc, target: CommentTarget): ReadResult<Comment>[] {
  return commentsOn(doc, commentRecords.readAll(doc), target);
}

/**
 * The comments on one target among already-read records (the read model's),
 * as readComments gives them: a damaged one shows under the target its raw
 * entry names, looked up in `doc` (damaged entries are few).
 */
export function commentsOn(doc: Y.Doc, results: readonly ReadResult<Comment>[], target: CommentTarget): ReadResult<Comment>[] {
  const on = (result: ReadResult<Comment>) => (result.ok ? result.value.targetKind === target.kind && result.value.targetId === target.id : claimsTarget(commentsMap(doc).get(result.id), target));
  return results.filter(on).sort(byTime);
}

/** How many valid comments each target of one kind has, for counts on cards. */
export function commentCounts(doc: Y.Doc, kind: CommentTarget['kind']): Map<string, number> {
  return countByTarget(commentRecords.readAll(doc), kind);
}

/** How many readable comments each target of this kind has. */
export function countByTarget(comments: readonly ReadResult<Comment>[], kind: CommentTarget['kind']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const read of comments) if (read.ok && read.value.targetKind === kind) counts.set(read.value.targetId, (counts.get(read.value.targetId) ?? 0) + 1);
  return counts;
}

export function addComment(doc: Y.Doc, target: CommentTarget, by: { memberId: string; now: number }, text: string, id: string = crypto.randomUUID()): string {
  const validTarget = CommentTargetSchema.parse(target);
  const validText = CommentTextSchema.parse(text);
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    entry.set('targetKind', validTarget.kind);
    entry.set('targetId', validTarget.id);
    entry.set('by', by.memberId);
    entry.set('text', validText);
    entry.set('createdAt', by.now);
    commentsMap(doc).set(id, entry);
  });
  return id;
}

function ownEntry(doc: Y.Doc, id: string, memberId: string): Y.Map<unknown> {
  const entry = commentsMap(doc).get(id);
  if (!(entry instanceof Y.Map)) throw new UnknownCommentError(id);
  if (entry.get('by') !== memberId) throw new NotCommentAuthorError(id);
  return entry as Y.Map<unknown>;
}

export function editComment(doc: Y.Doc, id: string, by: { memberId: string; now: number }, text: string): void {
  const validText = CommentTextSchema.parse(text);
  const entry = ownEntry(doc, id, by.memberId);
  if (entry.get('text') === validText) return;
  doc.transact(() => {
    entry.set('text', validText);
    entry.set('editedAt', by.now);
  });
}

export function deleteComment(doc: Y.Doc, id: string, memberId: string): void {
  ownEntry(doc, id, memberId);
  commentsMap(doc).delete(id);
}

/** Removes every comment on a target (used when the document itself is removed), whoever wrote them. */
export function removeCommentsOn(doc: Y.Doc, target: CommentTarget): void {
  const map = commentsMap(doc);
  const ids: string[] = [];
  map.forEach((entry, id) => {
    if (claimsTarget(entry, target)) ids.push(id);
  });
  if (ids.length === 0) return;
  doc.transact(() => {
    for (const id of ids) map.delete(id);
  });
}

/** Every valid comment in the document, on any target, oldest first. */
export function readAllComments(doc: Y.Doc): Comment[] {
  return commentRecords.readAll(doc).flatMap((result) => (result.ok ? [result.value] : []));
}
