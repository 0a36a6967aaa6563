import type { Widen } from '../locale-shape';

/** De editor voor de doeltekst: samen live bewerken, met opmaak en ongedaan maken van eigen wijzigingen. */
export const goalEditorNl = {
  label: 'Doeltekst',
  toolbar: 'Opmaak van de doeltekst',
  bold: 'Vet',
  italic: 'Cursief',
  heading2: 'Kop',
  heading3: 'Subkop',
  bulletList: 'Opsomming',
  orderedList: 'Genummerde lijst',
  undo: 'Ongedaan maken',
  redo: 'Opnieuw',
  undoHint: 'Maakt alleen je eigen wijzigingen ongedaan',
  withShortcut: '{{action}} ({{keys}})',
  readOnly: 'Je kunt deze tekst alleen lezen.',
  unnamed: 'Naamloos',
} as const;

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
