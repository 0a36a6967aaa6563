import { z } from 'zod';
import type { StroomkringDatabase } from './database';

export const LanguageSchema = z.enum(['nl', 'en']);
export type Language = z.infer<typeof LanguageSchema>;
export const DEFAULT_LANGUAGE: Language = 'nl';

const LANGUAGE_KEY = 'language';

/** A missing or unreadable setting falls back to Dutch. */
export async function loadLanguage(db: StroomkringDatabase): Promise<Language> {
  const row = await db.settings.get(LANGUAGE_KEY);
  const parsed = LanguageSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
}

export async function saveLanguage(db: StroomkringDatabase, language: Language): Promise<void> {
  await db.settings.put({ key: LANGUAGE_KEY, value: language });
}
