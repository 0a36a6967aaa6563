/**
 * Word-level difference between the text a stance was given on and the
 * current text, for showing "given on an earlier version". A thin wrapper
 * over jsdiff's diffWordsWithSpace so the UI never depends on jsdiff's change
 * objects directly.
 *
 * Whitespace and line breaks are tokens of their own (diffWordsWithSpace, not
 * diffWords): a paragraph split is a real change to a goal text, and joining
 * the `same` and `added` parts gives back the new text exactly, the `same`
 * and `removed` parts the old one.
 */
import { diffWordsWithSpace } from 'diff';

export type TextDiffKind = 'same' | 'added' | 'removed';
export interface TextDiffPart {
  readonly kind: TextDiffKind;
  readonly text: string;
}

export function diffText(before: string, after: string): TextDiffPart[] {
  const parts: TextDiffPart[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    if (change.value === '') continue;
    const kind: TextDiffKind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    // jsdiff may emit neighbouring changes of one kind; merged, a UI marks one run per change.
    const last = parts.at(-1);
    if (last?.kind === kind) parts[parts.length - 1] = { kind, text: last.text + change.value };
    else parts.push({ kind, text: change.value });
  }
  return parts;
}

/** The text on one side of a diff: `before` leaves out what was added, `after` what was removed. */
export function sideOf(parts: readonly TextDiffPart[], side: 'before' | 'after'): string {
  const skip: TextDiffKind = side === 'before' ? 'added' : 'removed';
  return parts
    .filter((part) => part.kind !== skip)
    .map((part) => part.text)
    .join('');
}

/** Whether anything changed at all (an unchanged text diffs to one `same` part, or none when empty). */
export function hasChanges(parts: readonly TextDiffPart[]): boolean {
  return parts.some((part) => part.kind !== 'same');
}
