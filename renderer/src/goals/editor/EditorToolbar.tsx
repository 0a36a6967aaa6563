import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp, IconBold, IconH2, IconH3, IconItalic, IconList, IconListNumbers, type Icon } from '@tabler/icons-react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

type Action = 'bold' | 'italic' | 'heading2' | 'heading3' | 'bulletList' | 'orderedList' | 'undo' | 'redo';

interface ToolbarState {
  readonly active: Readonly<Record<Action, boolean>>;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

const BUTTONS: readonly { readonly action: Action; readonly icon: Icon; readonly keys: string; readonly toggle: boolean }[] = [
  { action: 'bold', icon: IconBold, keys: `${mod}B`, toggle: true },
  { action: 'italic', icon: IconItalic, keys: `${mod}I`, toggle: true },
  { action: 'heading2', icon: IconH2, keys: `${mod}${isMac ? '⌥' : 'Alt+'}2`, toggle: true },
  { action: 'heading3', icon: IconH3, keys: `${mod}${isMac ? '⌥' : 'Alt+'}3`, toggle: true },
  { action: 'bulletList', icon: IconList, keys: `${mod}${isMac ? '⇧' : 'Shift+'}8`, toggle: true },
  { action: 'orderedList', icon: IconListNumbers, keys: `${mod}${isMac ? '⇧' : 'Shift+'}7`, toggle: true },
  { action: 'undo', icon: IconArrowBackUp, keys: `${mod}Z`, toggle: false },
  { action: 'redo', icon: IconArrowForwardUp, keys: `${mod}${isMac ? '⇧' : 'Shift+'}Z`, toggle: false },
];

function readState(editor: Editor): ToolbarState {
  const canUndo = editor.can().undo();
  const canRedo = editor.can().redo();
  return {
    active: {
      bold: editor.isActive('bold'),
      italic: editor.isActive('italic'),
      heading2: editor.isActive('heading', { level: 2 }),
      heading3: editor.isActive('heading', { level: 3 }),
      bulletList: editor.isActive('bulletList'),
      orderedList: editor.isActive('orderedList'),
      undo: false,
      redo: false,
    },
    canUndo,
    canRedo,
  };
}

function run(editor: Editor, action: Action): void {
  const chain = editor.chain().focus();
  switch (action) {
    case 'bold':
      chain.toggleBold().run();
      return;
    case 'italic':
      chain.toggleItalic().run();
      return;
    case 'heading2':
      chain.toggleHeading({ level: 2 }).run();
      return;
    case 'heading3':
      chain.toggleHeading({ level: 3 }).run();
      return;
    case 'bulletList':
      chain.toggleBulletList().run();
      return;
    case 'orderedList':
      chain.toggleOrderedList().run();
      return;
    case 'undo':
      // Collaboration's undo: y-undo over this user's own transactions only.
      chain.undo().run();
      return;
    case 'redo':
      chain.redo().run();
      return;
  }
}

/** Arrow keys move between the toolbar's buttons (the ARIA toolbar pattern); Tab still reaches each one. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const last = buttons.length - 1;
  const next = event.key === 'Home' ? 0 : event.key === 'End' ? last : event.key === 'ArrowRight' ? (current >= last ? 0 : current + 1) : current <= 0 ? last : current - 1;
  buttons[next]?.focus();
  event.preventDefault();
}

export function EditorToolbar({ editor }: { readonly editor: Editor }) {
  const { t } = useTranslation();
  const state = useEditorState({ editor, selector: ({ editor: current }) => readState(current) });

  return (
    <Group gap={4} role="toolbar" aria-label={t('goalEditor.toolbar')} onKeyDown={moveFocus} className="goal-editor__toolbar">
      {BUTTONS.map(({ action, icon: ActionIconGlyph, keys, toggle }) => {
        const name = t(`goalEditor.${action}`);
        const disabled = action === 'undo' ? !state.canUndo : action === 'redo' ? !state.canRedo : false;
        const pressed = toggle ? state.active[action] : undefined;
        const hint = action === 'undo' ? `${t('goalEditor.withShortcut', { action: name, keys })} — ${t('goalEditor.undoHint')}` : t('goalEditor.withShortcut', { action: name, keys });
        return (
          <Tooltip key={action} label={hint} openDelay={400}>
            <ActionIcon
              variant={pressed ? 'filled' : 'subtle'}
              size="lg"
              aria-label={name}
              aria-pressed={pressed}
              disabled={disabled}
              // Keep the editor's selection: a mouse press on a button must not move focus out first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => run(editor, action)}
            >
              <ActionIconGlyph size={18} stroke={1.8} aria-hidden="true" />
            </ActionIcon>
          </Tooltip>
        );
      })}
    </Group>
  );
}
