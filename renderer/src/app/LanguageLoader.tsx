import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../contexts/database-context';
import { loadLanguage } from '../storage/settings-store';
import { applyLanguageToDocument } from '../hooks/useLanguage';

/** Applies the remembered language before the first screen renders, so nothing flickers from Dutch to English. */
export function LanguageLoader({ children }: { children: ReactNode }) {
  const db = useDatabase();
  const { i18n } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    loadLanguage(db)
      .catch(() => 'nl' as const)
      .then(async (language) => {
        await i18n.changeLanguage(language);
        applyLanguageToDocument(language);
        if (live) setReady(true);
      });
    return () => {
      live = false;
    };
  }, [db, i18n]);
  return ready ? children : null;
}
