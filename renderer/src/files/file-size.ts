const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** 1,5 MB / 1.5 MB: binary multiples with the names people know, one decimal from MB up. */
export function formatFileSize(bytes: number, locale: string | undefined): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit >= 2 ? 1 : 0 }).format(value)} ${UNITS[unit]}`;
}
