import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, commentRecords } from '../../../shared/workspace-doc/comments';
import type { IdeaStatus } from '../../../shared/workspace-doc/idea-status';
import { addIdea, ideaRecords, type Idea } from '../../../shared/workspace-doc/ideas';
import { ideasMap, workingGroupsMap } from '../../../shared/workspace-doc/schema';
import { RecordStore, type CollectionReader } from '../../../shared/read-model/record-store';
import { goalRecords } from '../../../shared/workspace-doc/goals';
import { memberRecords } from '../../../shared/workspace-doc/members';
import { organisationRecords } from '../../../shared/workspace-doc/organisations';
import { workingGroupRecords } from '../../../shared/workspace-doc/working-groups';
import { ideaRows, ideasSnapshotOf, tagsInUse, visibleIdeas, type IdeaRow } from './ideas-view';

const idea = (id: string, createdAt: number, extra: Partial<Idea> = {}): Idea => ({
  id,
  title: id,
  description: '',
  tags: [],
  createdBy: 'anne',
  createdAt,
  updatedAt: createdAt,
  status: { state: 'new', at: createdAt, by: 'anne' } as IdeaStatus,
  votes: [],
  damagedVotes: [],
  ...extra,
});

/** The snapshot the section shows, read through the read model as the app reads it. */
function readIdeasSnapshot(doc: Y.Doc) {
  const store = new RecordStore(doc);
  const list = <T,>(reader: CollectionReader<T>) => store.collection(reader).list;
  const snapshot = ideasSnapshotOf({ ideas: list(ideaRecords), members: list(memberRecords), organisations: list(organisationRecords), goals: list(goalRecords), groups: list(workingGroupRecords), comments: list(commentRecords) });
  store.destroy();
  return snapshot;
}

const votes = (...memberIds: string[]) => memberIds.map((memberId, at) => ({ memberId, at }));

describe('ideas view', () => {
  it('counts only current members’ votes and knows my own', () => {
    const rows = ideaRows([idea('a', 1, { votes: votes('anne', 'ghost', 'bram') })], new Set(['anne', 'bram']), 'bram');
    expect(rows[0]).toMatchObject({ voteCount: 2, voted: true });
  });

  it('sorts by votes then newest, or newest only', () => {
    const rows: IdeaRow[] = [
      { idea: idea('old', 1), voteCount: 3, voted: false },
      { idea: idea('mid', 2), voteCount: 1, voted: false },
      { idea: idea('new', 3), voteCount: 1, voted: false },
    ];
    expect(visibleIdeas(rows, 'votes', { status: 'all', tag: '' }).map((row) => row.idea.id)).toEqual(['old', 'new', 'mid']);
    expect(visibleIdeas(rows, 'newest', { status: 'all', tag: '' }).map((row) => row.idea.id)).toEqual(['new', 'mid', 'old']);
  });

  it('filters by status and by tag ignoring case', () => {
    const rows: IdeaRow[] = [
      { idea: idea('a', 1, { tags: ['Opslag'] }), voteCount: 0, voted: false },
      { idea: idea('b', 2, { tags: ['zon'], status: { state: 'underDiscussion', at: 2, by: 'anne' } }), voteCount: 0, voted: false },
    ];
    expect(visibleIdeas(rows, 'newest', { status: 'underDiscussion', tag: '' }).map((row) => row.idea.id)).toEqual(['b']);
    expect(visibleIdeas(rows, 'newest', { status: 'all', tag: 'opslag' }).map((row) => row.idea.id)).toEqual(['a']);
    expect(visibleIdeas(rows, 'newest', { status: 'new', tag: 'zon' })).toEqual([]);
  });

  it('the order does not depend on the order read', () => {
    const row = fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), createdAt: fc.nat(5), voteCount: fc.nat(3) });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.id }), fc.constantFrom('votes' as const, 'newest' as const), (raw, sort) => {
        const rows = raw.map((r) => ({ idea: idea(r.id, r.createdAt), voteCount: r.voteCount, voted: false }));
        const ids = (list: IdeaRow[]) => visibleIdeas(list, sort, { status: 'all', tag: '' }).map((r) => r.idea.id);
        expect(ids([...rows].reverse())).toEqual(ids(rows));
      }),
    );
  });

  it('lists each tag once, first spelling, alphabetically', () => {
    expect(tagsInUse([idea('a', 1, { tags: ['zon', 'Opslag'] }), idea('b', 2, { tags: ['opslag', 'Warmte'] })])).toEqual(['Opslag', 'Warmte', 'zon']);
  });

  it('reads ideas and their comment counts from a document', () => {
    const doc = new Y.Doc();
    const id = addIdea(doc, { title: 'Buurtbatterij', description: '', tags: [], goalId: '' }, { memberId: 'anne', now: 1 });
    addComment(doc, { kind: 'idea', id }, { memberId: 'bram', now: 2 }, 'Mooi');
    const snapshot = readIdeasSnapshot(doc);
    expect(snapshot.ideas.map((result) => result.ok)).toEqual([true]);
    expect(snapshot.commentCounts.get(id)).toBe(1);
  });

  it("a peer's damaged idea or group is reported, the rest stays readable", () => {
    const doc = new Y.Doc();
    addIdea(doc, { title: 'Buurtbatterij', description: '', tags: [], goalId: '' }, { memberId: 'anne', now: 1, id: 'good' });
    ideasMap(doc).set('bad', 'not a map');
    const broken = new Y.Map<unknown>();
    ideasMap(doc).set('half', broken);
    broken.set('title', 42);
    workingGroupsMap(doc).set('wg-bad', 7);
    const snapshot = readIdeasSnapshot(doc);
    expect(snapshot.ideas.filter((result) => result.ok).map((result) => result.id)).toEqual(['good']);
    expect(snapshot.ideas.filter((result) => !result.ok).map((result) => result.id).sort()).toEqual(['bad', 'half']);
    expect(snapshot.groups).toEqual([]);
  });
});
