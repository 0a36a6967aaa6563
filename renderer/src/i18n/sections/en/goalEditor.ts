import type { Widen } from '../../locale-shape';
import type { goalEditorNl } from '../goalEditor';

export const goalEditorEn: Widen<typeof goalEditorNl> = {
  label: 'Goal text',
  toolbar: 'Goal text formatting',
  bold: 'Bold',
  italic: 'Italic',
  heading2: 'Heading',
  heading3: 'Subheading',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  undo: 'Undo',
  redo: 'Redo',
  undoHint: 'Undoes only your own changes',
  withShortcut: '{{action}} ({{keys}})',
  readOnly: 'You can only read this text.',
  unnamed: 'Unnamed',
};
