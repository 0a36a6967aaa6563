/**
 * The TipTap extensions for a goal statement: StarterKit without its own
 * history (Collaboration brings y-undo, which undoes only this user's edits),
 * Collaboration bound to the goal's fragment, and — when sync is running —
 * carets over the workspace awareness (read through awareness-guard).
 *
 * Every peer must run the same schema: y-prosemirror deletes a node it cannot
 * build from the shared fragment, so a node type disabled here but produced
 * by another peer would be removed for everyone. Hence StarterKit stays whole
 * (only the heading levels offered in the toolbar are narrowed, which does not
 * change the schema) and links never open on click. The trailing-node helper
 * is off: it writes by itself, see below.
 *
 * The caret element holds no text: the label is drawn outside the editable
 * element (CaretLabels), so the partner's name is not part of the text a
 * screen reader or a test reads from the textbox.
 */
import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { guardedAwareness } from './awareness-guard';
import { caretLabel, caretUser } from './caret-user';

/** Alpha suffix for a remote selection's background, so the text under it stays readable. */
const SELECTION_ALPHA = '33';

export const CARET_CLASS = 'collaboration-carets__caret';

function renderCaret(user: Record<string, unknown>, fallbackName: string): HTMLElement {
  const { name, color } = caretLabel(user, fallbackName);
  const caret = document.createElement('span');
  caret.classList.add(CARET_CLASS);
  caret.style.borderColor = color;
  caret.dataset.name = name;
  caret.dataset.color = color;
  caret.setAttribute('aria-hidden', 'true');
  return caret;
}

export interface EditorExtensionInput {
  readonly fragment: Y.XmlFragment;
  readonly awareness: Awareness | undefined;
  readonly userName: string;
  /** Shown on the caret of a peer that publishes no usable name; read when drawn, so a language switch needs no rebuild. */
  readonly unnamed: () => string;
}

export function goalEditorExtensions({ fragment, awareness, userName, unnamed }: EditorExtensionInput): Extensions {
  const extensions: Extensions = [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [2, 3] },
      link: { openOnClick: false },
      // It appends an empty paragraph by itself, even in a read-only viewer: merely opening a goal would write to the shared doc.
      trailingNode: false,
    }),
    Collaboration.configure({ fragment }),
  ];
  if (awareness) {
    const localUser: unknown = awareness.getLocalState()?.user;
    extensions.push(
      CollaborationCaret.configure({
        // The caret extension only needs `.awareness` of a provider; peers' states reach it validated.
        provider: { awareness: guardedAwareness(awareness, unnamed) },
        user: caretUser(localUser, userName),
        render: (user) => renderCaret(user, unnamed()),
        selectionRender: (user) => {
          const { color } = caretLabel(user, unnamed());
          return { class: 'collaboration-carets__selection', style: `background-color: ${color}${SELECTION_ALPHA}` };
        },
      }),
    );
  }
  return extensions;
}
