import type { Widen } from '../locale-shape';

/** Strings for comments. */
export const commentsNl = {
} as const;

export const commentsEn: Widen<typeof commentsNl> = {
};
