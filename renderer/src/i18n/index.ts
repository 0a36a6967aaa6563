import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { nl } from './nl';

export const SUPPORTED_LANGUAGES = ['nl', 'en'] as const;

/** Dutch (the default) is in the first bundle; English loads when chosen, so the first screen does not carry both. */
export async function initI18n(): Promise<typeof i18next> {
  await i18next
    .use(initReactI18next)
    .use(resourcesToBackend(async (language: string) => (language === 'en' ? (await import('./en')).en : nl)))
    .init({
      resources: { nl: { translation: nl } },
      partialBundledLanguages: true,
      lng: 'nl',
      fallbackLng: 'nl',
      supportedLngs: SUPPORTED_LANGUAGES,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return i18next;
}

export { i18next };
