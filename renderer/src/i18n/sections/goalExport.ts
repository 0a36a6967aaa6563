import type { Widen } from '../locale-shape';

/** Export en controle van een aangenomen doel. */
export const goalExportNl = {
  title: 'goalExport',
} as const;

export const goalExportEn: Widen<typeof goalExportNl> = {
  title: 'goalExport',
};
