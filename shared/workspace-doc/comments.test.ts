import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, COMMENT_LIMITS, readAllComments, commentCounts, deleteComment, editComment, NotCommentAuthorError, readComments, removeCommentsOn, UnknownCommentError, type CommentTarget } from './comments';
import { commentsMap } from './schema';

const onDoc: CommentTarget = { kind: 'document', id: 'doc-1' };
const onInterest: CommentTarget = { kind: 'interest', id: 'org-1' };

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function texts(doc: Y.Doc, target: CommentTarget): string[] {
  return readComments(doc, target).map((read) => (read.ok ? read.value.text : `!${read.problem}`));
}

describe('comments', () => {
  it('adds comments per target, sorted by time', () => {
    const doc = new Y.Doc();
    addComment(doc, onDoc, { memberId: 'm1', now: 20 }, 'Tweede');
    const first = addComment(doc, onDoc, { memberId: 'm2', now: 10 }, '  Eerste  ');
    addComment(doc, onInterest, { memberId: 'm1', now: 5 }, 'Over het belang');
    expect(texts(doc, onDoc)).toEqual(['Eerste', 'Tweede']);
    expect(texts(doc, onInterest)).toEqual(['Over het belang']);
    expect(readComments(doc, onDoc)[0]).toEqual({ ok: true, id: first, value: { id: first, targetKind: 'document', targetId: 'doc-1', by: 'm2', text: 'Eerste', createdAt: 10 } });
    expect(commentCounts(doc, 'document')).toEqual(new Map([['doc-1', 2]]));
  });

  it('refuses empty and over-long text', () => {
    const doc = new Y.Doc();
    expect(() => addComment(doc, onDoc, { memberId: 'm1', now: 1 }, '   ')).toThrow();
    expect(() => addComment(doc, onDoc, { memberId: 'm1', now: 1 }, 'x'.repeat(COMMENT_LIMITS.text + 1))).toThrow();
    expect(commentsMap(doc).size).toBe(0);
  });

  it('lets only the author edit or delete', () => {
    const doc = new Y.Doc();
    const id = addComment(doc, onDoc, { memberId: 'm1', now: 1 }, 'Eerst');
    expect(() => editComment(doc, id, { memberId: 'm2', now: 2 }, 'Gekaapt')).toThrow(NotCommentAuthorError);
    expect(() => deleteComment(doc, id, 'm2')).toThrow(NotCommentAuthorError);
    editComment(doc, id, { memberId: 'm1', now: 3 }, 'Verbeterd');
    expect(readComments(doc, onDoc)[0]).toMatchObject({ ok: true, value: { text: 'Verbeterd', createdAt: 1, editedAt: 3 } });
    deleteComment(doc, id, 'm1');
    expect(readComments(doc, onDoc)).toEqual([]);
    expect(() => deleteComment(doc, id, 'm1')).toThrow(UnknownCommentError);
  });

  it('leaves editedAt unset when the text did not change', () => {
    const doc = new Y.Doc();
    const id = addComment(doc, onDoc, { memberId: 'm1', now: 1 }, 'Zelfde');
    editComment(doc, id, { memberId: 'm1', now: 9 }, 'Zelfde ');
    const read = readComments(doc, onDoc)[0];
    expect(read?.ok && read.value).not.toHaveProperty('editedAt');
  });

  it('keeps concurrent comments from every partner, in the same order everywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 10 }), (writes) => {
        const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
        writes.forEach(([writer, at], n) => addComment(docs[writer] as Y.Doc, onDoc, { memberId: `m${writer}`, now: at }, `c${n}`));
        const [a, b, c] = docs as [Y.Doc, Y.Doc, Y.Doc];
        sync(a, b);
        sync(b, c);
        sync(a, b);
        const orders = docs.map((doc) => texts(doc, onDoc));
        expect(orders[0]).toHaveLength(writes.length);
        expect(orders[1]).toEqual(orders[0]);
        expect(orders[2]).toEqual(orders[0]);
        const times = readComments(a, onDoc).map((read) => (read.ok ? read.value.createdAt : -1));
        expect(times).toEqual([...times].sort((x, y) => x - y));
      }),
    );
  });

  it("shows a peer's malformed comment as damaged, after the valid ones", () => {
    const doc = new Y.Doc();
    addComment(doc, onDoc, { memberId: 'm1', now: 1 }, 'Goed');
    commentsMap(doc).set('bad', new Y.Map<unknown>(Object.entries({ targetKind: 'document', targetId: 'doc-1', by: 'm2', text: 42, createdAt: 2 })));
    commentsMap(doc).set('junk', 'not a map');
    const reads = readComments(doc, onDoc);
    expect(reads.map((read) => read.ok)).toEqual([true, false]);
    expect(reads[1]).toMatchObject({ id: 'bad', ok: false });
    expect(commentCounts(doc, 'document').get('doc-1')).toBe(1);
  });

  it('removes every comment on a removed document, and only those', () => {
    const doc = new Y.Doc();
    addComment(doc, onDoc, { memberId: 'm1', now: 1 }, 'a');
    addComment(doc, onDoc, { memberId: 'm2', now: 2 }, 'b');
    addComment(doc, { kind: 'document', id: 'doc-2' }, { memberId: 'm1', now: 3 }, 'c');
    removeCommentsOn(doc, onDoc);
    expect(readComments(doc, onDoc)).toEqual([]);
    expect(texts(doc, { kind: 'document', id: 'doc-2' })).toEqual(['c']);
  });

  it('lists every valid comment on any target for the activity view', () => {
    const doc = new Y.Doc();
    addComment(doc, onDoc, { memberId: 'm1', now: 1 }, 'a');
    addComment(doc, onInterest, { memberId: 'm2', now: 2 }, 'b');
    commentsMap(doc).set('junk', 'not a map');
    expect(readAllComments(doc).map((comment) => comment.text).sort()).toEqual(['a', 'b']);
  });
});
