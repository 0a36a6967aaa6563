import type { Widen } from '../locale-shape';

/** Ideeën (Samen creëren). */
export const ideasNl = {
  title: 'ideas',
} as const;

export const ideasEn: Widen<typeof ideasNl> = {
  title: 'ideas',
};
