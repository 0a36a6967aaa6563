/**
 * A goal's statement lives in a Y.XmlFragment, not a Y.Text: TipTap's
 * collaboration extension (y-prosemirror) binds to an XmlFragment, and a
 * Y.Text cannot be bound to it later without a migration. What is signed is
 * never the fragment but its plain text, canonicalised (canonicalGoalText),
 * so formatting never makes a stance stale and every peer hashes the same.
 *
 * Plain text: top-level blocks (paragraph, heading, list, ...) are separated
 * by a blank line, nested blocks (list items) by a line break, a hardBreak
 * element is a line break, marks (bold, links) are dropped.
 */
import * as Y from 'yjs';

const LINE_BREAK_ELEMENTS = new Set(['hardBreak', 'br']);

function textOf(node: Y.XmlText): string {
  return (node.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

function blockText(element: Y.XmlElement | Y.XmlFragment): string {
  const children = element.toArray();
  const hasBlocks = children.some((child) => child instanceof Y.XmlElement && !LINE_BREAK_ELEMENTS.has(child.nodeName));
  if (!hasBlocks) return children.map((child) => (child instanceof Y.XmlText ? textOf(child) : child instanceof Y.XmlElement ? '\n' : '')).join('');
  return children.map((child) => (child instanceof Y.XmlText ? textOf(child) : child instanceof Y.XmlElement ? blockText(child) : '')).join('\n');
}

/** The statement as plain text, before canonicalisation. Anything unexpected inside is skipped, never thrown on. */
export function statementPlainText(fragment: Y.XmlFragment): string {
  return fragment
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? textOf(child) : child instanceof Y.XmlElement ? blockText(child) : ''))
    .join('\n\n');
}

/** Replaces the whole statement with paragraphs (split on blank lines), for goals created outside the editor and for tests. */
export function replaceStatement(fragment: Y.XmlFragment, text: string): void {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== '');
  const run = () => {
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      paragraphs.map((paragraph) => {
        const element = new Y.XmlElement('paragraph');
        element.insert(0, [new Y.XmlText(paragraph)]);
        return element;
      }),
    );
  };
  if (fragment.doc) fragment.doc.transact(run);
  else run();
}
