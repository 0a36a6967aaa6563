import { Box } from '@mantine/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CaretLabels } from './CaretLabels';
import { EditorToolbar } from './EditorToolbar';
import { goalEditorExtensions } from './editor-extensions';
import './goal-editor.css';

export interface GoalStatementEditorProps {
  /** The goal's statement fragment (goalStatementFragment(doc, goalId)). */
  readonly fragment: Y.XmlFragment;
  /** The workspace sync's awareness; undefined while sync is starting or failed (then no carets). */
  readonly awareness: Awareness | undefined;
  /** Name shown on this user's caret at the partners. */
  readonly userName: string;
  readonly editable: boolean;
}

function contentAttributes(label: string, editable: boolean): Record<string, string> {
  return {
    // Passed whole on every update: TipTap's own role="textbox" default is only merged in at creation.
    role: 'textbox',
    'aria-label': label,
    'aria-multiline': 'true',
    'aria-readonly': editable ? 'false' : 'true',
    class: 'goal-editor__content',
  };
}

/**
 * A goal's statement, co-edited live: TipTap bound to the goal's
 * Y.XmlFragment, with the partners' carets over the workspace awareness.
 *
 * The editor is rebuilt when the fragment, the awareness (sync restarted or
 * came up) or the own name changes, because the Yjs binding and the caret
 * plugin take them at creation. Editable and the labels only reconfigure it.
 */
export function GoalStatementEditor({ fragment, awareness, userName, editable }: GoalStatementEditorProps) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const label = t('goalEditor.label');
  // Read through the i18n instance when a caret is drawn, so switching language does not rebuild the editor.
  const extensions = useMemo(() => goalEditorExtensions({ fragment, awareness, userName, unnamed: () => i18n.t('goalEditor.unnamed') }), [fragment, awareness, userName, i18n]);

  const editor = useEditor(
    {
      extensions,
      editable,
      injectCSS: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: contentAttributes(label, editable) },
    },
    [extensions],
  );

  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.setOptions({ editorProps: { attributes: contentAttributes(label, editable) } });
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, label, editable]);

  return (
    <Box className="goal-editor">
      {editable && <EditorToolbar editor={editor} />}
      <div ref={box} className="goal-editor__surface">
        <EditorContent editor={editor} />
        {awareness && <CaretLabels editor={editor} box={box} />}
      </div>
    </Box>
  );
}
