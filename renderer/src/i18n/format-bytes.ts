/**
 * One way to show a size (issue 14, item 5; the documents and the file and
 * backup screens each had their own, with different output): counted in
 * powers of 1024, as the app's limits are set and as Windows shows sizes,
 * and named and written by Intl in the UI language: 512 byte, 1,5 kB, 23 MB.
 */
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export function formatByteSize(bytes: number, locale: string | undefined): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // One decimal where it tells something (1,5 kB), none for whole bytes or from 100 up.
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
}
