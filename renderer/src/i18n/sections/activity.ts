import type { Widen } from '../locale-shape';

/** Strings for the activity view. */
export const activityNl = {
} as const;

export const activityEn: Widen<typeof activityNl> = {
};
