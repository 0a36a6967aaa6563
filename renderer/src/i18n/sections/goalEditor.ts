import type { Widen } from '../locale-shape';

/** De editor voor de doeltekst. */
export const goalEditorNl = {
  title: 'goalEditor',
} as const;

export const goalEditorEn: Widen<typeof goalEditorNl> = {
  title: 'goalEditor',
};
