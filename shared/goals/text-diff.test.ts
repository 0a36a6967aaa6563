import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffText, hasChanges, sideOf } from './text-diff';

describe('diffText', () => {
  it('marks a changed word as removed and added, the rest as same', () => {
    expect(diffText('Wij verduurzamen 500 woningen per jaar.', 'Wij verduurzamen 800 woningen per jaar.')).toEqual([
      { kind: 'same', text: 'Wij verduurzamen ' },
      { kind: 'removed', text: '500' },
      { kind: 'added', text: '800' },
      { kind: 'same', text: ' woningen per jaar.' },
    ]);
  });

  it('shows an added sentence as one added run', () => {
    const parts = diffText('Samen naar 2030.', 'Samen naar 2030. En verder.');
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.text)).toEqual([' En verder.']);
    expect(parts.some((part) => part.kind === 'removed')).toBe(false);
  });

  it('treats a new paragraph break as a change', () => {
    expect(hasChanges(diffText('Eén. Twee.', 'Eén.\n\nTwee.'))).toBe(true);
  });

  it('reports no change for equal texts, and nothing at all for two empty texts', () => {
    expect(diffText('Gelijk', 'Gelijk')).toEqual([{ kind: 'same', text: 'Gelijk' }]);
    expect(hasChanges(diffText('Gelijk', 'Gelijk'))).toBe(false);
    expect(diffText('', '')).toEqual([]);
  });

  it('never has two neighbouring parts of one kind', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const parts = diffText(before, after);
        return parts.every((part, i) => part.text !== '' && (i === 0 || parts[i - 1]?.kind !== part.kind));
      }),
    );
  });

  it('rebuilds both texts exactly from its parts', () => {
    const words = fc.array(fc.constantFrom('de', 'regio', 'warmte', ' ', '\n', ',', 'é', 'e\u0301'), { maxLength: 30 }).map((w) => w.join(''));
    fc.assert(
      fc.property(fc.oneof(words, fc.string()), fc.oneof(words, fc.string()), (before, after) => {
        const parts = diffText(before, after);
        expect(sideOf(parts, 'before')).toBe(before);
        expect(sideOf(parts, 'after')).toBe(after);
      }),
    );
  });
});
