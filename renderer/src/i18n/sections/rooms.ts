import type { Widen } from '../locale-shape';

/** Strings for confidential rooms. */
export const roomsNl = {
} as const;

export const roomsEn: Widen<typeof roomsNl> = {
};
