import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

export interface GoalStatementEditorProps {
  /** The goal's statement fragment (goalStatementFragment(doc, goalId)). */
  readonly fragment: Y.XmlFragment;
  /** The workspace sync's awareness; undefined while sync is starting or failed (then no carets). */
  readonly awareness: Awareness | undefined;
  /** Name shown on this user's caret at the partners. */
  readonly userName: string;
  readonly editable: boolean;
}

/** STUB (owned by the editor helper): TipTap bound to the fragment, with carets over the awareness. */
export function GoalStatementEditor(_props: GoalStatementEditorProps) {
  return null;
}
