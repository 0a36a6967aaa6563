/**
 * One way to write a moment or a day in the UI language (issue 14, item 5:
 * 18 places each built their own Intl formatter, some in 'en', some in
 * 'en-GB', some per render). English is written as in Europe (en-GB: day
 * before month, 24-hour clock), as the partners read it. Formatters are
 * cached per language and style: building one costs more than using it.
 */
import { useTranslation } from 'react-i18next';

export type DateStyle =
  /** 6 dec 2026, 21:21 */
  | 'moment'
  /** 6 dec 2026, 21:21:31 */
  | 'momentWithSeconds'
  /** 6 dec 2026 */
  | 'day'
  /** 6 december 2026 */
  | 'longDay'
  /** 6 dec (a chart's axis; the day as stored, in UTC) */
  | 'chartDay';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  moment: { dateStyle: 'medium', timeStyle: 'short' },
  momentWithSeconds: { dateStyle: 'medium', timeStyle: 'medium' },
  day: { dateStyle: 'medium' },
  longDay: { day: 'numeric', month: 'long', year: 'numeric' },
  chartDay: { day: 'numeric', month: 'short', timeZone: 'UTC' },
};

/** The locale the UI language formats in. */
export function formattingLocale(language: string | undefined): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter itself, for a range (formatRange) or to hand on. */
export function dateFormatter(style: DateStyle, language: string | undefined): Intl.DateTimeFormat {
  const locale = formattingLocale(language);
  const key = `${locale} ${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, OPTIONS[style]);
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDate(at: number | Date, style: DateStyle, language: string | undefined): string {
  return dateFormatter(style, language).format(at);
}

/** A calendar day (YYYY-MM-DD) as the reader writes it, read as that local day (not UTC midnight). */
export function formatCalendarDay(day: string, language: string | undefined): string {
  const [year, month, date] = day.split('-').map(Number);
  return formatDate(new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1), 'day', language);
}

/** formatDate in the language the UI shows now. */
export function useFormatDate(): (at: number | Date, style: DateStyle) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return (at, style) => formatDate(at, style, language);
}
