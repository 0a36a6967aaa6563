import { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createGoal, goalStatementFragment } from '../../../../shared/workspace-doc/goals';
import { presentMembers } from '../../../../shared/sync/presence';
import { CARET_PALETTE, FALLBACK_CARET_COLOUR, caretColour, caretLabel, caretUser } from './caret-user';

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('caret colours', () => {
  it('every palette colour and the fallback carry white label text at WCAG AA (4.5:1)', () => {
    for (const colour of [...CARET_PALETTE, FALLBACK_CARET_COLOUR]) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
  });

  it('is the same colour for the same member every time, and always from the palette', () => {
    fc.assert(
      fc.property(fc.string(), (memberId) => {
        const colour = caretColour(memberId);
        expect(caretColour(memberId)).toBe(colour);
        expect(CARET_PALETTE).toContain(colour);
      }),
    );
  });

  it('spreads member ids over the palette', () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => caretColour(crypto.randomUUID() + String(i))));
    expect(used.size).toBe(CARET_PALETTE.length);
  });
});

describe('caretUser', () => {
  const presence = { memberId: 'm-anne', displayName: 'Anne de Vries', organisationName: 'Gemeente Leiden' };

  it('keeps the presence fields and adds name and colour from the member id', () => {
    expect(caretUser(presence, 'Anne')).toEqual({ ...presence, name: 'Anne', color: caretColour('m-anne') });
  });

  it('falls back to the name for the colour when there is no presence yet', () => {
    expect(caretUser(undefined, 'Anne')).toEqual({ name: 'Anne', color: caretColour('Anne') });
    expect(caretUser(['odd'], 'Anne')).toEqual({ name: 'Anne', color: caretColour('Anne') });
  });

  it('leaves presence working when the caret extension writes the merged user into the awareness', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const awarenessA = new Awareness(docA);
    const awarenessB = new Awareness(docB);
    awarenessA.setLocalStateField('user', presence);
    // What CollaborationCaret does with its `user` option: replace the whole field.
    awarenessA.setLocalStateField('user', caretUser(awarenessA.getLocalState()?.user, 'Anne de Vries'));
    const seenByB = new Map(awarenessB.getStates());
    const localA = awarenessA.getLocalState();
    if (localA) seenByB.set(awarenessA.clientID, localA);
    expect(presentMembers(seenByB, awarenessB.clientID, 'm-bram')).toEqual([presence]);
    awarenessA.destroy();
    awarenessB.destroy();
  });
});

describe('caretLabel', () => {
  it('shows a peer name and colour that are well formed', () => {
    expect(caretLabel({ name: ' Bram ', color: '#1864ab' }, 'Naamloos')).toEqual({ name: 'Bram', color: '#1864ab' });
  });

  it('never shows raw peer junk', () => {
    expect(caretLabel({ name: 42, color: 'red; background: url(x)' }, 'Naamloos')).toEqual({ name: 'Naamloos', color: FALLBACK_CARET_COLOUR });
    expect(caretLabel(null, 'Naamloos')).toEqual({ name: 'Naamloos', color: FALLBACK_CARET_COLOUR });
    expect(caretLabel({ name: 'x'.repeat(500) }, 'Naamloos').name).toHaveLength(80);
  });
});

describe('carets across goals sharing one awareness', () => {
  it('a cursor in one goal statement resolves in that goal and nowhere in another', () => {
    const doc = new Y.Doc();
    const first = createGoal(doc, { title: 'Zon op daken', text: 'Eerste doel' }, { memberId: 'm-anne', now: 1 });
    const second = createGoal(doc, { title: 'Warmtenet', text: 'Tweede doel' }, { memberId: 'm-anne', now: 2 });
    const fragmentOne = goalStatementFragment(doc, first);
    const fragmentTwo = goalStatementFragment(doc, second);
    if (!fragmentOne || !fragmentTwo) throw new Error('goals have no statement');
    const paragraph = fragmentOne.get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const cursor = Y.createRelativePositionFromTypeIndex(text, 3);
    const json = JSON.parse(JSON.stringify(Y.relativePositionToJSON(cursor))) as unknown;
    const relative = Y.createRelativePositionFromJSON(json);
    // Position 1 is inside the first paragraph; 3 characters in gives 4.
    expect(relativePositionToAbsolutePosition(doc, fragmentOne, relative, new Map())).toBe(4);
    expect(relativePositionToAbsolutePosition(doc, fragmentTwo, relative, new Map())).toBeNull();
  });
});
