import type { nl } from './nl';

/** Same keys as the Dutch resource, any string values: a missing English key is a type error. */
export type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type LocaleShape = Widen<typeof nl>;
