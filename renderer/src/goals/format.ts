/** Dates and name lists in the UI language; pure so the goal screens format alike. */

import { formatDate, formattingLocale } from '../i18n/format-date';

export function formatMoment(timestamp: number, language: string | undefined): string {
  return formatDate(timestamp, 'moment', language);
}

/** "A, B en C" / "A, B and C". */
export function joinNames(names: readonly string[], language: string | undefined): string {
  return new Intl.ListFormat(formattingLocale(language), { style: 'long', type: 'conjunction' }).format(names);
}
