import type { Widen } from '../locale-shape';

/** Strings for file storage and transfer. */
export const filesNl = {
} as const;

export const filesEn: Widen<typeof filesNl> = {
};
