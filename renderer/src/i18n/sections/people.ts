import type { Widen } from '../locale-shape';

/** Strings for member profiles, introductions and the directory. */
export const peopleNl = {
} as const;

export const peopleEn: Widen<typeof peopleNl> = {
};
