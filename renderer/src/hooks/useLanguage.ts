import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../contexts/database-context';
import { LanguageSchema, saveLanguage, type Language } from '../storage/settings-store';

export function applyLanguageToDocument(language: Language): void {
  document.documentElement.lang = language;
}

/** The UI language and a setter that also remembers it on this device. */
export function useLanguage(): { language: Language; setLanguage: (language: Language) => Promise<void> } {
  const db = useDatabase();
  const { i18n } = useTranslation();
  const parsed = LanguageSchema.safeParse(i18n.resolvedLanguage);
  const language = parsed.success ? parsed.data : 'nl';
  const setLanguage = useCallback(
    async (next: Language) => {
      await i18n.changeLanguage(next);
      applyLanguageToDocument(next);
      await saveLanguage(db, next);
    },
    [db, i18n],
  );
  return { language, setLanguage };
}
