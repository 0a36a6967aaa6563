import { describe, expect, it } from 'vitest';
import { formatCalendarDay, formatDate } from './format-date';

const AT = new Date(2026, 11, 6, 21, 21, 31).getTime();

describe('formatDate', () => {
  it('writes moments and days in Dutch, and in English as in Europe', () => {
    expect(formatDate(AT, 'moment', 'nl')).toBe('6 dec 2026, 21:21');
    expect(formatDate(AT, 'momentWithSeconds', 'nl')).toBe('6 dec 2026, 21:21:31');
    expect(formatDate(AT, 'day', 'nl')).toBe('6 dec 2026');
    expect(formatDate(AT, 'longDay', 'nl')).toBe('6 december 2026');
    expect(formatDate(AT, 'moment', 'en')).toBe('6 Dec 2026, 21:21');
    expect(formatDate(AT, 'longDay', 'en')).toBe('6 December 2026');
  });

  it('reads a calendar day as that local day', () => {
    expect(formatCalendarDay('2027-01-05', 'nl')).toBe('5 jan 2027');
    expect(formatCalendarDay('2027-01-05', 'en')).toBe('5 Jan 2027');
  });
});
