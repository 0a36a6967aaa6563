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
