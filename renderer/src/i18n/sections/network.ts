import type { Widen } from '../locale-shape';

/** Strings for the network picture. */
export const networkNl = {
} as const;

export const networkEn: Widen<typeof networkNl> = {
};
