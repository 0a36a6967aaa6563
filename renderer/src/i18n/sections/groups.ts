import type { Widen } from '../locale-shape';

/** Werkgroepen en acties. */
export const groupsNl = {
  title: 'groups',
} as const;

export const groupsEn: Widen<typeof groupsNl> = {
  title: 'groups',
};
