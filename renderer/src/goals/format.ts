/** Dates and name lists in the UI language; pure so the goal screens format alike. */

const localeOf = (language: string | undefined) => (language === 'en' ? 'en-GB' : 'nl-NL');

export function formatMoment(timestamp: number, language: string | undefined): string {
  return new Date(timestamp).toLocaleString(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' });
}

/** "A, B en C" / "A, B and C". */
export function joinNames(names: readonly string[], language: string | undefined): string {
  return new Intl.ListFormat(localeOf(language), { style: 'long', type: 'conjunction' }).format(names);
}
