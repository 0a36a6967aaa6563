import type { Widen } from '../locale-shape';

/** Strings for the document library. */
export const documentsNl = {
} as const;

export const documentsEn: Widen<typeof documentsNl> = {
};
