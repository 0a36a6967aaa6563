import type { Widen } from '../locale-shape';

/** Doelen (Samenwerken): lijst, doelweergave, mandaten, standpunten, draagvlak, besluitenlog. */
export const goalsNl = {
  title: 'goals',
} as const;

export const goalsEn: Widen<typeof goalsNl> = {
  title: 'goals',
};
