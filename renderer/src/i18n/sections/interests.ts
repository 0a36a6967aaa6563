import type { Widen } from '../locale-shape';

/** Strings for interests on the table. */
export const interestsNl = {
} as const;

export const interestsEn: Widen<typeof interestsNl> = {
};
